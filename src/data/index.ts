/** Reference data: the plan's targets and the observations known at its launch, typed and validated. */
export { OBSERVATIONS } from './observations';
export { PLAN_TARGETS } from './targets';
export type { Observation } from './types';
export type { IndicatorTarget, ProgrammeTarget } from './targets';
import { OBSERVATIONS } from './observations';
import type { Observation } from './types';

/** Returns one series' observations, oldest first. */
export function seriesOf(series: string): Observation[] {
  return OBSERVATIONS.filter((o) => o.series === series).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Returns the last observation of a series dated at or before an ISO date, or undefined. */
export function lastAtOrBefore(series: string, isoDate: string): Observation | undefined {
  let best: Observation | undefined;
  for (const o of OBSERVATIONS) if (o.series === series && o.date <= isoDate && (!best || o.date > best.date)) best = o;
  return best;
}
