/**
 * What actually happened to each target: the official 2023-12 value in the target's metric where one was published,
 * the actual verdict, and the first figure that met the target. Where no official series exists (industrial
 * penetration, IoT growth, benchmarks, the programme counts) the outcome is `none`: the tool says so and never guesses.
 */
import { STORE, type DataStore } from '../data/vintage';
import type { Bound, PeriodKind } from '../data/load';
import { OUTPUTS, meets, type OutputId } from './indicators';
import { observedPoints, type ObservedPoint } from './observed';

export type Outcome =
  | { readonly id: OutputId; readonly status: 'none' }
  | {
      readonly id: OutputId;
      readonly status: 'published';
      /** The figure for 2023-12 in the target's metric, or null where none was published for that month. */
      readonly value: number | null;
      readonly date: string | null;
      readonly bound: Bound;
      readonly period: PeriodKind;
      readonly source: string;
      readonly url: string;
      /**
       * Whether the target was met at the deadline: from the 2023-12 figure, or, for counts without one, from an
       * earlier figure already meeting it (counts never fall). Null where the figures cannot tell.
       */
      readonly met: boolean | null;
      /** The first published figure meeting the target (the target was met by then), or null. */
      readonly firstMet: ObservedPoint | null;
      /** The last figure before it, which did not meet the target (met after it), or null. */
      readonly lastBelow: ObservedPoint | null;
    };

/** Returns the actual outcome of an output from every figure published so far. */
export function actualOutcome(id: OutputId, store: DataStore = STORE): Outcome {
  const pts = observedPoints(id, '9999-12-31', store);
  if (pts.length === 0) return { id, status: 'none' };
  const target = OUTPUTS[id].target;
  const deadline = OUTPUTS[id].deadline;
  const atDeadline = pts.filter((p) => p.month === deadline).at(-1) ?? null;
  const upTo = pts.filter((p) => p.month <= deadline);
  const i = pts.findIndex((p) => meets(target, p.value));
  const firstMet = i >= 0 ? pts[i] : null;
  const lastBelow = i > 0 ? pts[i - 1] : null;
  let met: boolean | null = null;
  if (atDeadline && !(atDeadline.bound === 'lower' && !meets(target, atDeadline.value)))
    met = meets(target, atDeadline.value);
  else if ((OUTPUTS[id].kind === 'count' || OUTPUTS[id].kind === 'density') && upTo.some((p) => meets(target, p.value)))
    met = true;
  return {
    id,
    status: 'published',
    value: atDeadline ? atDeadline.value : null,
    date: atDeadline ? atDeadline.date : null,
    bound: atDeadline ? atDeadline.bound : '',
    period: atDeadline ? atDeadline.period : 'end',
    source: atDeadline ? atDeadline.source : (upTo.at(-1)?.source ?? ''),
    url: atDeadline ? atDeadline.url : (upTo.at(-1)?.url ?? ''),
    met,
    firstMet,
    lastBelow,
  };
}
