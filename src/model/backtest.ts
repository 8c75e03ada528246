/**
 * The backtest: re-run one scenario's assumptions as of every quarter end from 2021-06 to the last data, each vintage
 * seeing only what was known then, and grade the forecasts against what was published later:
 *  - how the forecast of one month's value evolved by vintage (central, 50 % and 90 % bands, P(met)) against the
 *    figure published for it: the deadline's (2023-12) under the 2021 plan; under the upgrade plan, whose deadline
 *    (2027-12) has no figure yet, the month of each indicator's latest published figure, with no P(met);
 *  - the empirical coverage of the 50 %, 80 % and 90 % bands over every vintage and horizon with an actual, per
 *    indicator and overall, beside the nominal;
 *  - the mean absolute percentage error (MAPE) of the central path and of the median by horizon;
 *  - the Brier score of each vintage's P(met) against the outcome (vintages before the deadline), only where the
 *    plan's targets have outcomes (the 2021 plan's).
 * The plan's indicators without the published figures to grade them (no series, or a single figure) are listed with
 * the reason, never silently left out (`backtestPlan`).
 * The upgrade plan's graded indicators are those the model shares with the 2021 plan: base stations per 10,000, the
 * traffic share and industry networks, and the personal-user penetration on its only series, 5G phone users ÷
 * population (the run holds the assumed gap between phone users and persons at zero: the gap has no figure to grade).
 * Empirical bands (as central banks build fan charts from their own past errors): at a vintage, the quantiles of the
 * log errors ln(actual / central) of the earlier vintages whose actuals were published by then, at the same horizon;
 * the backtest scores their coverage too.
 *
 * Two steps, so a worker pool can share the vintages: runVintage (one Monte Carlo, a pure function of the vintage's
 * data: nothing known later enters it) and scoreBacktest (arithmetic on the runs and the published figures). Forecasts
 * anchored before the users' metric break are of 5G handset connections; they are scored on the target's metric (5G
 * phone users) through the bridge ratio with its uncertainty, a conversion made after the fact and said so.
 */
import { STORE, latestRows, vintageRows, type DataStore } from '../data/vintage';
import type { Bound } from '../data/load';
import { AS_OF_MIN } from './anchors';
import { bridgeOf, type Bridge } from './bridge';
import { OUTPUTS, targetLevel, type OutputId } from './indicators';
import { exp, log } from './math';
import { formatMonth, monthAtOrBefore, monthEnd, parseMonth, type Month } from './months';
import { runModel } from './monte-carlo';
import { actualOutcome, type Outcome } from './actuals';
import { observedPoints, type ObservedPoint } from './observed';
import { DEFAULT_PLAN, PLANS, planOutputs, type PlanId } from './plans';
import { QUANTILES, type ModelInput } from './types';

/** The 2021 plan's indicators with official figures to score against. */
export const BACKTEST_IDS = [
  'user_penetration',
  'users',
  'traffic_share',
  'base_stations_per_10k',
  'industry_vpn',
] as const satisfies readonly OutputId[];
/**
 * The upgrade plan's indicators with official series (each has several figures published from 2019 to October
 * 2024): those the model shares with the 2021 plan. The personal-user penetration is graded on its proxy.
 */
export const UPGRADE_BACKTEST_IDS = [
  'personal_user_penetration',
  'traffic_share_2027',
  'base_stations_per_10k_2027',
  'industry_vpn_2027',
] as const satisfies readonly OutputId[];
export type BacktestId = (typeof BACKTEST_IDS)[number] | (typeof UPGRADE_BACKTEST_IDS)[number];

/**
 * Why one of a plan's outputs cannot be backtested: the project's data hold no official series of it ('no-series':
 * its start and growth are assumptions), or a single official figure ('single-figure': a forecast from it has no
 * later figure to be graded against, and a forecast made before it starts from an assumption).
 */
export type NotBacktestedReason = 'no-series' | 'single-figure';

export interface NotBacktested {
  readonly id: OutputId;
  readonly reason: NotBacktestedReason;
  /** The one official figure ('single-figure'): its ISO date, value and qualifier (a lower bound: 'lower'). */
  readonly figure: { readonly date: string; readonly value: number; readonly bound: Bound } | null;
}

