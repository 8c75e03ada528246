/**
 * Goal seeking: the value of one parameter (the lever) at which an output just meets its 2023 target, on the central
 * path (`goalSeek`) or with a given probability (`goalSeekProbability`). Pure TypeScript (no DOM).
 *
 * The central search scans the lever's whole allowed range on a grid (the central path is cheap), so it sees which way
 * the output responds (rising, falling, flat or non-monotone, whatever the registry's direction says), brackets the
 * boundary of the region meeting the target, bisects it, and rounds the answer to the lever's step on the side that
 * meets, checking that the rounded value really meets the target (a '>' target is strict: a value exactly at the
 * threshold does not).
 *
 * The probability search moves the lever's distribution with its point (withParamValue) and bisects P(met), computed
 * exactly as runModel does (same draws, same seed) at a reduced sample count. The draws are common random numbers:
 * every sample's lever value moves monotonically with the point, so P(met) is monotone whenever the model is, up to
 * clipping at the range ends; the result says when the evaluated points were not monotone.
 */
import { deadlineIndex, resolveAnchors, type Anchors } from './anchors';
import { OUTPUTS, marginOf, meets, type OutputId, type Target } from './indicators';
import { PARAMS, type ParamId, type TrafficFamily, type UsersFamily } from './registry';
import { drawColumns, runCentral } from './monte-carlo';
import { sampleParam } from './random';
import { OUT, simulate, type ParamColumns } from './simulate';
import type { ModelInput } from './types';
import { shiftDist } from './dist';

export type SeekStatus = 'reachable' | 'already-met' | 'unreachable';

/**
 * Why a central goal seek ended as it did, refining its status: reachable on the lever's step grid ('on-grid') or
 * only at the exact boundary ('off-grid'); already met over the whole range, or from the range end the lever moves
 * away from ('met-at-min', 'met-at-max'); unreachable within the range ('out-of-range'), or because the lever has no
 * effect on the output ('no-effect'). src/i18n/analysis-text.ts renders them in both languages.
 */
export type SeekReason =
  'on-grid' | 'off-grid' | 'met-everywhere' | 'met-at-min' | 'met-at-max' | 'out-of-range' | 'no-effect';

/** Why a probability goal seek ended as it did: the subset of SeekReason it can give. */
export type ProbabilitySeekReason = Extract<
  SeekReason,
  'on-grid' | 'off-grid' | 'met-at-min' | 'met-at-max' | 'out-of-range'
>;

/** How the output at the deadline responds to the lever over its range. */
export type Response = 'increasing' | 'decreasing' | 'flat' | 'non-monotone';

export interface GoalSeekResult {
  readonly outputId: OutputId;
  readonly lever: ParamId;
  readonly target: Target;
  readonly status: SeekStatus;
  readonly reason: SeekReason;
  /** The lever value that just meets the target, on the lever's step grid (null unless reachable). */
  readonly value: number | null;
  /** The boundary itself before rounding to the step (null unless reachable). */
  readonly threshold: number | null;
  /** Central value at the deadline with the lever at `value` (or at the best value when unreachable). */
  readonly output: number | null;
  /** The lever's current point value and the central value and verdict there. */
  readonly current: { readonly value: number; readonly output: number; readonly met: boolean };
  /** When unreachable: the lever value with the largest margin over the range, and the output there. */
  readonly best: { readonly value: number; readonly output: number; readonly margin: number } | null;
  readonly response: Response;
  /** The registry's promised direction for the lever. */
  readonly direction: 1 | -1 | 0;
  readonly range: readonly [number, number];
  readonly step: number;
}

export interface ProbabilitySeekResult {
  readonly outputId: OutputId;
  readonly lever: ParamId;
  readonly level: number;
  readonly samples: number;
  readonly seed: number;
  readonly status: SeekStatus;
  readonly reason: ProbabilitySeekReason;
  /** The lever point value (its distribution moved with it) at which P(met) first reaches the level, on the step grid. */
  readonly value: number | null;
  /** P(met) at `value`, or at the best value when unreachable. */
  readonly pMet: number | null;
  readonly current: { readonly value: number; readonly pMet: number };
  readonly best: { readonly value: number; readonly pMet: number } | null;
  /** False when the evaluated P(met) values were not monotone in the lever. */
  readonly monotone: boolean;
  readonly evaluations: number;
}

