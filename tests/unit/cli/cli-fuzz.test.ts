/**
 * The CLI's external inputs, fuzzed: argument vectors, override values and file contents never make it throw; in
 * the real process, hostile arguments end with exit code 2 and a message, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs, withOverrides } from '../../../cli/format';
import { parseScenario } from '../../../src/scenario/schema';

const flag = fc.constantFrom(
  '--json',
  '--csv',
  '--samples',
  '--seed',
  '--samples=',
  '--seed=1',
  '-h',
  '--help',
  '-x',
  '--',
  '-',
);
const token = fc.oneof(
  flag,
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
);

describe('CLI inputs, fuzzed', () => {
  it('parseArgs never throws and always says help, run or error', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        const r = parseArgs(argv);
        expect(['help', 'run', 'error']).toContain(r.kind);
        if (r.kind === 'error') expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });

  it('overrides and file contents never make the scenario parser throw', () => {
    fc.assert(
      fc.property(fc.anything(), fc.option(fc.string()), fc.option(fc.string()), (raw, samples, seed) => {
        const r = parseScenario(withOverrides(raw, { samples: samples ?? undefined, seed: seed ?? undefined }));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('the real process answers hostile arguments and files with exit 2 and a message, never a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yangfan-cli-'));
    const files = {
      binary: join(dir, 'binary.json'),
      deep: join(dir, 'deep.json'),
      proto: join(dir, 'proto.json'),
      huge: join(dir, 'huge.json'),
    };
    writeFileSync(files.binary, Buffer.from([0, 255, 1, 128, 10, 13]));
    writeFileSync(files.deep, '['.repeat(5000) + ']'.repeat(5000));
    writeFileSync(
      files.proto,
      '{"__proto__": {"samples": 5}, "constructor": {"prototype": {"x": 1}}, "params": {"bassQ": {"value": "1e999"}}}',
    );
    writeFileSync(files.huge, JSON.stringify({ samples: 1e12, seed: -1, horizon: '9999-99', asOf: 'yesterday' }));
    const cases: string[][] = [
      [files.binary],
      [files.deep],
      [files.proto],
      [files.huge, '--json'],
      ['scenarios/baseline.json', '--samples', 'NaN'],
      ['scenarios/baseline.json', '--seed', '-5'],
      ['scenarios/baseline.json', '--samples=1e400'],
      ['scenarios/baseline.json', '--json', '--csv'],
      ['scenarios/baseline.json', '--bogus'],
      [join(dir, 'missing.json')],
      [dir],
    ];
    for (const args of cases) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/forecast.ts', ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/error/);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  }, 120_000);
});
