/**
 * Goal seeking against cases with analytic answers, the rounding of answers to the lever's step (a '>' target is
 * strict), unreachable targets, levers that lower their output (decays), the probability version (its P(met) is
 * runModel's) and the JSON-serialisable analysis bundle.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek, goalSeekProbability, pMetFn, toStep, withParamValue } from '../../../src/model/goal-seek';
import { runCentral, runModel } from '../../../src/model/monte-carlo';
import { DEADLINE, resolveAnchors } from '../../../src/model/anchors';
import { OUTPUTS, meets, type OutputId } from '../../../src/model/indicators';
import { monthAtOrBefore } from '../../../src/model/months';
import { INDICATOR_IDS } from '../../../src/model/indicators';
import { PARAMS, type ParamId } from '../../../src/model/registry';
import { analyse } from '../../../src/model/analysis';
import { PRESETS } from '../../../src/scenario/presets';
import type { Scenario } from '../../../src/scenario/schema';

const base = PRESETS[0].scenario;

function set(s: Scenario, values: Partial<Record<ParamId, number>>, fixed = false): Scenario {
  let out = s;
  for (const [id, v] of Object.entries(values) as [ParamId, number][]) {
    out = withParamValue(out, id, v);
    if (fixed) out = { ...out, params: { ...out.params, [id]: { value: v, dist: { kind: 'fixed' } } } };
  }
  return out;
}

function centralAt(s: Scenario, id: OutputId): number {
  const a = resolveAnchors(s.asOf, s.horizon);
  return runCentral(s, a)[id][a.deadline - a.start[id]];
}

/** Checks that `value` meets the target and one step on the other side does not. */
function justMeets(s: Scenario, id: OutputId, lever: ParamId, value: number, towards: 'up' | 'down') {
  const t = OUTPUTS[id].target;
  expect(meets(t, centralAt(set(s, { [lever]: value }), id))).toBe(true);
  const other = value + (towards === 'up' ? -1 : 1) * PARAMS[lever].step;
  expect(meets(t, centralAt(set(s, { [lever]: other }), id))).toBe(false);
}

describe('goalSeek: analytic answers', () => {
  it('benchmarks: perYear = 100 / (months from as-of to 2023-12 / 12), rounded up to the step', () => {
    const months = DEADLINE - monthAtOrBefore(base.asOf);
    expect(months).toBe(29);
    const exact = 100 / (months / 12);
    const r = goalSeek(base, 'benchmarks_per_industry');
    expect(r.lever).toBe('benchPerYear');
    expect(r.status).toBe('reachable');
    expect(r.threshold!).toBeCloseTo(exact, 6);
    expect(r.value).toBe(Math.ceil(exact)); // step 1
    expect(r.value).toBe(toStep('benchPerYear', exact, 'up'));
    justMeets(base, 'benchmarks_per_industry', 'benchPerYear', r.value!, 'up');
  });

  it('VPN with no decay and no ceiling: 1655·(1+g)^(29/12) = 3000', () => {
    const s = set(base, { vpnDecay: 0, vpnCeiling: 1e6 }, true);
    const g = 100 * ((3000 / 1655) ** (12 / 29) - 1);
    const r = goalSeek(s, 'industry_vpn');
    expect(r.lever).toBe('vpnGrowth');
    expect(r.status).toBe('reachable');
    expect(r.threshold!).toBeCloseTo(g, 6);
    expect(r.value).toBe(Math.ceil(g));
    justMeets(s, 'industry_vpn', 'vpnGrowth', r.value!, 'up');
  });

  it('IoT with no decay: the boundary is exactly 200 %, and the answer on the step grid strictly exceeds it', () => {
    const s = set(base, { iotDecay: 0 }, true);
    const r = goalSeek(s, 'iot_growth');
    expect(r.status).toBe('reachable');
    expect(r.threshold!).toBeCloseTo(200, 6);
    // '>' is strict: 200 itself does not meet the target, so the step grid (5) gives 205.
    expect(r.value).toBe(205);
    const applied = runModel(set(s, { iotGrowth: r.value! }), 200);
    expect(applied.outputs.iot_growth.verdict.met).toBe(true);
    expect(r.output!).toBeGreaterThan(200);
  });

  it('unreachable: IoT with 90 % decay cannot average 200 % even at the maximum first-year growth', () => {
    const s = set(base, { iotDecay: 90 }, true);
    // Best: 1000 % then 100 % then 10 %: ((1 + 10)(1 + 1)(1 + 0.1))^(1/3) − 1 ≈ 189 %.
    const best = 100 * ((11 * 2 * 1.1) ** (1 / 3) - 1);
    const r = goalSeek(s, 'iot_growth');
    expect(r.status).toBe('unreachable');
    expect(r.reason).toBe('out-of-range');
    expect(r.value).toBeNull();
    expect(r.best!.value).toBe(PARAMS.iotGrowth.max);
    expect(r.best!.output).toBeCloseTo(best, 6);
  });

  it('a lever that lowers its output (direction −1): the largest IoT decay still meeting the target', () => {
    const s = set(base, { iotGrowth: 300 }, true);
    // (1 + 3)(1 + 3x)(1 + 3x²) = 27 with x = 1 − decay: solve by bisection here, independently of the code under test.
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 100; i++) {
      const x = (lo + hi) / 2;
      if (4 * (1 + 3 * x) * (1 + 3 * x * x) > 27) hi = x;
      else lo = x;
    }
    const decay = 100 * (1 - hi);
    const r = goalSeek(s, 'iot_growth', 'iotDecay');
    expect(r.direction).toBe(-1);
    expect(r.response).toBe('decreasing');
    expect(r.status).toBe('reachable');
    expect(r.threshold!).toBeCloseTo(decay, 4);
    expect(r.value).toBe(Math.floor(decay));
    justMeets(s, 'iot_growth', 'iotDecay', r.value!, 'down');
  });

  it('already met: a lever whose whole range meets the target', () => {
    // Baseline users reach 40 % on the innovation coefficient alone: q does not matter down to 0.
    const r = goalSeek(base, 'user_penetration');
    expect(r.lever).toBe('bassQ');
    expect(r.status).toBe('already-met');
    expect(r.reason).toBe('met-everywhere');
  });

  it('default levers follow the families', () => {
    expect(goalSeek(base, 'users').lever).toBe('bassQ');
    expect(goalSeek({ ...base, families: { users: 'gompertz', traffic: 'logistic' } }, 'users').lever).toBe(
      'gompertzG',
    );
    expect(goalSeek({ ...base, families: { users: 'logistic', traffic: 'logistic' } }, 'traffic_share').lever).toBe(
      'trafficK',
    );
    expect(goalSeek(base, 'traffic_share').lever).toBe('ratioDrift');
    expect(goalSeek(base, 'base_stations_per_10k').lever).toBe('buildAnnual');
  });

  it('a range target (regional benchmarks 3–5) is met from its lower end', () => {
    const r = goalSeek(base, 'regional_benchmarks');
    expect(r.status).toBe('reachable');
    expect(r.threshold!).toBeCloseTo(3 / (29 / 12), 6);
    justMeets(base, 'regional_benchmarks', 'regionalPerYear', r.value!, 'up');
  });
});