/** The default lever of each output: its main growth assumption. */
export function defaultLever(outputId: OutputId, families: { users: UsersFamily; traffic: TrafficFamily }): ParamId {
  switch (outputId) {
    case 'users':
    case 'user_penetration':
      return families.users === 'bass' ? 'bassQ' : families.users === 'logistic' ? 'logisticR' : 'gompertzG';
    case 'traffic_share':
      return families.traffic === 'structural' ? 'ratioDrift' : 'trafficK';
    case 'industrial_penetration':
      return 'industrialK';
    case 'iot_growth':
      return 'iotGrowth';
    case 'base_stations_per_10k':
      return 'buildAnnual';
    case 'industry_vpn':
      return 'vpnGrowth';
    case 'benchmarks_per_industry':
      return 'benchPerYear';
    case 'solutions':
      return 'solutionsPerYear';
    case 'industry_standards':
      return 'standardsPerYear';
    case 'security_demo_centers':
      return 'securityPerYear';
    case 'regional_benchmarks':
      return 'regionalPerYear';
    case 'personal_user_penetration':
      return families.users === 'bass' ? 'bassQ' : families.users === 'logistic' ? 'logisticR' : 'gompertzG';
    case 'traffic_share_2027':
      return families.traffic === 'structural' ? 'ratioDrift' : 'trafficK';
    case 'base_stations_per_10k_2027':
      return 'buildAnnual';
    case 'industry_vpn_2027':
      return 'vpnGrowth';
    case 'iot_connections':
      return 'iotConnGrowth';
    case 'industrial_penetration_lm':
      return 'lmK';
    case 'edge_nodes':
      return 'edgePerYear';
    case 'scale_cities':
      return 'citiesPerYear';
    default:
      return outputId satisfies never;
  }
}

/** Returns the scenario with one parameter's point value set, its distribution moved along with it (shiftDist). */
export function withParamValue<S extends ModelInput>(input: S, id: ParamId, value: number): S {
  const p = PARAMS[id];
  const old = input.params[id];
  const setting = { value, dist: shiftDist(old.dist, old.value, value, p) };
  return { ...input, params: { ...input.params, [id]: setting } };
}

/** Rounds to the lever's step grid (multiples of step from its minimum), up or down, within its range. */
export function toStep(id: ParamId, x: number, dir: 'up' | 'down'): number {
  const { min, max, step } = PARAMS[id];
  const k = (x - min) / step;
  const n = dir === 'up' ? Math.ceil(k - 1e-9) : Math.floor(k + 1e-9);
  const v = Number((min + n * step).toPrecision(12));
  return Math.min(max, Math.max(min, v));
}

/** Number of grid intervals the central search scans over the lever's range. */
const GRID = 64;

