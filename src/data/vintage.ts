/**
 * Real-time vintages of the observations: "as of D" holds only the figures known by D, as economic data services keep
 * them. Two sources make the store:
 *  - the plan-launch snapshot (data/observations-as-of-2021-07.csv): what a planner could know on 2021-07-31, kept
 *    exactly as the July-2021 presets saw it;
 *  - the running file of official figures (data/observations-2019-2024.csv), each row known from its publication date.
 * A vintage at or after the snapshot's date is the snapshot plus every running row that became known after the
 * snapshot's date and by the vintage's, and is dated after the snapshot's last figure of its series; a vintage before it is the running rows known by then. The running file's
 * `mobile_phone_users` is the snapshot's `mobile_users` (subscriptions).
 */
import { RUNNING_ROWS, SNAPSHOT_ROWS, type RowTuple } from './observations.generated';
import type { Observation } from './types';
import type { Bound, PeriodKind } from './load';

export const SNAPSHOT_DATE = '2021-07-31';

/** One figure with what the loader knows about it. */
export interface Obs extends Observation {
  /** The first day it was public, ISO. */
  readonly known: string;
  readonly period: PeriodKind;
  readonly bound: Bound;
  /** Where it was found ('' for snapshot rows, which name their publisher in `source`). */
  readonly url: string;
  readonly origin: 'snapshot' | 'running';
}

const PERIODS: readonly PeriodKind[] = ['end', 'month', 'ytd', 'year', 'unstated'];
const BOUNDS: readonly Bound[] = ['', 'lower', 'approx', 'rounded'];
/** Running-file series that the model knows under another name. */
const ALIAS: Readonly<Record<string, string>> = { mobile_phone_users: 'mobile_users' };

/** Turns generated tuples (or rows of the loader) into observations. */
export function fromTuples(rows: readonly RowTuple[], origin: Obs['origin']): Obs[] {
  return rows.map((t) => ({
    series: ALIAS[t[0]] ?? t[0],
    date: t[1],
    value: t[2],
    unit: t[3],
    basis: t[4] === 1 ? 'derived' : 'reported',
    source: t[5],
    url: t[6],
    known: t[7],
    period: PERIODS[t[8]],
    bound: BOUNDS[t[9]],
    origin,
  }));
}

export interface DataStore {
  readonly snapshot: readonly Obs[];
  readonly running: readonly Obs[];
  /** End of the latest period any running figure describes (2024-10-31 with the shipped file). */
  readonly lastDate: string;
  /** The day the latest period's figures became known: the latest as-of date worth replaying. */
  readonly lastAsOf: string;
}

/** Creates a store from the snapshot's and the running file's observations. */
export function createStore(snapshot: readonly Obs[], running: readonly Obs[]): DataStore {
  const lastDate = running.reduce((d, o) => (o.date > d ? o.date : d), SNAPSHOT_DATE);
  const lastAsOf = running.filter((o) => o.date === lastDate).reduce((d, o) => (o.known > d ? o.known : d), lastDate);
  return { snapshot, running, lastDate, lastAsOf };
}

/** The shipped store, from the generated module. */
export const STORE: DataStore = createStore(fromTuples(SNAPSHOT_ROWS, 'snapshot'), fromTuples(RUNNING_ROWS, 'running'));

const cache = new WeakMap<DataStore, Map<string, readonly Obs[]>>();

/** Returns the observations known at `asOf` (ISO date), in file order. */
export function vintageRows(asOf: string, store: DataStore = STORE): readonly Obs[] {
  let byDate = cache.get(store);
  if (!byDate) cache.set(store, (byDate = new Map()));
  const hit = byDate.get(asOf);
  if (hit) return hit;
  let out: Obs[];
  if (asOf >= SNAPSHOT_DATE) {
    const lastOf = new Map<string, string>();
    for (const o of store.snapshot) if ((lastOf.get(o.series) ?? '') < o.date) lastOf.set(o.series, o.date);
    // The snapshot is everything known at its date; later vintages add what became known after it.
    out = [...store.snapshot, ...store.running.filter((o) => o.known <= asOf && o.known > SNAPSHOT_DATE && o.date > (lastOf.get(o.series) ?? ''))];
  } else {
    out = store.running.filter((o) => o.known <= asOf);
  }
  if (byDate.size > 256) byDate.clear();
  byDate.set(asOf, out);
  return out;
}

/** Returns every figure of the store, latest knowledge: the vintage of the last as-of date. */
export function latestRows(store: DataStore = STORE): readonly Obs[] {
  return vintageRows('9999-12-31', store);
}
