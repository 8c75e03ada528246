/**
 * Resolves what a run starts from: for each output, its anchor month (the last month at or before the as-of date with
 * an observation, or the as-of month with an assumed starting value), the observed values there, and the observed
 * context series (population, subscriptions) that the model interpolates up to their last observation and projects
 * after it.
 */
import { OBSERVATIONS } from '../data/observations';
import type { Observation } from '../data/types';
import { monthAtOrBefore, parseMonth, type Month } from './months';
import { OUTPUT_IDS, type OutputId } from './indicators';
import { pow } from './math';

/** The plan's deadline: targets are read at the end of 2023. */
export const DEADLINE: Month = parseMonth('2023-12');
/** IoT terminal growth is measured from the plan's base year, end-2020. */
export const IOT_BASE: Month = parseMonth('2020-12');
/** The earliest and latest as-of dates the model accepts. */
export const AS_OF_MIN = '2020-12-31';
export const AS_OF_MAX = '2023-12-31';
export const HORIZON_MIN = '2023-12';
export const HORIZON_MAX = '2030-12';

/** A series known up to `last`: log-linear interpolation between observations, flat before the first. */
export interface ObservedSeries {
  readonly first: Month;
  readonly last: Month;
  readonly lastValue: number;
  /** Observed or interpolated value at a month ≤ `last`. */
  at(m: Month): number;
}

/** Returns the observations of a series dated at or before an ISO date, oldest first. */
export function observedUpTo(series: string, asOf: string): Observation[] {
  return OBSERVATIONS.filter((o) => o.series === series && o.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Builds a log-linear interpolator over a series' observations at or before `asOf`, or null when there are none. */
export function observedSeries(series: string, asOf: string): ObservedSeries | null {
  const obs = observedUpTo(series, asOf);
  if (obs.length === 0) return null;
  // One point per month: a later observation in the same month replaces an earlier one.
  const byMonth = new Map<Month, number>();
  for (const o of obs) byMonth.set(parseMonth(o.date), o.value);
  const ms = [...byMonth.keys()].sort((a, b) => a - b);
  const vs = ms.map((m) => byMonth.get(m)!);
  return {
    first: ms[0],
    last: ms[ms.length - 1],
    lastValue: vs[vs.length - 1],
    at(m: Month): number {
      if (m <= ms[0]) return vs[0];
      for (let i = 1; i < ms.length; i++) {
        if (m === ms[i]) return vs[i];
        if (m < ms[i]) {
          const w = (m - ms[i - 1]) / (ms[i] - ms[i - 1]);
          const a = vs[i - 1];
          const b = vs[i];
          return a > 0 && b > 0 ? a * pow(b / a, w) : a + (b - a) * w;
        }
      }
      return vs[vs.length - 1];
    },
  };
}

export interface Anchors {
  readonly asOf: Month;
  readonly deadline: Month;
  readonly horizon: Month;
  /** First month simulated: the earliest output start. */
  readonly gridStart: Month;
  readonly start: Readonly<Record<OutputId, Month>>;
  readonly population: ObservedSeries;
  readonly subscriptions: ObservedSeries;
  readonly users: ObservedSeries;
  /** The observed traffic share at its anchor, or null when none is known by the as-of date. */
  readonly trafficObs: number | null;
  readonly stations: ObservedSeries;
  /** The observed count of industry networks at its anchor, or null. */
  readonly vpnObs: number | null;
}

/** Resolves the anchors of a run from its as-of date and horizon (both already validated). */
export function resolveAnchors(asOfIso: string, horizonIso: string): Anchors {
  const asOf = monthAtOrBefore(asOfIso);
  const need = (s: string) => {
    const x = observedSeries(s, asOfIso);
    if (!x) throw new Error(`no observation of ${s} at or before ${asOfIso}`);
    return x;
  };
  const population = need('population');
  const subscriptions = need('mobile_users');
  const users = need('g5_handset_connections');
  const stations = need('g5_base_stations');
  const traffic = observedSeries('g5_traffic_share', asOfIso);
  const vpn = observedSeries('g5_industry_vpn', asOfIso);
  const start = {} as Record<OutputId, Month>;
  for (const id of OUTPUT_IDS) start[id] = asOf;
  start.users = start.user_penetration = users.last;
  start.base_stations_per_10k = stations.last;
  if (traffic) start.traffic_share = traffic.last;
  if (vpn) start.industry_vpn = vpn.last;
  // The trailing average growth is defined from the first month after the base year.
  start.iot_growth = IOT_BASE + 1;
  const gridStart = Math.min(IOT_BASE, ...Object.values(start));
  return {
    asOf,
    deadline: DEADLINE,
    horizon: parseMonth(horizonIso),
    gridStart,
    start,
    population,
    subscriptions,
    users,
    trafficObs: traffic ? traffic.lastValue : null,
    stations,
    vpnObs: vpn ? vpn.lastValue : null,
  };
}
