/**
 * Golden run: every preset of both plans at 2,000 samples (and a few variants reaching the other model families and
 * anchors) must reproduce, bit for bit, the results recorded in golden/run-hashes.json
 * (central paths, bands, P(met), crossing CDFs, deadline samples and the scalar summaries). Performance work on the
 * model may not change a single bit. Regenerate the file only when the equations change on purpose (and MODEL_VERSION
 * with them): `UPDATE_GOLDEN=1 npx vitest run tests/unit/model/golden-run.test.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../../src/model/monte-carlo';
import { Quantiler } from '../../../src/model/quantiles';
import { planOutputs } from '../../../src/model/plans';
import { PRESETS, UPGRADE_PRESETS } from '../../../src/scenario/presets';
import type { Scenario } from '../../../src/scenario/schema';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'run-hashes.json');
const SAMPLES = 2000;

const hashArray = (a: Float64Array) =>
  createHash('sha256')
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest('hex');

const base = PRESETS[0].scenario;
const variant = (patch: Partial<Scenario>): Scenario => ({ ...base, ...patch });

/**
 * Every preset, plus variants of the baseline that reach the other families and anchors. The upgrade plan's presets
 * (targets at 2027-12) follow the same convention: the preset's own seed, 2,000 samples.
 */
const CASES: [string, Scenario, number][] = [
  ...PRESETS.map((p): [string, Scenario, number] => [p.id, p.scenario, SAMPLES]),
  ...UPGRADE_PRESETS.map((p): [string, Scenario, number] => [p.id, p.scenario, SAMPLES]),
  ['baseline/logistic-logistic', variant({ families: { users: 'logistic', traffic: 'logistic' } }), SAMPLES],
  ['baseline/gompertz', variant({ families: { users: 'gompertz', traffic: 'structural' } }), SAMPLES],
  [
    'baseline/asOf-2020-12-31',
    variant({ asOf: '2020-12-31', families: { users: 'bass', traffic: 'logistic' } }),
    SAMPLES,
  ],
  ['baseline/asOf-2023-06-30-h2030', variant({ asOf: '2023-06-30', horizon: '2030-12' }), SAMPLES],
  ['baseline/777-samples-seed-1', variant({ seed: 1 }), 777],
];

/**
 * Summarises a run: one entry per output of the scenario's plan (the 2021 plan's eight headline and four programme
 * outputs; the upgrade plan's six and two), arrays by SHA-256 of their bytes, scalars as exact numbers.
 */
function summarise(s: Scenario, samples: number): Record<string, unknown> {
  const r = runModel(s, samples);
  const outputs: Record<string, unknown> = {};
  for (const id of planOutputs(r.plan)) {
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

/**
 * The bucket select of quantiles.ts against the multi-quickselect it replaced (copied here as it was), bit for bit,
 * on inputs chosen to stress it: ties, spikes, outliers, a range of a few ulps, heavy tails, NaN and infinities.
 */
describe('quantiler', () => {
  function reference(values: Float64Array, ps: readonly number[]): Float64Array {
    const n = values.length;
    const a = Float64Array.from(values);
    const ks = [...new Set(ps.flatMap((p) => [Math.floor((n - 1) * p), Math.ceil((n - 1) * p)]))].sort((x, y) => x - y);
    const select = (k: number, left: number, right: number) => {
      while (right > left) {
        const mid = (left + right) >> 1;
        const x = a[left];
        const y = a[mid];
        const z = a[right];
        const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
        let i = left;
        let j = right;
        while (i <= j) {
          while (a[i] < pivot) i++;
          while (a[j] > pivot) j--;
          if (i <= j) {
            const t = a[i];
            a[i] = a[j];
            a[j] = t;
            i++;
            j--;
          }
        }
        if (k <= j) right = j;
        else if (k >= i) left = i;
        else return;
      }
    };
    const multi = (lo: number, hi: number, left: number, right: number): void => {
      if (lo > hi) return;
      const mid = (lo + hi) >> 1;
      select(ks[mid], left, right);
      multi(lo, mid - 1, left, ks[mid] - 1);
      multi(mid + 1, hi, ks[mid] + 1, right);
    };
    multi(0, ks.length - 1, 0, n - 1);
    return Float64Array.from(ps, (p) => {
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      return lo + 1 < n ? a[lo] + (h - lo) * (a[lo + 1] - a[lo]) : a[lo];
    });
  }

  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 4294967296;
  };
  const gen: Record<string, (n: number) => Float64Array> = {
    uniform: (n) => Float64Array.from({ length: n }, () => rand()),
    negative: (n) => Float64Array.from({ length: n }, () => -1e6 * rand() - 5),
    equal: (n) => new Float64Array(n).fill(3.25),
    twoValues: (n) => Float64Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 2)),
    ties: (n) => Float64Array.from({ length: n }, () => Math.round(rand() * 5)),
    spikeAtCeiling: (n) => Float64Array.from({ length: n }, () => Math.min(100, rand() * 140)),
    outlier: (n) => Float64Array.from({ length: n }, (_, i) => (i === n >> 1 ? 1e300 : rand())),
    fewUlps: (n) => Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 4) * Number.EPSILON),
    subnormal: (n) => Float64Array.from({ length: n }, () => Math.floor(rand() * 3) * 5e-324),
    heavyTail: (n) => Float64Array.from({ length: n }, () => Math.exp(8 * (rand() - 0.5) * 6)),
    hugeRange: (n) => Float64Array.from({ length: n }, () => (rand() - 0.5) * Number.MAX_VALUE),
    withNaN: (n) => Float64Array.from({ length: n }, (_, i) => (i % 17 === 3 ? NaN : rand())),
    withInfinity: (n) =>
      Float64Array.from({ length: n }, (_, i) => (i === 5 ? Infinity : i === 9 ? -Infinity : rand())),
    sorted: (n) => Float64Array.from({ length: n }, (_, i) => i / n),
    reversed: (n) => Float64Array.from({ length: n }, (_, i) => (n - i) / n),
  };
  const PS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
  for (const n of [100, 101, 777, 2000, 10001]) {
    it.each(Object.keys(gen))(`n = ${n}: %s matches the multi-quickselect bit for bit`, (name) => {
      const q = new Quantiler(n, PS);
      for (let rep = 0; rep < 3; rep++) {
        const v = gen[name](n);
        const before = Float64Array.from(v);
        const out = new Float64Array(PS.length);
        q.quantiles(v, out, 0, 1);
        const want = reference(v, PS);
        expect(v).toEqual(before); // the input is left as it was
        for (let i = 0; i < PS.length; i++)
          expect(Object.is(out[i], want[i]), `${name} p${PS[i]}: ${out[i]} vs ${want[i]}`).toBe(true);
      }
    });
  }
  it('writes at offset + q · stride and leaves the rest of the output alone', () => {
    const q = new Quantiler(1000, PS);
    const out = new Float64Array(3 * PS.length).fill(-7);
    q.quantiles(gen.uniform(1000), out, 1, 3);
    for (let i = 0; i < out.length; i++) expect(out[i] === -7).toBe(i % 3 !== 1);
  });
});