/** Finds the lever value at which the central path just meets the output's target at its deadline. */
export function goalSeek(input: ModelInput, outputId: OutputId, leverId?: ParamId): GoalSeekResult {
  const lever = leverId ?? defaultLever(outputId, input.families);
  const p = PARAMS[lever];
  const target = OUTPUTS[outputId].target;
  const a = resolveAnchors(input.asOf, input.horizon, undefined, input.plan);
  const f = centralFn(input, outputId, lever, a);
  const ok = (y: number) => meets(target, y);

  const curY = f(input.params[lever].value);
  const current = { value: input.params[lever].value, output: curY, met: ok(curY) };
  const xs = Array.from({ length: GRID + 1 }, (_, i) => (i === GRID ? p.max : p.min + ((p.max - p.min) * i) / GRID));
  const ys = xs.map(f);
  const met = ys.map(ok);
  const response = responseOf(ys);
  const base = {
    outputId,
    lever,
    target,
    current,
    response,
    direction: p.direction,
    range: [p.min, p.max] as const,
    step: p.step,
  };
  const bestOf = () => {
    let b = 0;
    for (let i = 1; i < xs.length; i++) if (marginOf(target, ys[i]) > marginOf(target, ys[b])) b = i;
    return { value: xs[b], output: ys[b], margin: marginOf(target, ys[b]) };
  };

  if (!met.some(Boolean)) {
    const best = bestOf();
    return {
      ...base,
      status: 'unreachable',
      reason: response === 'flat' ? 'no-effect' : 'out-of-range',
      value: null,
      threshold: null,
      output: best.output,
      best,
    };
  }
  // Which side of the boundary meets: the top of the range for a rising response, the bottom for a falling one.
  let side: 'up' | 'down' | 'nearest';
  if (response === 'increasing') side = 'up';
  else if (response === 'decreasing') side = 'down';
  else if (response === 'flat') side = p.direction === -1 ? 'down' : 'up';
  else side = met[GRID] && !met[0] ? 'up' : met[0] && !met[GRID] ? 'down' : 'nearest';

  if (met.every(Boolean) || (side === 'up' && met[0]) || (side === 'down' && met[GRID])) {
    return {
      ...base,
      status: 'already-met',
      reason: met.every(Boolean) ? 'met-everywhere' : side === 'down' ? 'met-at-max' : 'met-at-min',
      value: null,
      threshold: null,
      output: side === 'down' ? ys[GRID] : ys[0],
      best: null,
    };
  }

  // Bracket: a grid interval whose ends differ in meeting the target.
  let i: number;
  if (side === 'up') i = met.indexOf(true) - 1;
  else if (side === 'down') i = met.lastIndexOf(true);
  else {
    let bestI = -1;
    for (let j = 0; j < GRID; j++) {
      if (met[j] !== met[j + 1] && (bestI < 0 || Math.abs(xs[j] - current.value) < Math.abs(xs[bestI] - current.value)))
        bestI = j;
    }
    i = bestI;
  }
  const { meets: xm, fails: xn } = bisect(
    met[i] ? xs[i] : xs[i + 1],
    met[i] ? xs[i + 1] : xs[i],
    (x) => ok(f(x)),
    (p.max - p.min) * 1e-13,
    200,
  );
  const towards: 'up' | 'down' = xm > xn ? 'up' : 'down';
  let y = Number.NaN;
  const yMeets = (x: number) => ok((y = f(x)));
  const rounded = toStep(lever, xm, towards);
  let value = stepTowards(lever, rounded, towards, yMeets(rounded), yMeets);
  const onGrid = ok(y);
  if (!onGrid) {
    // No value on the step grid meets the target: give the exact boundary.
    value = xm;
    y = f(value);
  }
  return {
    ...base,
    status: 'reachable',
    reason: onGrid ? 'on-grid' : 'off-grid',
    value,
    threshold: xm,
    output: y,
    best: null,
  };
}

/**
 * Finds the lever point value (its distribution moved with it) at which the probability of meeting the target at
 * 2023-12 reaches `level`, by bisection on P(met) from `samples` draws with the scenario's seed.
 */
export function goalSeekProbability(
  input: ModelInput,
  outputId: OutputId,
  leverId?: ParamId,
  level = 0.8,
  samples = Math.min(input.samples, 2000),
): ProbabilitySeekResult {
  const lever = leverId ?? defaultLever(outputId, input.families);
  const p = PARAMS[lever];
  const P = pMetFn(input, outputId, lever, samples);
  const seen: [number, number][] = [];
  const ev = (x: number) => {
    const v = P(x);
    seen.push([x, v]);
    return v;
  };
  const current = { value: input.params[lever].value, pMet: ev(input.params[lever].value) };
  const pMin = ev(p.min);
  const pMax = ev(p.max);
  const up = pMax > pMin || (pMax === pMin && p.direction !== -1);
  let fav = up ? p.max : p.min;
  const unfav = up ? p.min : p.max;
  const pFav = up ? pMax : pMin;
  const pUnfav = up ? pMin : pMax;
  const base = { outputId, lever, level, samples, seed: input.seed, current };
  const monotone = () => {
    const s = [...seen].sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < s.length; i++) if (up ? s[i][1] < s[i - 1][1] : s[i][1] > s[i - 1][1]) return false;
    return true;
  };

  if (pUnfav >= level) {
    return {
      ...base,
      status: 'already-met',
      reason: up ? 'met-at-min' : 'met-at-max',
      value: null,
      pMet: pUnfav,
      best: null,
      monotone: monotone(),
      evaluations: seen.length,
    };
  }
  if (pFav < level) {
    // Look inside the range too, in case the response is not monotone.
    for (let k = 1; k < 8; k++) ev(p.min + ((p.max - p.min) * k) / 8);
    let best = seen[0];
    for (const s of seen) if (s[1] > best[1]) best = s;
    if (best[1] < level) {
      return {
        ...base,
        status: 'unreachable',
        reason: 'out-of-range',
        value: null,
        pMet: best[1],
        best: { value: best[0], pMet: best[1] },
        monotone: monotone(),
        evaluations: seen.length,
      };
    }
    fav = best[0];
  }
  const { meets: xm, fails: xn } = bisect(fav, unfav, (x) => ev(x) >= level, p.step, 30);
  const towards: 'up' | 'down' = xm > xn ? 'up' : 'down';
  let pv = -1;
  const pvMeets = (x: number) => (pv = ev(x)) >= level;
  // The failing end rounded towards the meeting side is the smallest change on the grid; else round the meeting end.
  let value = toStep(lever, xn, towards);
  let passes = value !== xn && pvMeets(value);
  if (!passes) {
    value = toStep(lever, xm, towards);
    passes = pvMeets(value);
  }
  value = stepTowards(lever, value, towards, passes, pvMeets);
  const onGrid = pv >= level;
  if (!onGrid) {
    value = xm;
    pv = ev(value);
  }
  const mono = monotone();
  return {
    ...base,
    status: 'reachable',
    reason: onGrid ? 'on-grid' : 'off-grid',
    value,
    pMet: pv,
    best: null,
    monotone: mono,
    evaluations: seen.length,
  };
}

