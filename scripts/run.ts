/**
 * Runs a TypeScript tool (a benchmark, the screenshots) so that a failure for a known reason prints one line, not
 * a stack: `tsx scripts/run.ts [--needs-build] [--needs-chromium] [<tool.ts> [its arguments]]` (without a tool it
 * only checks, as `npm run preview` does before starting the server). It checks what the tool
 * needs first (a production build in dist/, the Chromium binary) and names the command that provides it; any error
 * the tool throws ends as `error: <first line of its message>` with exit code 1 (YANGFAN_DEBUG=1 prints the stack).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH } from '../tools/chromium';

function die(message: string, err?: unknown): never {
  if (process.env.YANGFAN_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
  // eslint-disable-next-line no-control-regex -- control characters are what this checks for
  const line = message.split('\n')[0].replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  process.stderr.write(`error: ${line}\n`);
  process.exit(1);
}

const fromError = (e: unknown) => (e instanceof Error ? e.message : String(e)) || 'unknown failure';

process.on('uncaughtException', (e) => die(fromError(e), e));
process.on('unhandledRejection', (e) => die(fromError(e), e));

const args = process.argv.slice(2);
const flags = new Set<string>();
while (args[0]?.startsWith('--needs-')) flags.add(args.shift()!);
const tool = args[0];
if (!tool && !flags.size) die('usage: tsx scripts/run.ts [--needs-build] [--needs-chromium] [<tool.ts> [arguments]]');
if (flags.has('--needs-build') && !existsSync('dist/index.html')) die('dist/ is missing: run `npm run build` first');
if (flags.has('--needs-chromium') && !existsSync(CHROMIUM_PATH))
  die(`Chromium is not at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
// Without a tool, only the checks (e.g. before `vite preview`).
if (!tool) process.exit(0);
if (!existsSync(tool)) die(`${tool} does not exist`);
// The tool reads its own arguments from process.argv: leave them where a directly run script would find them.
process.argv = [process.argv[0], resolve(tool), ...args.slice(1)];
try {
  await import(pathToFileURL(resolve(tool)).href);
} catch (e) {
  die(fromError(e), e);
}
