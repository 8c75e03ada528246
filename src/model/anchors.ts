/**
 * Resolves what a run starts from: for each output, its anchor month (the last month at or before the as-of date with
 * an observation, or the as-of month with an assumed starting value), the observed values there, and the observed
 * context series (population, subscriptions) that the model interpolates up to their last observation and projects
 * after it.
 */
import { STORE, vintageRows, type DataStore } from '../data/vintage';
import type { Observation } from '../data/types';
import { USERS_SERIES, usersRows } from './bridge';
import { monthAtOrBefore, parseMonth, type Month } from './months';
import { ALL_OUTPUT_IDS, OUTPUTS, type OutputId } from './indicators';
import { pow } from './math';
import { DEFAULT_PLAN, PLANS, type PlanId } from './plans';

/** The plan's deadline: targets are read at the end of 2023. */
export const DEADLINE: Month = parseMonth('2023-12');
/** IoT terminal growth is measured from the plan's base year, end-2020. */
export const IOT_BASE: Month = parseMonth('2020-12');
/**
 * The earliest and latest as-of dates the model accepts: from the plan's base year to the day the latest figures in
 * data/ became known (it moves as rows are appended).
 */
export const AS_OF_MIN = '2020-12-31';
export const AS_OF_MAX = STORE.lastAsOf > '2023-12-31' ? STORE.lastAsOf : '2023-12-31';
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

/**
 * Returns the observations of a series known at an ISO date (its real-time vintage), oldest first. `g5_users` is the
 * users series: connections, or phone users with the connections before them bridged (see bridge.ts).
 */
export function observedUpTo(series: string, asOf: string, store: DataStore = STORE): Observation[] {
  const rows = vintageRows(asOf, store);
  const list = series === USERS_SERIES ? usersRows(rows) : rows.filter((o) => o.series === series);
  return list.filter((o) => o.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Builds a log-linear interpolator over a series' observations at or before `asOf`, or null when there are none. */
export function observedSeries(series: string, asOf: string, store: DataStore = STORE): ObservedSeries | null {
  const obs = observedUpTo(series, asOf, store);
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

/** Outputs whose path follows an observed series up to its anchor. */
const SERIES_OUTPUTS = {
  users: 1,
  user_penetration: 1,
  base_stations_per_10k: 1,
  traffic_share: 1,
  industry_vpn: 1,
  personal_user_penetration: 1,
  base_stations_per_10k_2027: 1,
  traffic_share_2027: 1,
  industry_vpn_2027: 1,
  iot_connections: 1,
} as const;

export interface Anchors {
  readonly asOf: Month;
  /** The plan of the run: its outputs are the ones summarised (the upgrade plan's stocks step only in its runs). */
  readonly plan: PlanId;
  /** The plan's deadline (each output's own is OUTPUTS[id].deadline: see deadlineIndex). */
  readonly deadline: Month;
  readonly horizon: Month;
  /** First month simulated: the earliest output start. */
  readonly gridStart: Month;
  readonly start: Readonly<Record<OutputId, Month>>;
  /**
   * The month each output's model starts from: its anchor. Equal to `start` unless the anchor falls after the
   * deadline; then the path starts at the deadline and follows the observations up to the anchor (the 2023 value is
   * data, not a forecast).
   */
  readonly hold: Readonly<Record<OutputId, Month>>;
  readonly population: ObservedSeries;
  readonly subscriptions: ObservedSeries;
  readonly users: ObservedSeries;
  /** The observed traffic share at its anchor, or null when none is known by the as-of date. */
  readonly trafficObs: number | null;
  readonly traffic: ObservedSeries | null;
  readonly stations: ObservedSeries;
  /** The observed count of industry networks at its anchor, or null. */
  readonly vpnObs: number | null;
  readonly vpn: ObservedSeries | null;
  /** 5G IoT terminal connections known at as-of (the upgrade plan's IoT target), or null. */
  readonly iotConn: ObservedSeries | null;
}

/** Returns the index of an output's deadline month in its path. */
export function deadlineIndex(a: Anchors, id: OutputId): number {
  return OUTPUTS[id].deadline - a.start[id];
}

/** Resolves the anchors of a run from its as-of date and horizon (both already validated) under a plan. */
export function resolveAnchors(
  asOfIso: string,
  horizonIso: string,
  store: DataStore = STORE,
  plan: PlanId = DEFAULT_PLAN,
): Anchors {
  const asOf = monthAtOrBefore(asOfIso);
  const need = (s: string) => {
    const x = observedSeries(s, asOfIso, store);
    if (!x) throw new Error(`no observation of ${s} at or before ${asOfIso}`);
    return x;
  };
  const population = need('population');
  const subscriptions = need('mobile_users');
  const users = need(USERS_SERIES);
  const stations = need('g5_base_stations');
  const traffic = observedSeries('g5_traffic_share', asOfIso, store);
  const vpn = observedSeries('g5_industry_vpn', asOfIso, store);
  const iotConn = observedSeries('g5_iot_connections', asOfIso, store);
  const hold = {} as Record<OutputId, Month>;
  for (const id of ALL_OUTPUT_IDS) hold[id] = asOf;
  hold.users = hold.user_penetration = hold.personal_user_penetration = users.last;
  hold.base_stations_per_10k = hold.base_stations_per_10k_2027 = stations.last;
  if (traffic) hold.traffic_share = hold.traffic_share_2027 = traffic.last;
  if (vpn) hold.industry_vpn = hold.industry_vpn_2027 = vpn.last;
  if (iotConn) hold.iot_connections = iotConn.last;
  // The trailing average growth is defined from the first month after the base year.
  hold.iot_growth = IOT_BASE + 1;
  // Every path covers the deadline: an anchor after it starts the path at the deadline on the observations. An
  // output without data then takes its assumed value at the deadline.
  const start = {} as Record<OutputId, Month>;
  for (const id of ALL_OUTPUT_IDS) {
    start[id] = Math.min(hold[id], OUTPUTS[id].deadline);
    const observed =
      id in SERIES_OUTPUTS &&
      !((id === 'traffic_share' || id === 'traffic_share_2027') && !traffic) &&
      !((id === 'industry_vpn' || id === 'industry_vpn_2027') && !vpn) &&
      !(id === 'iot_connections' && !iotConn);
    if (!observed) hold[id] = start[id];
  }
  // The grid also starts no later than the context series' last observations, so their projection starts from one.
  const gridStart = Math.min(IOT_BASE, population.last, subscriptions.last, ...Object.values(start));
  return {
    asOf,
    plan,
    deadline: PLANS[plan].deadline,
    horizon: parseMonth(horizonIso),
    gridStart,
    start,
    hold,
    population,
    subscriptions,
    users,
    trafficObs: traffic ? traffic.lastValue : null,
    traffic,
    stations,
    vpnObs: vpn ? vpn.lastValue : null,
    vpn,
    iotConn,
  };
}