/**
 * Bisects a bracket whose end `meets` passes the test and whose end `fails` does not, until the ends are within `tol`
 * (or `maxIter` halvings, or the midpoint is no longer between them in floating point). Returns the narrowed bracket.
 */
export function bisect(
  meets: number,
  fails: number,
  test: (x: number) => boolean,
  tol: number,
  maxIter: number,
): { meets: number; fails: number } {
  for (let it = 0; it < maxIter && Math.abs(meets - fails) > tol; it++) {
    const mid = (meets + fails) / 2;
    if (mid === meets || mid === fails) break;
    if (test(mid)) meets = mid;
    else fails = mid;
  }
  return { meets, fails };
}

/**
 * From a value on the lever's step grid that does not pass the test (`passes` false), moves up to three steps
 * `towards` the meeting side until one passes; returns the last value tried (or `value` itself when it passes).
 */
function stepTowards(
  lever: ParamId,
  value: number,
  towards: 'up' | 'down',
  passes: boolean,
  test: (x: number) => boolean,
): number {
  const step = PARAMS[lever].step;
  for (let k = 0; k < 3 && !passes; k++) {
    const next = toStep(lever, value + (towards === 'up' ? step : -step), towards);
    if (next === value) break;
    value = next;
    passes = test(value);
  }
  return value;
}

/** Returns a function giving the central value at the deadline with the lever at x. */
export function centralFn(
  input: ModelInput,
  outputId: OutputId,
  lever: ParamId,
  a: Anchors = resolveAnchors(input.asOf, input.horizon, undefined, input.plan),
) {
  const idx = deadlineIndex(a, outputId);
  return (x: number) => runCentral(withParamValue(input, lever, x), a)[outputId][idx];
}

/**
 * Returns a function giving P(met) at the deadline with the lever's point (and distribution) at x, from n draws with
 * the scenario's seed: the same draws and count as runModel(input, n).outputs[outputId].pMet, computed without the bands.
 */
export function pMetFn(input: ModelInput, outputId: OutputId, lever: ParamId, n: number) {
  const a = resolveAnchors(input.asOf, input.horizon, undefined, input.plan);
  const idx = deadlineIndex(a, outputId);
  const o = OUT[outputId];
  const target = OUTPUTS[outputId].target;
  const cols = drawColumns(input, n);
  const p = PARAMS[lever];
  return (x: number) => {
    const s = withParamValue(input, lever, x).params[lever];
    const c: ParamColumns = { ...cols, [lever]: sampleParam(lever, s.dist, s.value, p.min, p.max, n, input.seed) };
    let met = 0;
    simulate(a, input.families, c, n, (out, i, v) => {
      if (out !== o || i !== idx) return;
      for (let k = 0; k < n; k++) if (meets(target, v[k])) met++;
    });
    return met / n;
  };
}

/** Classifies a sequence of values along an increasing lever. */
function responseOf(ys: readonly number[]): Response {
  const scale = Math.max(1, ...ys.map(Math.abs));
  const tol = 1e-9 * scale;
  let rises = false;
  let falls = false;
  for (let i = 1; i < ys.length; i++) {
    const d = ys[i] - ys[i - 1];
    if (d > tol) rises = true;
    else if (d < -tol) falls = true;
  }
  return rises && falls ? 'non-monotone' : rises ? 'increasing' : falls ? 'decreasing' : 'flat';
}