/** The backtest's scope under a plan: the outputs it grades and those it cannot, each with its reason. */
export interface BacktestPlan {
  readonly plan: PlanId;
  readonly ids: readonly BacktestId[];
  readonly notBacktested: readonly NotBacktested[];
  /**
   * Whether the plan's targets have outcomes (the deadline is within the published data): then P(met) is scored
   * against them (Brier) and the evolution follows the deadline's value. Otherwise the forecast paths are graded
   * against the published figures alone.
   */
  readonly outcomes: boolean;
}

/** Returns the backtest's scope under a plan, from the figures in the data: nothing is left out unsaid. */
export function backtestPlan(plan: PlanId, store: DataStore = STORE): BacktestPlan {
  const ids = gradedIds(plan);
  const graded = new Set<OutputId>(ids);
  const notBacktested = planOutputs(plan)
    .filter((id) => !graded.has(id))
    .map((id): NotBacktested => {
      // Distinct months with a figure (two sources for one month are one figure).
      const pts = observedPoints(id, '9999-12-31', store);
      const months = new Set(pts.map((p) => p.month));
      if (months.size > 1) throw new Error(`${id} has ${months.size} published figures but is not backtested`);
      const p = pts.at(-1);
      return months.size === 0
        ? { id, reason: 'no-series', figure: null }
        : { id, reason: 'single-figure', figure: { date: p!.date, value: p!.value, bound: p!.bound } };
    });
  return { plan, ids, notBacktested, outcomes: hasOutcomes(plan, store) };
}

/** The outputs a plan's backtest grades. */
function gradedIds(plan: PlanId): readonly BacktestId[] {
  return plan === 'upgrade-2024' ? UPGRADE_BACKTEST_IDS : BACKTEST_IDS;
}

/** Whether a plan's deadline lies within the published data (its targets have outcomes). */
function hasOutcomes(plan: PlanId, store: DataStore): boolean {
  return PLANS[plan].deadline <= parseMonth(store.lastDate);
}

/** A copy of a scenario whose personal-user penetration is its proxy: the gap to phone users held at zero. */
function onProxy(input: ModelInput): ModelInput {
  if (input.plan !== 'upgrade-2024') return input;
  return { ...input, params: { ...input.params, personalGap: { value: 0, dist: { kind: 'fixed' } } } };
}

/** Horizon buckets (months ahead of the vintage's as-of month) for the error table. */
export const HORIZON_BUCKETS: readonly (readonly [number, number])[] = [
  [0, 5],
  [6, 11],
  [12, 17],
  [18, 23],
  [24, 35],
  [36, 120],
];
/** Fewest past errors in a horizon bucket for an empirical band (else the indicators' errors are pooled, else none). */
export const MIN_ERRORS = 5;

/** Returns the quarter ends from 2021-06-30 up to `last` (ISO), the vintages of the backtest. */
export function quarterEnds(last: string = STORE.lastAsOf, first = '2021-06-30'): string[] {
  const out: string[] = [];
  for (let m = parseMonth(first); ; m += 3) {
    const d = monthEnd(m);
    if (d > last) break;
    if (d >= AS_OF_MIN) out.push(d);
  }
  return out;
}

/** One output of one vintage's run: what scoring needs, in the run's own metric. */
export interface VintageOutput {
  readonly start: Month;
  readonly central: Float64Array;
  /** QUANTILES.length rows of `central.length` months. */
  readonly bands: Float64Array;
  readonly pMet: number;
  /** Every sample's value at the deadline (users and penetration only, for the bridged P(met)). */
  readonly deadlineSamples: Float64Array | null;
}

export interface VintageRun {
  readonly asOf: string;
  /** The scenario's plan: the outputs run are its backtested ones (`backtestPlan`). */
  readonly plan: PlanId;
  /** Whether the run's users are on the connections metric (anchored before the first phone-user figure was known). */
  readonly connectionsMetric: boolean;
  readonly outputs: Readonly<Partial<Record<BacktestId, VintageOutput>>>;
}

/** The outputs on the users metric (converted through the bridge when a run is on connections). */
const USERS_METRIC: ReadonlySet<BacktestId> = new Set<BacktestId>([
  'users',
  'user_penetration',
  'personal_user_penetration',
]);

/**
 * Runs one vintage: the scenario's assumptions, anchored on what was known at `asOf`. Under the upgrade plan the
 * personal-user penetration is run on its proxy (the gap to phone users at zero: see `onProxy`).
 */
