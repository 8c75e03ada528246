/**
 * Calibration: least-squares fits of the model's own recurrences to the observed series, with
 * ml-levenberg-marquardt. Pure TypeScript (no DOM): it runs in the worker, the CLI and the tests.
 *
 * - 5G users (`users`, `user_penetration`, series g5_handset_connections): the scenario's users family (Bass p and q,
 *   logistic r or Gompertz g; the ceiling too on request) is fitted by stepping exactly the monthly recurrence of
 *   simulate.ts from the FIRST observation (its value is the initial condition) through the observation months, with
 *   the population observed (log-linearly interpolated) and projected by the scenario's popGrowth after its last
 *   observation, as the model does. The ceiling is held at the scenario's value by default: on an early S-curve it is
 *   barely identified.
 * - Base stations (`base_stations_per_10k`, series g5_base_stations): annual additions A and their yearly change are
 *   fitted to the station counts. The additions follow simulate.ts's schedule, extended backwards: the 12 months after
 *   the last observation used (the model's anchor) add A/12 a month, the 12 before it A/(1 + g)/12 a month, and so on,
 *   so the fitted A is directly the model's `buildAnnual` at that anchor.
 * - `traffic_share` and `industry_vpn` have one observation each: nothing can be fitted, and the model reproduces that
 *   observation exactly at its anchor (the structural model solves r0 from it; the other models start from it).
 * - The remaining outputs have no observed series.
 *
 * The curves step the very recurrences simulate.ts steps (recurrences.ts). The least squares (least-squares.ts) fit
 * in coordinates normalised to each parameter's registry range ([min, max] → [0, 1]), which the optimiser keeps
 * within bounds, with residuals scaled by the largest observation; a few starting points are tried and the best fit
 * kept.
 */
import { observedSeries, observedUpTo, type ObservedSeries } from './anchors';
import { OUTPUTS, type OutputId } from './indicators';
import { fitBounded, fitQuality, type FitResult } from './least-squares';
import { formatMonth, parseMonth, type Month } from './months';
import {
  bassStep,
  gompertzDecay,
  gompertzStep,
  held,
  logisticUsersStep,
  marketPotential,
  monthlyAdditions,
  monthlyFactor,
} from './recurrences';
import { PARAMS, type ParamId, type UsersFamily } from './registry';
import { runCentral } from './monte-carlo';
import { withParamValue } from './goal-seek';
import type { ModelInput } from './types';

export interface CalibrateOptions {
  /** Also fit the users ceiling (market potential). Default false: it is barely identified before the inflection. */
  readonly fitCeiling?: boolean;
  /**
   * Observations to fit instead of the shipped series (what-if and tests), `{ date: 'YYYY-MM-DD', value }`. As with
   * the shipped data, only those dated at or before the scenario's as-of date are used.
   */
  readonly observations?: readonly { readonly date: string; readonly value: number }[];
  /** Refit with the last one and two observations left out (default true). */
  readonly leaveOut?: boolean;
}

export interface FittedPoint {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly observed: number;
  readonly fitted: number;
}

export interface LeaveOut {
  /** How many of the latest observations were left out (0: all used). */
  readonly dropped: number;
  /** Last observation month used, `YYYY-MM`. */
  readonly lastMonth: string;
  /** Fitted parameter values, or null where too few points remained to fit. */
  readonly params: Partial<Record<ParamId, number>> | null;
  /**
   * The fitted curve continued to the deadline (2023-12) in the output's unit: the same recurrence stepped on from the
   * first observation with the refitted parameters (not re-anchored on the last observation), so the values differ
   * only through the refit. Null where nothing could be fitted.
   */
  readonly value: number | null;
}

