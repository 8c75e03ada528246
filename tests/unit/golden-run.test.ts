/**
 * Golden run: every preset at 2,000 samples (and a few variants reaching the other model families and anchors) must reproduce, bit for bit, the results recorded in golden/run-hashes.json
 * (central paths, bands, P(met), crossing CDFs, deadline samples and the scalar summaries). Performance work on the
 * model may not change a single bit. Regenerate the file only when the equations change on purpose (and MODEL_VERSION
 * with them): `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden-run.test.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/model/monte-carlo';
import { OUTPUT_IDS } from '../../src/model/indicators';
import { PRESETS } from '../../src/scenario/presets';
import type { Scenario } from '../../src/scenario/schema';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'run-hashes.json');
const SAMPLES = 2000;

const hashArray = (a: Float64Array) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');

const base = PRESETS[0].scenario;
const variant = (patch: Partial<Scenario>): Scenario => ({ ...base, ...patch });

/** Every preset, plus variants of the baseline that reach the other families and anchors. */
const CASES: [string, Scenario, number][] = [
  ...PRESETS.map((p): [string, Scenario, number] => [p.id, p.scenario, SAMPLES]),
  ['baseline/logistic-logistic', variant({ families: { users: 'logistic', traffic: 'logistic' } }), SAMPLES],
  ['baseline/gompertz', variant({ families: { users: 'gompertz', traffic: 'structural' } }), SAMPLES],
  ['baseline/asOf-2020-12-31', variant({ asOf: '2020-12-31', families: { users: 'bass', traffic: 'logistic' } }), SAMPLES],
  ['baseline/asOf-2023-06-30-h2030', variant({ asOf: '2023-06-30', horizon: '2030-12' }), SAMPLES],
  ['baseline/777-samples-seed-1', variant({ seed: 1 }), 777],
];

/** Summarises a run: one entry per output, arrays by SHA-256 of their bytes, scalars as exact numbers. */
function summarise(s: Scenario, samples: number): Record<string, unknown> {
  const r = runModel(s, samples);
  const outputs: Record<string, unknown> = {};
  for (const id of OUTPUT_IDS) {
    const o = r.outputs[id];
    outputs[id] = {
      start: o.start,
      length: o.length,
      central: hashArray(o.central),
      bands: hashArray(o.bands),
      crossingCdf: hashArray(o.crossingCdf),
      deadlineSamples: hashArray(o.deadlineSamples),
      value: o.value,
      verdict: o.verdict,
      pMet: o.pMet,
      crossing: o.crossing,
      crossingMedian: o.crossingMedian,
    };
  }
  return { samples: r.samples, seed: r.seed, pAllMet: r.pAllMet, outputs };
}

const actual = Object.fromEntries(CASES.map(([name, s, n]) => [name, summarise(s, n)]));

if (process.env.UPDATE_GOLDEN === '1' || !existsSync(FILE)) {
  mkdirSync(dirname(FILE), { recursive: true });
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, JSON.stringify(actual, null, 1) + '\n');
}

describe('golden run', () => {
  it('has a golden file', () => {
    expect(existsSync(FILE), `missing ${FILE}: generate it with UPDATE_GOLDEN=1`).toBe(true);
  });
  const golden = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>) : {};
  for (const [name] of CASES) {
    it(`reproduces ${name} bit for bit`, () => {
      // JSON round trip so that numbers compare as they are stored (shortest round-trip form: exact for doubles).
      expect(JSON.parse(JSON.stringify(actual[name]))).toEqual(golden[name]);
    });
  }
});