export function runVintage(input: ModelInput, asOf: string, samples: number, store: DataStore = STORE): VintageRun {
  const plan = input.plan ?? DEFAULT_PLAN;
  // Each vintage needs only what is graded and whether P(met) is scored, not the listing of what cannot be.
  const ids = gradedIds(plan);
  const outcomes = hasOutcomes(plan, store);
  // Only the scored outputs are summarised (most of a run's cost), and the paths end with the year of the last data:
  // paths are causal, so every value up to then is what the scenario's own horizon would give.
  const lastYear = Number(store.lastDate.slice(0, 4));
  const horizon = `${Math.max(2023, lastYear)}-12`;
  const r = runModel({ ...onProxy(input), asOf, horizon: horizon < input.horizon ? horizon : input.horizon }, samples, {
    store,
    outputs: ids,
  });
  const connectionsMetric = bridgeOf(vintageRows(asOf, store)) === null;
  const outputs: Partial<Record<BacktestId, VintageOutput>> = {};
  for (const id of ids) {
    const o = r.outputs[id];
    const users = USERS_METRIC.has(id);
    outputs[id] = {
      start: o.start,
      central: o.central,
      bands: o.bands,
      pMet: o.pMet,
      // Kept only where P(met) is scored and must be bridged (the deadline's outcome is known).
      deadlineSamples: users && connectionsMetric && outcomes ? o.deadlineSamples : null,
    };
  }
  return { asOf, plan, connectionsMetric, outputs };
}

/** A forecast of the reference month's value (IndicatorBacktest.reference) by one vintage, in the target's metric. */
export interface EvolutionPoint {
  readonly asOf: string;
  /** Converted from connections by the bridge. */
  readonly bridged: boolean;
  readonly central: number;
  /** p5, p25, p50, p75, p95 at the reference month (assumption-driven bands). */
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  /** P(met) at the deadline; null where the deadline has no outcome yet (the upgrade plan: not a verdict). */
  readonly pMet: number | null;
  /** Empirical 50 % and 90 % bands at the reference month from the errors known at this vintage, or null. */
  readonly empirical: { readonly p5: number; readonly p25: number; readonly p75: number; readonly p95: number } | null;
}

/** One forecast against one published figure. */
export interface ScoredPoint {
  readonly asOf: string;
  readonly date: string;
  /** Months from the vintage's as-of month to the figure's month. */
  readonly horizon: number;
  readonly actual: number;
  readonly central: number;
  readonly p5: number;
  readonly p10: number;
  readonly p25: number;
  /** The median of the samples. */
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  readonly in50: boolean;
  /** Inside p10–p90. */
  readonly in80: boolean;
  readonly in90: boolean;
  /** |central − actual| / actual. */
  readonly ape: number;
  /** |median − actual| / actual. */
  readonly apeMedian: number;
  /** ln(actual / central). */
  readonly logError: number;
  /** The empirical bands' verdicts, or null where the vintage had too few past errors. */
  readonly emp50: boolean | null;
  readonly emp90: boolean | null;
  readonly bound: ObservedPoint['bound'];
  readonly period: ObservedPoint['period'];
}

export interface Coverage {
  readonly n: number;
  /** Shares inside the 50 %, 80 % and 90 % assumption-driven bands (NaN when n = 0). */
  readonly in50: number;
  readonly in80: number;
  readonly in90: number;
  /** The same for the empirical bands, over the `empN` points that had one. */
  readonly empN: number;
  readonly emp50: number;
  readonly emp90: number;
}

export interface HorizonError {
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
  /** Mean absolute percentage error of the central path, in % (NaN when n = 0). */
  readonly mape: number;
  /** The same of the median (p50), in %. */
  readonly mapeMedian: number;
}

export interface Brier {
  /** Vintages scored (as-of at or before the deadline, with an actual verdict). */
  readonly n: number;
  /** Mean of (P(met) − outcome)², 0 best, 0.25 for always saying 50 %. */
  readonly score: number;
}

export interface IndicatorBacktest {
  readonly id: BacktestId;
  readonly outcome: Outcome;
  /**
   * The month whose value `evolution` follows (`YYYY-MM`) and the figure published for it (null where none): the
   * deadline under the 2021 plan; under the upgrade plan, the month of the indicator's latest published figure.
   */
  readonly reference: { readonly month: string; readonly actual: number | null };
  readonly evolution: readonly EvolutionPoint[];
  readonly points: readonly ScoredPoint[];
  readonly coverage: Coverage;
  readonly mape: readonly HorizonError[];
  readonly brier: Brier | null;
}