export interface FittedCalibration {
  readonly status: 'fitted';
  readonly outputId: OutputId;
  readonly series: string;
  /** What was fitted: the users family, or the base-station build-out. */
  readonly model: UsersFamily | 'build-out';
  /** Fitted values, in registry units (percentages as percent). */
  readonly params: Partial<Record<ParamId, number>>;
  /** Asymptotic standard errors of the fitted values (from the Jacobian at the optimum), or null without spare points. */
  readonly stdErrors: Partial<Record<ParamId, number>> | null;
  /** Parameters the fit depends on but holds at the scenario's values. */
  readonly held: Partial<Record<ParamId, number>>;
  /** Every observation used, in the output's unit; the first is the initial condition and is matched exactly. */
  readonly fitted: FittedPoint[];
  /** Root mean square error over the points after the first, in the output's unit. */
  readonly rmse: number;
  /** Coefficient of determination over the points after the first. */
  readonly r2: number;
  /** Number of observations used (the first included). */
  readonly n: number;
  readonly conditioning: 'ok' | 'ill-conditioned';
  /** Why the fit is ill-conditioned (empty when ok). */
  readonly reasons: ConditioningReason[];
  /** The 2023-12 value of the fitted curve with all observations and with the last one and two left out. */
  readonly leaveOut: LeaveOut[];
  /**
   * The model's own central 2023-12 value with the fitted values applied to the scenario (anchored on the shipped
   * data as usual); null when fitting supplied observations.
   */
  readonly central: number | null;
}

export interface UnfittedCalibration {
  readonly status: 'not-fittable';
  readonly outputId: OutputId;
  readonly series: string | null;
  /** Observations known at the as-of date. */
  readonly n: number;
  /** Month of the last of them, `YYYY-MM` (null without any). */
  readonly lastMonth: string | null;
  readonly reason: UnfittedReason;
}

export type Calibration = FittedCalibration | UnfittedCalibration;

/**
 * Why a fit is ill-conditioned: a code and the figures behind it (shares and changes as fractions, values in the
 * parameter's unit). src/i18n/analysis-text.ts renders them in both languages; the CLI prints the English.
 */
export type ConditioningReason =
  /** Fewer observations than `min`. */
  | { readonly code: 'few-points'; readonly n: number; readonly min: number }
  /** The last observation is `share` of the market potential, below `limit`: an early S-curve. */
  | { readonly code: 'early-s-curve'; readonly share: number; readonly limit: number }
  /** A fitted value at a bound of its allowed range. */
  | { readonly code: 'at-bound'; readonly param: ParamId; readonly bound: 'lower' | 'upper'; readonly value: number }
  /** A standard error above `limit` of its value (`se` is Number.MAX_VALUE where the variance is not finite). */
  | {
      readonly code: 'large-standard-error';
      readonly param: ParamId;
      readonly value: number;
      readonly se: number;
      readonly limit: number;
    }
  /** Leaving out the last `dropped` observations moves the fitted 2023-12 value by `change` (relative). */
  | { readonly code: 'leave-out'; readonly dropped: number; readonly change: number };

/**
 * Why an output cannot be calibrated: it has no observed series; no observation at the as-of date; one observation
 * only, which the model reproduces exactly; several, but the model anchors on the last and has no parameter for
 * their history; or fewer than two observations of a fittable series.
 */
export type UnfittedReason = 'no-series' | 'no-observation' | 'single-observation' | 'anchored-on-last' | 'too-few';

interface Point {
  readonly month: Month;
  readonly value: number;
}

/** The parameters a fit varies, in order, with their registry ranges. */
interface Spec {
  readonly ids: readonly ParamId[];
  /** Returns the curve's values at months first … last (inclusive) for the given parameter values, from `start` at `first`. */
  readonly path: (values: readonly number[], start: number, first: Month, last: Month) => Float64Array;
}

/** Thresholds of the conditioning checks. */
export const CONDITIONING = {
  /** Fewer observations than this is "few points". */
  minPoints: 6,
  /** Last observation below this share of the market potential: the S-curve's shape is barely identified. */
  earlyShare: 0.3,
  /** A normalised parameter within this of 0 or 1 is "at a bound". */
  boundTolerance: 1e-3,
  /** Relative standard error above this is "large sensitivity". */
  maxRelativeSe: 0.5,
  /** Relative change of the 2023-12 value when leaving out the last one or two observations above this is "large sensitivity". */
  maxLeaveOutChange: 0.1,
} as const;

/**
 * The upgrade plan's outputs that reuse a 2021 output's equations calibrate as it does (the personal-user penetration
 * on its proxy, 5G phone users ÷ population), with values read at their own deadline.
 */
