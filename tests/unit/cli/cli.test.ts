/**
 * The forecast CLI, run for real (`node --import tsx cli/forecast.ts …` from the repository root): its table, JSON
 * and CSV, the --samples and --seed overrides, and exit code 2 with the bad field named for bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runModel } from '../../../src/model/monte-carlo';
import { OUTPUT_IDS } from '../../../src/model/indicators';
import { formatMonth, parseMonth } from '../../../src/model/months';
import { parseScenario } from '../../../src/scenario/schema';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BASELINE = 'scenarios/baseline.json';
const tmp = mkdtempSync(join(tmpdir(), 'yangfan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/forecast.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOutput {
  start: string;
  months: string[];
  central: number[];
  bands: Record<string, number[]>;
  value: number;
  pMet: number;
  crossingCdf: number[];
}
interface JsonResult {
  samples: number;
  seed: number;
  horizon: string;
  pAllMet: number;
  outputs: Record<string, JsonOutput>;
}

describe('forecast CLI', () => {
  const json500 = cli(BASELINE, '--json', '--samples', '500');

  it('prints a table with every output, target, verdict, P(met) and the joint probability', () => {
    const r = cli(BASELINE, '--samples', '500');
    expect(r.code, r.stderr).toBe(0);
    for (const id of OUTPUT_IDS) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
    expect(r.stdout).toMatch(/P\(all 8 headline targets met at 2023-12\)/);
    expect(r.stdout).toMatch(/^users\s+[\d.,]+ M\s+> 560 M\s+(met|missed)/m);
    expect(r.stdout).toMatch(/^user_penetration\s+[\d.]+ %/m);
    expect(r.stdout).toContain('500 samples');
  });

  it('--json gives full paths from each start to 2025-12 and the in-process values', () => {
    expect(json500.code, json500.stderr).toBe(0);
    const j = JSON.parse(json500.stdout) as JsonResult;
    expect(j.samples).toBe(500);
    expect(j.horizon).toBe('2025-12');
    const parsed = parseScenario(JSON.parse(readFileSync(join(ROOT, BASELINE), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const inProcess = runModel(parsed.scenario, 500);
    expect(j.pAllMet).toBe(inProcess.pAllMet);
    for (const id of OUTPUT_IDS) {
      const o = j.outputs[id];
      const len = parseMonth('2025-12') - parseMonth(o.start) + 1;
      expect(o.central).toHaveLength(len);
      expect(o.months).toHaveLength(len);
      expect(o.months[0]).toBe(o.start);
      expect(o.months[len - 1]).toBe('2025-12');
      expect(o.crossingCdf).toHaveLength(len);
      expect(Object.keys(o.bands)).toEqual(['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95']);
      for (const band of Object.values(o.bands)) expect(band).toHaveLength(len);
      // The deadline value: the central path at 2023-12, exactly as runModel computes it in this process.
      const d = o.months.indexOf('2023-12');
      expect(o.central[d]).toBe(o.value);
      expect(o.value).toBe(inProcess.outputs[id].value);
      expect(o.pMet).toBe(inProcess.outputs[id].pMet);
      expect(formatMonth(inProcess.outputs[id].start)).toBe(o.start);
    }
  });

  it('--csv prints the bands with the documented header, one row per output and month', () => {
    const r = cli(BASELINE, '--csv', '--samples', '500');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('indicator,month,central,p5,p10,p25,p50,p75,p90,p95');
    const j = JSON.parse(json500.stdout) as JsonResult;
    const rows = OUTPUT_IDS.reduce((sum, id) => sum + j.outputs[id].central.length, 0);
    expect(lines).toHaveLength(1 + rows);
    const first = lines[1].split(',');
    expect(first).toHaveLength(10);
    expect(first[0]).toBe(OUTPUT_IDS[0]);
    expect(Number(first[2])).toBe(j.outputs[OUTPUT_IDS[0]].central[0]);
  });

  it('--seed changes the sampled results, and the same seed reproduces identical JSON', () => {
    const again = cli(BASELINE, '--json', '--samples', '500');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(json500.stdout);
    const other = cli(BASELINE, '--json', '--samples', '500', '--seed', '7');
    expect(other.code, other.stderr).toBe(0);
    const a = JSON.parse(json500.stdout) as JsonResult;
    const b = JSON.parse(other.stdout) as JsonResult;
    expect(b.seed).toBe(7);
    expect(OUTPUT_IDS.some((id) => a.outputs[id].pMet !== b.outputs[id].pMet)).toBe(true);
    // The central path does not depend on the seed.
    for (const id of OUTPUT_IDS) expect(b.outputs[id].central).toEqual(a.outputs[id].central);
  });

  it('refuses an out-of-range parameter with exit code 2, naming the field and its range', () => {
    const file = join(tmp, 'bad-q.json');
    const raw = JSON.parse(readFileSync(join(ROOT, BASELINE), 'utf8'));
    raw.params.bassQ.value = 9;
    writeFileSync(file, JSON.stringify(raw));
    const r = cli(file, '--samples', '500');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('params.bassQ.value');
    expect(r.stderr).toContain('0 to 0.4');
  });

  it('refuses a file that is not JSON, a missing file, and a non-object', () => {
    const file = join(tmp, 'not.json');
    writeFileSync(file, 'samples: 1000\n');
    const r = cli(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    const missing = cli(join(tmp, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const arr = join(tmp, 'array.json');
    writeFileSync(arr, '[1, 2]');
    expect(cli(arr).code).toBe(2);
  });

  it('refuses bad flags: non-numeric or out-of-range --samples, unknown options, no file', () => {
    const abc = cli(BASELINE, '--samples', 'abc');
    expect(abc.code).toBe(2);
    expect(abc.stderr).toMatch(/samples must be a whole number/);
    const few = cli(BASELINE, '--samples', '5');
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/samples must be between 100 and 200000/);
    const seed = cli(BASELINE, '--seed', '-1', '--samples', '500');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/seed must be between 0 and 4294967295/);
    const unknown = cli(BASELINE, '--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --frobnicate/);
    expect(cli().code).toBe(2);
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:/);
  });
});
