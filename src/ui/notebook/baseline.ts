/**
 * The preset's central paths, drawn as a thin grey reference line (the "baseline ghost") on every fan chart while
 * the scenario differs from its preset. Only the central path is needed, so it runs in a few milliseconds on the main
 * thread; this module is loaded on the first edit, so the model stays out of the page's initial JavaScript.
 */
import { runCentral } from '../../model/monte-carlo';
import { resolveAnchors } from '../../model/anchors';
import type { OutputId } from '../../model/indicators';
import { planOutputs } from '../../model/plans';
import type { Month } from '../../model/months';
import { planOf, type Scenario } from '../../scenario/schema';

export interface BaselinePath {
  readonly start: Month;
  readonly central: Float64Array;
}
export type BaselinePaths = Readonly<Record<OutputId, BaselinePath>>;

const cache = new Map<string, BaselinePaths>();

/** Returns the central path of every output of a (preset) scenario, from its anchor month to its horizon. */
export function baselinePaths(s: Scenario): BaselinePaths {
  const key = centralKey(s);
  const hit = cache.get(key);
  if (hit) return hit;
  const a = resolveAnchors(s.asOf, s.horizon, undefined, s.plan);
  const paths = runCentral(s, a);
  // The outputs of the scenario's plan (the other plan's are not drawn).
  const out = Object.fromEntries(
    planOutputs(planOf(s)).map((id) => [id, { start: a.start[id], central: paths[id] }]),
  ) as Record<OutputId, BaselinePath>;
  cache.set(key, out);
  return out;
}

/** The fields that move a central path (not the seed, samples, uncertainty, title or notes). */
export function centralKey(s: Scenario): string {
  const values = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, v.value]));
  return JSON.stringify([planOf(s), s.asOf, s.horizon, s.families, values]);
}