const CALIBRATION_TWIN: Partial<Record<OutputId, OutputId>> = {
  personal_user_penetration: 'user_penetration',
  traffic_share_2027: 'traffic_share',
  base_stations_per_10k_2027: 'base_stations_per_10k',
  industry_vpn_2027: 'industry_vpn',
};

/** Returns the calibration of one output against the observations known at the scenario's as-of date. */
export function calibrate(input: ModelInput, id: OutputId, opts: CalibrateOptions = {}): Calibration {
  const outputId = CALIBRATION_TWIN[id] ?? id;
  const deadline = OUTPUTS[id].deadline;
  const series = OUTPUTS[id].series ?? null;
  const raw = opts.observations ?? (series ? observedUpTo(series, input.asOf) : []);
  const points = toPoints(raw, input.asOf);
  const lastMonth = points.length ? formatMonth(points[points.length - 1].month) : null;
  if (!series) return { status: 'not-fittable', outputId: id, series, n: 0, lastMonth: null, reason: 'no-series' };
  if (outputId === 'traffic_share' || outputId === 'industry_vpn' || outputId === 'iot_connections') {
    // The model starts from (or, structural traffic, solves its r0 from) the last observation and reproduces it exactly;
    // IoT connections grow from it at an assumed rate.
    const reason =
      points.length === 0 ? 'no-observation' : points.length === 1 ? 'single-observation' : 'anchored-on-last';
    return { status: 'not-fittable', outputId: id, series, n: points.length, lastMonth, reason };
  }
  if (points.length < 2)
    return { status: 'not-fittable', outputId: id, series, n: points.length, lastMonth, reason: 'too-few' };

  const population = observedSeries('population', input.asOf);
  if (!population) throw new Error(`no population observation at or before ${input.asOf}`);
  const popAt = populationAt(population, input.params.popGrowth.value);
  const isUsers = outputId === 'users' || outputId === 'user_penetration';
  const fitCeiling = isUsers && !!opts.fitCeiling;
  const family = input.families.users;

  // Converts the fitted quantity (users or stations) to the output's unit.
  const toOutput = (m: Month, v: number) =>
    outputId === 'user_penetration'
      ? (100 * v) / popAt(m)
      : outputId === 'base_stations_per_10k'
        ? (1e4 * v) / popAt(m)
        : v;

  const makeSpec = (anchor: Month): Spec =>
    isUsers ? usersSpec(family, fitCeiling, input, popAt) : stationsSpec(anchor);
  const held: Partial<Record<ParamId, number>> = { popGrowth: input.params.popGrowth.value };
  if (isUsers && !fitCeiling) held.ceiling = input.params.ceiling.value;

  const fitOn = (pts: Point[]) => {
    const spec = makeSpec(pts[pts.length - 1].month);
    const start = spec.ids.map((id) => input.params[id].value);
    return { spec, ...fit(spec, pts, start) };
  };

  const all = fitOn(points);
  const first = points[0].month;
  const last = points[points.length - 1].month;
  const curve = all.spec.path(all.values, points[0].value, first, last);
  const fitted: FittedPoint[] = points.map((p) => ({
    month: formatMonth(p.month),
    observed: toOutput(p.month, p.value),
    fitted: toOutput(p.month, curve[p.month - first]),
  }));
  const { rmse, r2 } = fitQuality(fitted.slice(1));
  const params = Object.fromEntries(all.spec.ids.map((id, k) => [id, clean(all.values[k])])) as Partial<
    Record<ParamId, number>
  >;
  const stdErrors = all.se
    ? (Object.fromEntries(all.spec.ids.map((id, k) => [id, clean(all.se![k])])) as Partial<Record<ParamId, number>>)
    : null;

  const atDeadline = (spec: Spec, values: readonly number[]) => {
    const path = spec.path(values, points[0].value, first, deadline);
    return toOutput(deadline, path[deadline - first]);
  };
  const leaveOut: LeaveOut[] = [
    { dropped: 0, lastMonth: formatMonth(last), params, value: atDeadline(all.spec, all.values) },
  ];
  if (opts.leaveOut !== false) {
    for (const k of [1, 2]) {
      const pts = points.slice(0, points.length - k);
      if (pts.length < 2) {
        leaveOut.push({
          dropped: k,
          lastMonth: pts.length ? formatMonth(pts[pts.length - 1].month) : '',
          params: null,
          value: null,
        });
        continue;
      }
      const f = fitOn(pts);
      leaveOut.push({
        dropped: k,
        lastMonth: formatMonth(pts[pts.length - 1].month),
        params: Object.fromEntries(f.spec.ids.map((id, j) => [id, clean(f.values[j])])),
        value: atDeadline(f.spec, f.values),
      });
    }
  }

  // Conditioning.
  const reasons: ConditioningReason[] = [];
  if (points.length < CONDITIONING.minPoints)
    reasons.push({ code: 'few-points', n: points.length, min: CONDITIONING.minPoints });
  if (isUsers) {
    const ceiling = fitCeiling ? params.ceiling! : input.params.ceiling.value;
    const share = points[points.length - 1].value / ((ceiling / 100) * popAt(last));
    if (share < CONDITIONING.earlyShare)
      reasons.push({ code: 'early-s-curve', share: clean(share), limit: CONDITIONING.earlyShare });
  }
  all.spec.ids.forEach((id, k) => {
    const u = all.theta[k];
    if (u <= CONDITIONING.boundTolerance || u >= 1 - CONDITIONING.boundTolerance) {
      reasons.push({
        code: 'at-bound',
        param: id,
        bound: u <= CONDITIONING.boundTolerance ? 'lower' : 'upper',
        value: clean(all.values[k]),
      });
    }
  });
  if (all.se) {
    all.spec.ids.forEach((id, k) => {
      const v = all.values[k];
      const se = all.se![k];
      if (v !== 0 && se / Math.abs(v) > CONDITIONING.maxRelativeSe) {
        reasons.push({
          code: 'large-standard-error',
          param: id,
          value: clean(v),
          se: clean(se),
          limit: CONDITIONING.maxRelativeSe,
        });
      }
    });
  }
  const base = leaveOut[0].value!;
  for (const lo of leaveOut.slice(1)) {
    if (lo.value === null || base === 0) continue;
    const change = (lo.value - base) / Math.abs(base);
    if (Math.abs(change) > CONDITIONING.maxLeaveOutChange)
      reasons.push({ code: 'leave-out', dropped: lo.dropped, change: clean(change) });
  }

  let central: number | null = null;
  if (!opts.observations) {
    const applied = applyValues(input, params);
    const paths = runCentral(applied);
    central = paths[id][deadline - monthOfAnchor(outputId, input.asOf)];
  }

  return {
    status: 'fitted',
    outputId: id,
    series,
    model: isUsers ? family : 'build-out',
    params,
    stdErrors,
    held,
    fitted,
    rmse,
    r2,
    n: points.length,
    conditioning: reasons.length ? 'ill-conditioned' : 'ok',
    reasons,
    leaveOut,
    central,
  };
}

