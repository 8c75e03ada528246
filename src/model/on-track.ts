/**
 * A model-free progress check: is an indicator's observed growth fast enough to reach its target by the deadline?
 * It uses the observations alone, no scenario and no assumption.
 *
 * Growth is measured as a log growth rate per month: g = ln(v₂ / v₁) / (m₂ − m₁), the continuously compounded
 * monthly rate between two observations (the value grows by a factor e^g, i.e. by e^g − 1, each month). Log rates add
 * over time and treat rises and falls symmetrically, so one number summarises irregularly spaced observations.
 *
 *   observed  = ln(last / first) / (months from the first observation to the last)
 *   required  = ln(target / last) / (months from the last observation to the deadline, 2023-12)
 *   ratio     = observed / required
 *
 * A ratio of 1 means the observed pace, kept up, reaches the target exactly at the deadline. Status: ratio ≥ 0.95
 * 'on-track', ≥ 0.6 'moderate', ≥ 0 'limited', < 0 'deteriorating' (the indicator has been falling); 'met' when the
 * last observation meets the target; 'no-data' without at least two positive observations in different months.
 * Statuses and reasons are codes: src/i18n/analysis-text.ts renders them in both languages.
 * Shares and densities are computed per observation month with the population observed (interpolated) at that month.
 */
import { DEADLINE, observedSeries, observedUpTo } from './anchors';
import { OUTPUTS, meets, targetLevel, type OutputId, type Target } from './indicators';
import { log } from './math';
import { formatMonth, parseMonth, type Month } from './months';

export type OnTrackStatus = 'on-track' | 'moderate' | 'limited' | 'deteriorating' | 'met' | 'no-data';

/**
 * What the status rests on: the observed and required paces ('pace'); the last observation meeting the target
 * ('met'); no observed series ('no-series'); fewer than two observations ('too-few'); observations that give no
 * growth rate (one month, or a value ≤ 0: 'no-growth'); the deadline passed without the target met
 * ('deadline-passed').
 */
export type OnTrackReason = 'pace' | 'met' | 'no-series' | 'too-few' | 'no-growth' | 'deadline-passed';

/** Lower bounds of the ratio of observed to required growth for each status. */
export const ON_TRACK_THRESHOLDS = { onTrack: 0.95, moderate: 0.6, limited: 0 } as const;

export interface OnTrackResult {
  readonly status: OnTrackStatus;
  readonly target: Target;
  /** Observations used. */
  readonly n: number;
  readonly first: { readonly month: string; readonly value: number } | null;
  readonly last: { readonly month: string; readonly value: number } | null;
  /** Observed log growth per month since the first observation. */
  readonly observedGrowth: number | null;
  /** Log growth per month needed from the last observation to reach the target at the deadline. */
  readonly requiredGrowth: number | null;
  /** observedGrowth / requiredGrowth. */
  readonly ratio: number | null;
  readonly reason: OnTrackReason;
}

export interface OnTrackOutput extends OnTrackResult {
  readonly outputId: OutputId;
  readonly asOf: string;
  readonly series: string | null;
}

/** Classifies a series of observations (oldest first, one per month, in the target's unit) against a target. */
export function classifyOnTrack(
  points: readonly { readonly month: Month; readonly value: number }[],
  target: Target,
  deadline: Month = DEADLINE,
): OnTrackResult {
  const empty = {
    target,
    n: points.length,
    first: null,
    last: null,
    observedGrowth: null,
    requiredGrowth: null,
    ratio: null,
  };
  const pts = [...points].sort((a, b) => a.month - b.month);
  const lastP = pts[pts.length - 1];
  const firstP = pts[0];
  const at = (p: { month: Month; value: number }) => ({ month: formatMonth(p.month), value: p.value });
  if (pts.length > 0 && meets(target, lastP.value)) {
    return { ...empty, first: at(firstP), last: at(lastP), status: 'met', reason: 'met' };
  }
  if (pts.length < 2 || lastP.month === firstP.month || !(firstP.value > 0) || !(lastP.value > 0)) {
    return { ...empty, status: 'no-data', reason: pts.length < 2 ? 'too-few' : 'no-growth' };
  }
  const observed = log(lastP.value / firstP.value) / (lastP.month - firstP.month);
  const level = targetLevel(target);
  const remaining = deadline - lastP.month;
  const base = { ...empty, first: at(firstP), last: at(lastP), observedGrowth: observed };
  if (remaining <= 0 || !(level > 0)) {
    return { ...base, status: 'limited', reason: 'deadline-passed' };
  }
  const required = log(level / lastP.value) / remaining;
  const ratio = observed / required;
  const status: OnTrackStatus =
    ratio >= ON_TRACK_THRESHOLDS.onTrack
      ? 'on-track'
      : ratio >= ON_TRACK_THRESHOLDS.moderate
        ? 'moderate'
        : ratio >= ON_TRACK_THRESHOLDS.limited
          ? 'limited'
          : 'deteriorating';
  return { ...base, requiredGrowth: required, ratio, status, reason: 'pace' };
}

/** Returns the model-free progress status of an output from the observations dated at or before `asOf`. */
export function onTrack(outputId: OutputId, asOf: string): OnTrackOutput {
  const meta = OUTPUTS[outputId];
  const series = meta.series ?? null;
  const head = { outputId, asOf, series };
  if (!series) return { ...head, ...classifyOnTrack([], meta.target), reason: 'no-series' };
  const pop = observedSeries('population', asOf);
  const byMonth = new Map<Month, number>();
  for (const o of observedUpTo(series, asOf)) byMonth.set(parseMonth(o.date), o.value);
  const points = [...byMonth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([month, v]) => {
      // Per-capita outputs; the personal-user penetration is read on its proxy (phone users ÷ population).
      const perPerson = outputId === 'user_penetration' || outputId === 'personal_user_penetration';
      if (perPerson || outputId === 'base_stations_per_10k' || outputId === 'base_stations_per_10k_2027') {
        if (!pop) throw new Error(`no population observation at or before ${asOf}`);
        return { month, value: ((perPerson ? 100 : 1e4) * v) / pop.at(month) };
      }
      return { month, value: v };
    });
  return { ...head, ...classifyOnTrack(points, meta.target, meta.deadline) };
}
