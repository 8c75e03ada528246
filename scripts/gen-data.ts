/**
 * Generates src/data/observations.generated.ts from the CSV files of data/: the plan-launch snapshot, the running
 * file of official figures and the publication dates given in known-from.csv, through the validating loader
 * (src/data/load.ts). Runs before dev, build, test, forecast and bench (package.json), so adding a month's figures is
 * a CSV append. A bad row stops it with the file, line and column named. `--check` exits 1 when the module is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateModule } from '../src/data/generate';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const OUT = root('src/data/observations.generated.ts');

try {
  const text = generateModule({
    snapshot: readFileSync(root('data/observations-as-of-2021-07.csv'), 'utf8'),
    running: readFileSync(root('data/observations-2019-2024.csv'), 'utf8'),
    knownFrom: readFileSync(root('data/known-from.csv'), 'utf8'),
  });
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    // first run
  }
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('src/data/observations.generated.ts is stale: run npx tsx scripts/gen-data.ts');
      process.exit(1);
    }
  } else if (current !== text) {
    writeFileSync(OUT, text);
    console.log('wrote src/data/observations.generated.ts');
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