export interface BacktestResult {
  readonly plan: PlanId;
  /** Whether the plan's targets have outcomes to score P(met) against (see BacktestPlan). */
  readonly outcomes: boolean;
  /** The outputs graded, in order. */
  readonly ids: readonly BacktestId[];
  /** The plan's other outputs, each with why it cannot be backtested. */
  readonly notBacktested: readonly NotBacktested[];
  /** End of the latest period any figure describes (`YYYY-MM`): the figures graded run to it. */
  readonly lastData: string;
  readonly vintages: readonly string[];
  readonly samples: number;
  /** The bridge used to score connections-metric forecasts, or null. */
  readonly bridge: Bridge | null;
  readonly indicators: Readonly<Partial<Record<BacktestId, IndicatorBacktest>>>;
  readonly overall: {
    readonly coverage: Coverage;
    readonly mape: readonly HorizonError[];
    readonly brier: Brier | null;
  };
}

const Q = {
  p5: QUANTILES.indexOf(0.05),
  p10: QUANTILES.indexOf(0.1),
  p25: QUANTILES.indexOf(0.25),
  p50: QUANTILES.indexOf(0.5),
  p75: QUANTILES.indexOf(0.75),
  p90: QUANTILES.indexOf(0.9),
  p95: QUANTILES.indexOf(0.95),
};
const Z = {
  p5: -1.6448536269514722,
  p10: -1.2815515655446004,
  p25: -0.6744897501960817,
  p50: 0,
  p75: 0.6744897501960817,
  p90: 1.2815515655446004,
  p95: 1.6448536269514722,
};

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf, absolute error below 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Type-7 quantile of sorted values. */
function quantileSorted(xs: readonly number[], p: number): number {
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return xs[lo] + (xs[hi] - xs[lo]) * (h - lo);
}

const bucketOf = (h: number) => HORIZON_BUCKETS.findIndex(([lo, hi]) => h >= lo && h <= hi);

/** A run's value of one band row (or the central path, row -1) at a month, converted to the target's metric. */
function valueAt(
  o: VintageOutput,
  row: number,
  m: Month,
  bridge: { ratio: number; sd: number } | null,
  z: number,
): number {
  const len = o.central.length;
  const i = m - o.start;
  if (i < 0 || i >= len) return NaN;
  const v = row < 0 ? o.central[i] : o.bands[row * len + i];
  // Comonotonic with the band level: the bridge's uncertainty widens each band by the same quantile of the ratio.
  return bridge ? v * bridge.ratio * exp(z * bridge.sd) : v;
}

interface ErrorRecord {
  readonly id: BacktestId;
  readonly asOf: string;
  readonly knownFrom: string;
  readonly horizon: number;
  readonly logError: number;
}

/** Empirical quantiles (p5, p25, p75, p95) of the log errors known at `asOf` at a horizon, or null. */
function empiricalAt(
  errors: readonly ErrorRecord[],
  id: BacktestId,
  asOf: string,
  horizon: number,
): [number, number, number, number] | null {
  const b = bucketOf(horizon);
  if (b < 0) return null;
  const usable = errors.filter((e) => e.asOf < asOf && e.knownFrom <= asOf && bucketOf(e.horizon) === b);
  let xs = usable.filter((e) => e.id === id).map((e) => e.logError);
  if (xs.length < MIN_ERRORS) xs = usable.map((e) => e.logError);
  if (xs.length < MIN_ERRORS) return null;
  xs.sort((a, c) => a - c);
  return [quantileSorted(xs, 0.05), quantileSorted(xs, 0.25), quantileSorted(xs, 0.75), quantileSorted(xs, 0.95)];
}

function coverageOf(points: readonly ScoredPoint[]): Coverage {
  const n = points.length;
  const emp = points.filter((p) => p.emp50 !== null);
  const share = (xs: readonly boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : NaN);
  return {
    n,
    in50: share(points.map((p) => p.in50)),
    in80: share(points.map((p) => p.in80)),
    in90: share(points.map((p) => p.in90)),
    empN: emp.length,
    emp50: share(emp.map((p) => p.emp50!)),
    emp90: share(emp.map((p) => p.emp90!)),
  };
}

