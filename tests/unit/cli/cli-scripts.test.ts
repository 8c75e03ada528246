/**
 * npm scripts that fail for a known reason print one line and no stack: the tools run through scripts/run.ts,
 * which checks for a build and for Chromium first and turns any error a tool throws into `error: <first line>`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const RUN = join(ROOT, 'scripts/run.ts');
const tmp = mkdtempSync(join(tmpdir(), 'yangfan-scripts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs scripts/run.ts in an empty directory (no dist/), as npm would from a fresh checkout. */
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', TSX, RUN, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });

function oneLine(r: ReturnType<typeof run>): string {
  expect(r.status).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
  return lines[0];
}

describe('npm scripts fail in one line', () => {
  it('the tools that need a build or Chromium go through the wrapper', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts['bench:ui']).toBe('tsx scripts/run.ts --needs-build --needs-chromium bench/ui.bench.ts');
    expect(scripts.screenshots).toBe('tsx scripts/run.ts --needs-build --needs-chromium scripts/screenshots.ts');
    expect(scripts.preview).toMatch(/^tsx scripts\/run\.ts --needs-build && vite preview$/);
    expect(scripts.bench).toBe('tsx scripts/run.ts bench/model.bench.ts');
  });

  it('bench:ui without a build', () => {
    expect(oneLine(run(['--needs-build', '--needs-chromium', join(ROOT, 'bench/ui.bench.ts')]))).toBe(
      'error: dist/ is missing: run `npm run build` first',
    );
    expect(oneLine(run(['--needs-build']))).toBe('error: dist/ is missing: run `npm run build` first');
  });

  it('a missing Chromium', () => {
    expect(
      oneLine(run(['--needs-chromium', join(ROOT, 'bench/ui.bench.ts')], { CHROMIUM_PATH: join(tmp, 'no-chromium') })),
    ).toBe(
      `error: Chromium is not at ${join(tmp, 'no-chromium')}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  });

  it('a tool that throws, at once or later, and a tool that is not there', () => {
    writeFileSync(join(tmp, 'sync.ts'), "throw new Error('the model file is damaged\\nsecond line');\n");
    expect(oneLine(run([join(tmp, 'sync.ts')]))).toBe('error: the model file is damaged');
    writeFileSync(
      join(tmp, 'later.ts'),
      "setTimeout(() => { throw new TypeError('late \\u001b[31mfailure'); }, 10);\n",
    );
    expect(oneLine(run([join(tmp, 'later.ts')]))).toBe('error: late [31mfailure');
    writeFileSync(join(tmp, 'reject.ts'), "void Promise.reject(new Error('rejected'));\n");
    expect(oneLine(run([join(tmp, 'reject.ts')]))).toBe('error: rejected');
    expect(oneLine(run([join(tmp, 'nope.ts')]))).toBe(`error: ${join(tmp, 'nope.ts')} does not exist`);
  });

  it('a tool that works runs with its own arguments', () => {
    writeFileSync(join(tmp, 'ok.ts'), 'console.log(JSON.stringify(process.argv.slice(2)));\n');
    const r = run([join(tmp, 'ok.ts'), '--repeats=2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['--repeats=2', '--json']);
  });
});
