/**
 * The Monte Carlo layer: seeded and bit-reproducible, common random numbers across scenarios, bands that are the
 * type-7 quantiles of the samples, P(met) and crossings consistent with the samples, and the distributions' inverse
 * CDFs and clipping.
 */
import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { drawColumns, runModel } from '../../../src/model/monte-carlo';
import { inverseCdf, sampleParam } from '../../../src/model/random';
import { OUTPUTS, OUTPUT_IDS, INDICATOR_IDS, type OutputId, type Target } from '../../../src/model/indicators';
import { PARAMS, PARAM_IDS, type ParamId } from '../../../src/model/registry';
import { QUANTILES, type Dist, type RunResult } from '../../../src/model/types';
import { parseScenario, type Scenario } from '../../../src/scenario/schema';
import { PRESETS } from '../../../src/scenario/presets';
import { monthAtOrBefore } from '../../../src/model/months';

const baseline = PRESETS.find((p) => p.id === 'baseline')!.scenario;
const N = 4000;

function withParam(s: Scenario, id: ParamId, setting: { value: number; dist: Dist }): Scenario {
  const r = parseScenario({ ...s, params: { ...s.params, [id]: setting } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
function sameBytes(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && Buffer.compare(bytes(a), bytes(b)) === 0;
}

function meetsTarget(t: Target, v: number): boolean {
  if (t.comparator === 'range') return v >= t.lo && v <= t.hi;
  return t.comparator === '>' ? v > t.value : v >= t.value;
}

const closeRel = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;

describe('reproducibility', () => {
  const a = runModel(baseline, N);
  const b = runModel(baseline, N);

  it('the same seed gives bit-identical results', () => {
    for (const id of OUTPUT_IDS) {
      const x = a.outputs[id];
      const y = b.outputs[id];
      for (const k of ['central', 'bands', 'crossingCdf', 'deadlineSamples'] as const) {
        expect(sameBytes(x[k], y[k]), `${id}.${k}`).toBe(true);
      }
      expect(Object.is(x.value, y.value)).toBe(true);
      expect(x.pMet).toBe(y.pMet);
      expect(x.crossing).toBe(y.crossing);
      expect(x.crossingMedian).toBe(y.crossingMedian);
      expect(x.verdict).toEqual(y.verdict);
    }
    expect(a.pAllMet).toBe(b.pAllMet);
    expect(a.seed).toBe(baseline.seed);
    expect(a.samples).toBe(N);
  });

  it('a different seed gives different bands (and the same central path)', () => {
    const c = runModel({ ...baseline, seed: baseline.seed + 1 }, N);
    for (const id of ['users', 'traffic_share', 'base_stations_per_10k', 'industry_vpn'] as const) {
      expect(sameBytes(a.outputs[id].bands, c.outputs[id].bands), id).toBe(false);
      expect(sameBytes(a.outputs[id].deadlineSamples, c.outputs[id].deadlineSamples), id).toBe(false);
      expect(sameBytes(a.outputs[id].central, c.outputs[id].central), id).toBe(true);
    }
  });
});

describe('common random numbers', () => {
  it('changing one parameter’s distribution changes only its column', () => {
    const other = withParam(baseline, 'bassQ', { value: 0.2, dist: { kind: 'normal', mean: 0.2, sd: 0.05 } });
    const x = drawColumns(baseline, 2000);
    const y = drawColumns(other, 2000);
    for (const id of PARAM_IDS) expect(sameBytes(x[id], y[id]), id).toBe(id !== 'bassQ');
  });

  it('changing one fixed parameter’s point value changes only its column', () => {
    const other = withParam(baseline, 'vpnCeiling', { value: 5000, dist: { kind: 'fixed' } });
    const x = drawColumns(baseline, 2000);
    const y = drawColumns(other, 2000);
    for (const id of PARAM_IDS) expect(sameBytes(x[id], y[id]), id).toBe(id !== 'vpnCeiling');
    expect(y.vpnCeiling.every((v) => v === 5000)).toBe(true);
  });

  it('a parameter’s draws do not depend on the others being fixed or not', () => {
    const allFixed = parseScenario({ params: { bassQ: baseline.params.bassQ } });
    if (!allFixed.ok) throw new Error('bad');
    expect(sameBytes(drawColumns(allFixed.scenario, 1000).bassQ, drawColumns(baseline, 1000).bassQ)).toBe(true);
  });

  it('outputs that do not depend on the changed parameter keep their samples exactly', () => {
    const other = withParam(baseline, 'bassQ', { value: 0.2, dist: { kind: 'uniform', min: 0.1, max: 0.3 } });
    const x = runModel(baseline, 1000);
    const y = runModel(other, 1000);
    for (const id of [
      'base_stations_per_10k',
      'industry_vpn',
      'iot_growth',
      'industrial_penetration',
      'solutions',
    ] as const) {
      expect(sameBytes(x.outputs[id].deadlineSamples, y.outputs[id].deadlineSamples), id).toBe(true);
    }
    // The users move, sample by sample, the promised way: each sample's q is higher (same uniforms, shifted range).
    const ux = x.outputs.users.deadlineSamples;
    const uy = y.outputs.users.deadlineSamples;
    expect(sameBytes(ux, uy)).toBe(false);
    for (let i = 0; i < ux.length; i++) expect(uy[i]).toBeGreaterThanOrEqual(ux[i]);
  });
});

describe('summaries of one run', () => {
  const r: RunResult = runModel(baseline, N);

  it.each(OUTPUT_IDS)('%s: bands at the deadline are the type-7 quantiles of the samples', (id) => {
    const o = r.outputs[id];
    const sorted = Array.from(o.deadlineSamples).sort((x, y) => x - y);
    QUANTILES.forEach((p, q) => {
      const want = quantile(sorted, p);
      const got = o.bands[q * o.length + o.deadlineIndex];
      expect(closeRel(got, want, 1e-12), `${id} p${p}: ${got} vs ${want}`).toBe(true);
    });
  });

  it.each(OUTPUT_IDS)(
    '%s: P(met) is the share of samples meeting the target; the verdict reads the central value',
    (id) => {
      const o = r.outputs[id];
      const t = OUTPUTS[id].target;
      let met = 0;
      for (const v of o.deadlineSamples) if (meetsTarget(t, v)) met++;
      expect(o.pMet).toBe(met / N);
      expect(o.value).toBe(o.central[o.deadlineIndex]);
      expect(o.verdict.met).toBe(meetsTarget(t, o.value));
      if (t.comparator !== 'range') expect(closeRel(o.verdict.margin, o.value - t.value, 1e-12)).toBe(true);
      expect(o.verdict.margin >= 0 || !o.verdict.met).toBe(true);
    },
  );

  it.each(OUTPUT_IDS)('%s: crossings', (id) => {
    const o = r.outputs[id];
    const t = OUTPUTS[id].target;
    const cdf = o.crossingCdf;
    expect(cdf.length).toBe(o.length);
    for (let i = 0; i < cdf.length; i++) {
      expect(cdf[i]).toBeGreaterThanOrEqual(i > 0 ? cdf[i - 1] : 0);
      expect(cdf[i]).toBeLessThanOrEqual(1);
    }
    // A rate averaged to the deadline has no crossing; elsewhere none is dated before the as-of month.
    const asOf = monthAtOrBefore(baseline.asOf);
    const i50 = Array.from(cdf).findIndex((c) => c >= 0.5);
    const ic = Array.from(o.central).findIndex((v) => meetsTarget(t, v));
    if (OUTPUTS[id].kind === 'rate') {
      expect(o.crossingMedian).toBeNull();
      expect(o.crossing).toBeNull();
    } else {
      expect(o.crossingMedian).toBe(i50 < 0 ? null : Math.max(asOf, o.start + i50));
      expect(o.crossing).toBe(ic < 0 ? null : Math.max(asOf, o.start + ic));
    }
    // For counts with a threshold, a sample has crossed by the deadline exactly when it meets the target there.
    if (OUTPUTS[id].kind === 'count' && t.comparator !== 'range') expect(cdf[o.deadlineIndex]).toBe(o.pMet);
  });

  it('P(all headline targets met) is at most each headline P(met) and in [0, 1]', () => {
    expect(r.pAllMet).toBeGreaterThanOrEqual(0);
    for (const id of INDICATOR_IDS) expect(r.pAllMet).toBeLessThanOrEqual(r.outputs[id].pMet);
  });

  it('each path runs from its start to the horizon and its deadline index points at 2023-12', () => {
    for (const id of OUTPUT_IDS) {
      const o = r.outputs[id];
      expect(o.start + o.deadlineIndex).toBe(r.deadline);
      expect(o.start + o.length - 1).toBe(r.horizon);
    }
  });
});

describe('with every parameter fixed', () => {
  const fixed = parseScenario({
    ...baseline,
    params: Object.fromEntries(
      PARAM_IDS.map((id) => [id, { value: baseline.params[id].value, dist: { kind: 'fixed' } }]),
    ),
  });
  if (!fixed.ok) throw new Error(fixed.errors.join('; '));
  const r = runModel(fixed.scenario, 200);

  it.each(OUTPUT_IDS)('%s: bands collapse onto the central path and P(met) agrees with the verdict', (id) => {
    const o = r.outputs[id];
    for (let q = 0; q < QUANTILES.length; q++) {
      for (let i = 0; i < o.length; i++) {
        const b = o.bands[q * o.length + i];
        if (!closeRel(b, o.central[i], 1e-12))
          throw new Error(`${id} band ${QUANTILES[q]} month ${i}: ${b} vs ${o.central[i]}`);
      }
    }
    expect([0, 1]).toContain(o.pMet);
    expect(o.pMet).toBe(o.verdict.met ? 1 : 0);
    expect(o.crossingMedian).toBe(o.crossing);
  });

  it('P(all met) is 0 or 1, and 1 exactly when every headline verdict is met', () => {
    const all = INDICATOR_IDS.every((id) => r.outputs[id].verdict.met);
    expect(r.pAllMet).toBe(all ? 1 : 0);
  });
});

describe('distributions', () => {
  const probit975 = 1.959963984540054;

  it('fixed returns the point value', () => {
    expect(inverseCdf({ kind: 'fixed' }, 0.3, 7.5)).toBe(7.5);
    expect(Array.from(sampleParam('x', { kind: 'fixed' }, 7.5, 0, 10, 5, 1))).toEqual([7.5, 7.5, 7.5, 7.5, 7.5]);
  });

  it('uniform: linear in u', () => {
    const d: Dist = { kind: 'uniform', min: 2, max: 6 };
    for (const u of [0, 0.1, 0.25, 0.5, 0.9, 1]) expect(inverseCdf(d, u, 0)).toBeCloseTo(2 + 4 * u, 12);
  });

  it('triangular: the inverse of the analytic CDF', () => {
    const a = 1;
    const c = 3;
    const b = 11;
    const d: Dist = { kind: 'triangular', min: a, mode: c, max: b };
    const cdf = (x: number) => (x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c)));
    for (const x of [1.2, 2, 3, 4, 6.5, 10.9]) expect(inverseCdf(d, cdf(x), 0)).toBeCloseTo(x, 10);
    expect(inverseCdf(d, (c - a) / (b - a), 0)).toBeCloseTo(c, 12);
    // Median of a triangular distribution with the mode left of centre: b − sqrt((b − a)(b − c)/2).
    expect(inverseCdf(d, 0.5, 0)).toBeCloseTo(b - Math.sqrt(((b - a) * (b - c)) / 2), 12);
    // Mode at either end, and a degenerate one.
    expect(inverseCdf({ kind: 'triangular', min: 0, mode: 0, max: 1 }, 0.75, 0)).toBeCloseTo(0.5, 12);
    expect(inverseCdf({ kind: 'triangular', min: 0, mode: 1, max: 1 }, 0.25, 0)).toBeCloseTo(0.5, 12);
    expect(inverseCdf({ kind: 'triangular', min: 4, mode: 4, max: 4 }, 0.3, 0)).toBe(4);
  });

  it('normal: probit at 0.025, 0.5 and 0.975', () => {
    const d: Dist = { kind: 'normal', mean: 10, sd: 2 };
    expect(inverseCdf(d, 0.5, 0)).toBeCloseTo(10, 9);
    expect(inverseCdf(d, 0.975, 0)).toBeCloseTo(10 + 2 * probit975, 6);
    expect(inverseCdf(d, 0.025, 0)).toBeCloseTo(10 - 2 * probit975, 6);
    expect(inverseCdf(d, 0.8413447460685429, 0)).toBeCloseTo(12, 6);
  });

  it('lognormal: the median at 0.5, median·exp(±1.96σ) at the tails', () => {
    const d: Dist = { kind: 'lognormal', median: 5, sigma: 0.7 };
    expect(inverseCdf(d, 0.5, 0)).toBeCloseTo(5, 9);
    expect(inverseCdf(d, 0.975, 0)).toBeCloseTo(5 * Math.exp(0.7 * probit975), 5);
    expect(inverseCdf(d, 0.025, 0)).toBeCloseTo(5 * Math.exp(-0.7 * probit975), 6);
  });

  it('sampled values follow their distribution', () => {
    const n = 20000;
    const u = sampleParam('u', { kind: 'uniform', min: 2, max: 6 }, 0, -100, 100, n, 7);
    const mean = u.reduce((s, x) => s + x, 0) / n;
    expect(mean).toBeGreaterThan(3.95);
    expect(mean).toBeLessThan(4.05);
    const t = Array.from(sampleParam('t', { kind: 'triangular', min: 1, mode: 3, max: 11 }, 0, -100, 100, n, 7)).sort(
      (a, b) => a - b,
    );
    expect(quantile(t, 0.5)).toBeCloseTo(11 - Math.sqrt(40), 1);
    const z = Array.from(sampleParam('z', { kind: 'normal', mean: 0, sd: 1 }, 0, -100, 100, n, 7)).sort(
      (a, b) => a - b,
    );
    expect(quantile(z, 0.975)).toBeCloseTo(probit975, 1);
    // The streams differ by name and by seed.
    expect(
      sameBytes(
        sampleParam('a', { kind: 'uniform', min: 0, max: 1 }, 0, 0, 1, 100, 7),
        sampleParam('b', { kind: 'uniform', min: 0, max: 1 }, 0, 0, 1, 100, 7),
      ),
    ).toBe(false);
    expect(
      sameBytes(
        sampleParam('a', { kind: 'uniform', min: 0, max: 1 }, 0, 0, 1, 100, 7),
        sampleParam('a', { kind: 'uniform', min: 0, max: 1 }, 0, 0, 1, 100, 8),
      ),
    ).toBe(false);
  });

  it('draws are clipped to the registry range', () => {
    // A wide normal and lognormal on every parameter: many draws fall outside the range and must be clipped onto it.
    const params = Object.fromEntries(
      PARAM_IDS.map((id, i) => {
        const p = PARAMS[id];
        const w = p.max - p.min;
        const dist =
          i % 2 === 0 || p.max <= 0
            ? { kind: 'normal', mean: p.min + w / 2, sd: w }
            : { kind: 'lognormal', median: Math.max(p.max / 2, p.min, 1e-9), sigma: 3 };
        return [id, { value: p.value, dist }];
      }),
    );
    const s = parseScenario({ params });
    if (!s.ok) throw new Error(s.errors.join('; '));
    const cols = drawColumns(s.scenario, 3000);
    for (const id of PARAM_IDS) {
      const p = PARAMS[id];
      let atMin = 0;
      let atMax = 0;
      for (const v of cols[id]) {
        if (!(v >= p.min && v <= p.max)) throw new Error(`${id}: ${v} outside [${p.min}, ${p.max}]`);
        if (v === p.min) atMin++;
        if (v === p.max) atMax++;
      }
      expect(atMax, `${id} clipped at max`).toBeGreaterThan(0);
      if (s.scenario.params[id].dist.kind === 'normal') expect(atMin, `${id} clipped at min`).toBeGreaterThan(0);
    }
    // And the model runs on them with finite results.
    const r = runModel(s.scenario, 300);
    for (const id of OUTPUT_IDS as readonly OutputId[])
      for (const v of r.outputs[id].bands) expect(Number.isFinite(v)).toBe(true);
  });
});