function mapeOf(points: readonly ScoredPoint[]): HorizonError[] {
  return HORIZON_BUCKETS.map(([lo, hi]) => {
    const xs = points.filter((p) => p.horizon >= lo && p.horizon <= hi);
    const mean = (f: (p: ScoredPoint) => number) =>
      xs.length ? (100 * xs.reduce((s, p) => s + f(p), 0)) / xs.length : NaN;
    return { lo, hi, n: xs.length, mape: mean((p) => p.ape), mapeMedian: mean((p) => p.apeMedian) };
  });
}

/**
 * Scores the runs of every vintage against the figures published after each (pure arithmetic). The runs are of one
 * scenario, so of one plan: its backtested outputs are graded (`backtestPlan`).
 */
export function scoreBacktest(runs: readonly VintageRun[], samples: number, store: DataStore = STORE): BacktestResult {
  const bridge = bridgeOf(latestRows(store));
  const sorted = [...runs].sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
  const plan = sorted[0]?.plan ?? DEFAULT_PLAN;
  if (sorted.some((r) => r.plan !== plan)) throw new Error('the backtest scores the runs of one plan at a time');
  const scope = backtestPlan(plan, store);
  const ids = scope.ids;
  const actualsOf = Object.fromEntries(ids.map((id) => [id, observedPoints(id, '9999-12-31', store)])) as Record<
    BacktestId,
    ObservedPoint[]
  >;
  const outputOf = (run: VintageRun, id: BacktestId): VintageOutput => {
    const o = run.outputs[id];
    if (!o) throw new Error(`the vintage ${run.asOf} has no run of ${id}`);
    return o;
  };

  // 1. Every forecast against every figure published after its vintage, with its log error.
  const raw: {
    id: BacktestId;
    run: VintageRun;
    p: ObservedPoint;
    horizon: number;
    conv: { ratio: number; sd: number } | null;
  }[] = [];
  for (const run of sorted) {
    const asOfM = monthAtOrBefore(run.asOf);
    for (const id of ids) {
      const conv = convOf(id, run, bridge);
      const o = outputOf(run, id);
      for (const p of actualsOf[id]) {
        if (p.knownFrom <= run.asOf) continue;
        const horizon = p.month - asOfM;
        if (horizon < 0 || p.month < o.start || p.month - o.start >= o.central.length) continue;
        raw.push({ id, run, p, horizon, conv });
      }
    }
  }
  const errors: ErrorRecord[] = raw.map(({ id, run, p, horizon, conv }) => ({
    id,
    asOf: run.asOf,
    knownFrom: p.knownFrom,
    horizon,
    logError: log(p.value / valueAt(outputOf(run, id), -1, p.month, conv, 0)),
  }));

  const indicators: Partial<Record<BacktestId, IndicatorBacktest>> = {};
  const allPoints: ScoredPoint[] = [];
  const brierTerms: number[] = [];
  for (const id of ids) {
    const points: ScoredPoint[] = raw
      .filter((r) => r.id === id)
      .map(({ run, p, horizon, conv }) => {
        const o = outputOf(run, id);
        const at = (row: number, z: number) => valueAt(o, row, p.month, conv, z);
        const central = at(-1, 0);
        const [p5, p10, p25, p50, p75, p90, p95] = [
          at(Q.p5, Z.p5),
          at(Q.p10, Z.p10),
          at(Q.p25, Z.p25),
          at(Q.p50, Z.p50),
          at(Q.p75, Z.p75),
          at(Q.p90, Z.p90),
          at(Q.p95, Z.p95),
        ];
        const emp = empiricalAt(errors, id, run.asOf, horizon);
        const e = emp ? emp.map((x) => central * exp(x)) : null;
        return {
          asOf: run.asOf,
          date: p.date,
          horizon,
          actual: p.value,
          central,
          p5,
          p10,
          p25,
          p50,
          p75,
          p90,
          p95,
          in50: p.value >= p25 && p.value <= p75,
          in80: p.value >= p10 && p.value <= p90,
          in90: p.value >= p5 && p.value <= p95,
          ape: Math.abs(central - p.value) / p.value,
          apeMedian: Math.abs(p50 - p.value) / p.value,
          logError: log(p.value / central),
          emp50: e ? p.value >= e[1] && p.value <= e[2] : null,
          emp90: e ? p.value >= e[0] && p.value <= e[3] : null,
          bound: p.bound,
          period: p.period,
        };
      });
    allPoints.push(...points);

    const outcome = actualOutcome(id, store);
    const level = targetLevel(OUTPUTS[id].target);
    const deadline = OUTPUTS[id].deadline;
    // The month the evolution follows: the deadline where targets have outcomes, else the latest published figure.
    const latest = actualsOf[id].at(-1) ?? null;
    const refMonth = scope.outcomes || !latest ? deadline : latest.month;
    const refActual = scope.outcomes
      ? outcome.status === 'published'
        ? outcome.value
        : null
      : (latest?.value ?? null);
    const evolution: EvolutionPoint[] = sorted.map((run) => {
      const o = outputOf(run, id);
      const conv = convOf(id, run, bridge);
      const at = (row: number, z: number) => valueAt(o, row, refMonth, conv, z);
      const central = at(-1, 0);
      const horizon = refMonth - monthAtOrBefore(run.asOf);
      const emp = horizon >= 0 ? empiricalAt(errors, id, run.asOf, horizon) : null;
      return {
        asOf: run.asOf,
        bridged: conv !== null,
        central,
        p5: at(Q.p5, Z.p5),
        p25: at(Q.p25, Z.p25),
        p50: at(Q.p50, Z.p50),
        p75: at(Q.p75, Z.p75),
        p95: at(Q.p95, Z.p95),
        pMet: !scope.outcomes ? null : conv && o.deadlineSamples ? bridgedPMet(o.deadlineSamples, conv, level) : o.pMet,
        empirical: emp
          ? {
              p5: central * exp(emp[0]),
              p25: central * exp(emp[1]),
              p75: central * exp(emp[2]),
              p95: central * exp(emp[3]),
            }
          : null,
      };
    });
    let brier: Brier | null = null;
    if (scope.outcomes && outcome.status === 'published' && outcome.met !== null) {
      const y = outcome.met ? 1 : 0;
      const terms = evolution.filter((e) => e.asOf <= monthEnd(deadline)).map((e) => (e.pMet! - y) ** 2);
      brierTerms.push(...terms);
      brier = terms.length ? { n: terms.length, score: terms.reduce((s, x) => s + x, 0) / terms.length } : null;
    }
    indicators[id] = {
      id,
      outcome,
      reference: { month: formatMonth(refMonth), actual: refActual },
      evolution,
      points,
      coverage: coverageOf(points),
      mape: mapeOf(points),
      brier,
    };
  }
  return {
    plan,
    outcomes: scope.outcomes,
    ids,
    notBacktested: scope.notBacktested,
    lastData: store.lastDate.slice(0, 7),
    vintages: sorted.map((r) => r.asOf),
    samples,
    bridge,
    indicators,
    overall: {
      coverage: coverageOf(allPoints),
      mape: mapeOf(allPoints),
      brier: brierTerms.length
        ? { n: brierTerms.length, score: brierTerms.reduce((s, x) => s + x, 0) / brierTerms.length }
        : null,
    },
  };
}