describe('goalSeekProbability', () => {
  const n = 1000;

  it('its P(met) is the one runModel reports (same draws and seed)', () => {
    const P = pMetFn(base, 'base_stations_per_10k', 'buildAnnual', n);
    for (const x of [500_000, 650_000]) {
      expect(P(x)).toBe(runModel(withParamValue(base, 'buildAnnual', x), n).outputs.base_stations_per_10k.pMet);
    }
  });

  it('base stations: the build rate at which P(met) reaches 80 %, on the step grid', () => {
    const r = goalSeekProbability(base, 'base_stations_per_10k', 'buildAnnual', 0.8, n);
    expect(r.status).toBe('reachable');
    expect(r.monotone).toBe(true);
    expect(r.value! % PARAMS.buildAnnual.step).toBe(0);
    const at = (x: number) => runModel(withParamValue(base, 'buildAnnual', x), n).outputs.base_stations_per_10k.pMet;
    expect(at(r.value!)).toBeGreaterThanOrEqual(0.8);
    expect(at(r.value! - PARAMS.buildAnnual.step)).toBeLessThan(0.8);
    // The distribution moved with the point: still triangular, same width.
    const d = withParamValue(base, 'buildAnnual', r.value!).params.buildAnnual.dist;
    expect(d.kind === 'triangular' && d.mode).toBe(r.value);
  });

  it('a decay lever: the largest VPN decay keeping P(met) at 80 %, checked by simulating at the answer', () => {
    // The baseline's own growth meets the level at any decay (already met); at 60 % a year (its uncertainty moved
    // with it) the decay must stay below a bound inside the range.
    const s = withParamValue(base, 'vpnGrowth', 60);
    const r = goalSeekProbability(s, 'industry_vpn', 'vpnDecay', 0.8, n);
    expect(r.status).toBe('reachable');
    expect(r.monotone).toBe(true);
    expect(Number.isInteger(r.value! / PARAMS.vpnDecay.step)).toBe(true);
    expect(r.value!).toBeGreaterThan(PARAMS.vpnDecay.min);
    expect(r.value!).toBeLessThan(PARAMS.vpnDecay.max);
    const at = (x: number) => runModel(withParamValue(s, 'vpnDecay', x), n).outputs.industry_vpn.pMet;
    expect(r.pMet).toBe(at(r.value!));
    expect(at(r.value!)).toBeGreaterThanOrEqual(0.8);
    // One step more decay falls below the level: the answer is the largest decay on the step grid that keeps it.
    expect(at(r.value! + PARAMS.vpnDecay.step)).toBeLessThan(0.8);
    expect(r.value).toBe(46);
  });

  it('says when the level is not reached', () => {
    const r = goalSeekProbability(set(base, { iotDecay: 90 }, true), 'iot_growth', 'iotGrowth', 0.8, 500);
    expect(r.status).toBe('unreachable');
    expect(r.reason).toBe('out-of-range');
    expect(r.best!.pMet).toBe(0);
  });
});

describe('analyse', () => {
  it('bundles every headline indicator in plain JSON', () => {
    const a = analyse(base, { samples: 300 });
    expect(a.outputs.map((o) => o.id)).toEqual([...INDICATOR_IDS]);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    const users = a.outputs.find((o) => o.id === 'users')!;
    expect(users.calibration.status).toBe('fitted');
    expect(users.onTrack.status).toBe('on-track');
    const bs = a.outputs.find((o) => o.id === 'base_stations_per_10k')!;
    expect(bs.sensitivity.rows[0].param).toBe('buildAnnual');
    expect(bs.goalSeek.status).toBe('reachable');
  });
});