/**
 * Returns the scenario with a calibration's fitted values as its central assumptions (each parameter's distribution
 * moved along with its point, as goal seeking does). An unfitted calibration returns the scenario unchanged.
 */
export function applyCalibration<S extends ModelInput>(input: S, cal: Calibration): S {
  return cal.status === 'fitted' ? applyValues(input, cal.params) : input;
}

function applyValues<S extends ModelInput>(input: S, values: Partial<Record<ParamId, number>>): S {
  let out = input;
  for (const [id, v] of Object.entries(values) as [ParamId, number][]) {
    const p = PARAMS[id];
    out = withParamValue(out, id, Math.min(p.max, Math.max(p.min, v)));
  }
  return out;
}

/** The anchor month of an output's path (its last observation at the as-of date), as resolveAnchors sets it. */
function monthOfAnchor(outputId: OutputId, asOf: string): Month {
  const s = observedSeries(OUTPUTS[outputId].series!, asOf);
  if (!s) throw new Error(`no observation of ${OUTPUTS[outputId].series} at or before ${asOf}`);
  return s.last;
}

/** Observations at or before the as-of date, one per month (a later one in a month replaces an earlier), oldest first. */
function toPoints(raw: readonly { date: string; value: number }[], asOf: string): Point[] {
  const byMonth = new Map<Month, { date: string; value: number }>();
  for (const o of [...raw]
    .filter((o) => o.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    byMonth.set(parseMonth(o.date), o);
  }
  return [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([month, o]) => ({ month, value: o.value }));
}

/** Population at a month as simulate.ts has it: observed (interpolated) up to its last observation, then compounded monthly. */
function populationAt(pop: ObservedSeries, growthPct: number): (m: Month) => number {
  const f = monthlyFactor(growthPct);
  const cache = new Map<Month, number>();
  return (m) => {
    if (m <= pop.last) return pop.at(m);
    let v = cache.get(m);
    if (v === undefined) {
      v = pop.lastValue;
      for (let k = pop.last; k < m; k++) v *= f;
      cache.set(m, v);
    }
    return v;
  };
}

/** The users recurrence of simulate.ts (its stepUsers, through recurrences.ts), started from the first observation. */
function usersSpec(family: UsersFamily, fitCeiling: boolean, input: ModelInput, popAt: (m: Month) => number): Spec {
  const rate: ParamId = family === 'bass' ? 'bassP' : family === 'logistic' ? 'logisticR' : 'gompertzG';
  const ids: ParamId[] = family === 'bass' ? ['bassP', 'bassQ'] : [rate];
  if (fitCeiling) ids.push('ceiling');
  const ceilingHeld = input.params.ceiling.value;
  return {
    ids,
    path(values, start, first, last) {
      const get = (id: ParamId) => values[ids.indexOf(id)];
      const mkShare = (fitCeiling ? get('ceiling') : ceilingHeld) / 100;
      const step = usersStepOf(family, get);
      const out = new Float64Array(last - first + 1);
      let u = (out[0] = start);
      for (let m = first + 1; m <= last; m++) {
        // Last month's population, as in simulate.ts; a step that would lower users holds them.
        u = held(u, step(u, marketPotential(mkShare, popAt(m - 1))));
        out[m - first] = u;
      }
      return out;
    },
  };
}

/** The users family's one-month step with the given parameter values. */
function usersStepOf(family: UsersFamily, get: (id: ParamId) => number): (u: number, mk: number) => number {
  switch (family) {
    case 'bass': {
      const p = get('bassP');
      const q = get('bassQ');
      return (u, mk) => bassStep(u, mk, p, q);
    }
    case 'logistic': {
      const r = get('logisticR');
      return (u, mk) => logisticUsersStep(u, mk, r);
    }
    case 'gompertz': {
      const decay = gompertzDecay(get('gompertzG'));
      return (u, mk) => gompertzStep(u, mk, decay);
    }
    default:
      return family satisfies never;
  }
}

/** The base-station build-out: A/12 a month in the year after the anchor, A·(1 + g)^y / 12 in year y (negative before it). */
function stationsSpec(anchor: Month): Spec {
  return {
    ids: ['buildAnnual', 'buildGrowth'],
    path(values, start, first, last) {
      const [A, g] = values;
      const out = new Float64Array(last - first + 1);
      let b = (out[0] = start);
      for (let m = first + 1; m <= last; m++) {
        b += monthlyAdditions(A, g, Math.floor((m - anchor - 1) / 12));
        out[m - first] = b;
      }
      return out;
    },
  };
}

/** Least squares of a spec's curve through the points (the first is the initial condition), from the current values. */
function fit(spec: Spec, pts: readonly Point[], current: readonly number[]): FitResult {
  const first = pts[0].month;
  const last = pts[pts.length - 1].month;
  return fitBounded(
    {
      x: pts.map((p) => p.month),
      y: pts.map((p) => p.value),
      lo: spec.ids.map((id) => PARAMS[id].min),
      width: spec.ids.map((id) => PARAMS[id].max - PARAMS[id].min),
      curve: (values) => {
        const path = spec.path(values, pts[0].value, first, last);
        return (x) => path[x - first];
      },
      conditions: 1,
    },
    current,
  );
}

/** Removes floating noise for display and JSON (10 significant digits). */
function clean(v: number): number {
  return Number(v.toPrecision(10));
}