/** The conversion of a run's output to the target's metric: the bridge for connections-metric users, else none. */
function convOf(id: BacktestId, run: VintageRun, bridge: Bridge | null): { ratio: number; sd: number } | null {
  if (!run.connectionsMetric || !bridge || !USERS_METRIC.has(id)) return null;
  return { ratio: bridge.ratio, sd: bridge.sdLog };
}

/** P(value × ratio > level) over the samples, with ln(ratio) normal around its central value (exact in the ratio). */
function bridgedPMet(samples: Float64Array, conv: { ratio: number; sd: number }, level: number): number {
  let s = 0;
  for (let i = 0; i < samples.length; i++) s += normalCdf(log((samples[i] * conv.ratio) / level) / conv.sd);
  return s / samples.length;
}

export interface BacktestOptions {
  readonly samples?: number;
  readonly vintages?: readonly string[];
  readonly store?: DataStore;
  /** Called after each vintage with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Runs the whole backtest in this thread: every vintage, then the scores. */
export function runBacktest(input: ModelInput, options: BacktestOptions = {}): BacktestResult {
  const store = options.store ?? STORE;
  const vintages = options.vintages ?? quarterEnds(store.lastAsOf);
  const samples = options.samples ?? input.samples;
  const runs: VintageRun[] = [];
  for (const v of vintages) {
    runs.push(runVintage(input, v, samples, store));
    options.onProgress?.(runs.length, vintages.length);
  }
  return scoreBacktest(runs, samples, store);
}

/** Formats a vintage's as-of date as its month, `YYYY-MM`. */
export const vintageLabel = (asOf: string) => formatMonth(parseMonth(asOf));
