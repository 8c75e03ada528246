/**
 * Observed points of each output in the output's own unit, for charts and tables: 5G users (connections, or phone users
 * with earlier connections bridged), users ÷ population as penetration, stations × 10,000 ÷ population as density.
 * Points known at the scenario's as-of date are the data the run used (`known`); the figures published after it are
 * the actuals, drawn as their own series. A run anchored before the users' metric break is on the connections metric,
 * so its actual phone users are shown on that metric (÷ the bridge ratio) and say so.
 */
import { latestRows, vintageRows, STORE, type DataStore, type Obs } from '../data/vintage';
import type { Bound, PeriodKind } from '../data/load';
import { observedSeries } from './anchors';
import { bridgeOf, usersRows, USERS_SERIES } from './bridge';
import { parseMonth, type Month } from './months';
import type { OutputId } from './indicators';

export interface ObservedPoint {
  readonly month: Month;
  /** ISO date of the figure (the period's end or the statement's day). */
  readonly date: string;
  readonly value: number;
  /** `reported`: as published; `derived`: computed from published figures (see `source`). */
  readonly basis: 'reported' | 'derived';
  readonly source: string;
  /** Where the figure was found ('' where `source` names the publisher). */
  readonly url: string;
  /** Whether the point was known at the scenario's as-of date (and so used by the model); false for actuals. */
  readonly known: boolean;
  /** The day the figure became known. */
  readonly knownFrom: string;
  /** Traffic shares: the period the figure covers (a month, the year to date, a full year or not stated). */
  readonly period: PeriodKind;
  /** The source's qualifier: a lower bound (超), approximate (接近) or rounded. */
  readonly bound: Bound;
}

const RAW: Partial<Record<OutputId, string>> = {
  users: USERS_SERIES,
  user_penetration: USERS_SERIES,
  traffic_share: 'g5_traffic_share',
  base_stations_per_10k: 'g5_base_stations',
  industry_vpn: 'g5_industry_vpn',
  // The upgrade plan's: the personal-user penetration shows its proxy (5G phone users ÷ population).
  personal_user_penetration: USERS_SERIES,
  traffic_share_2027: 'g5_traffic_share',
  base_stations_per_10k_2027: 'g5_base_stations',
  industry_vpn_2027: 'g5_industry_vpn',
  iot_connections: 'g5_iot_connections',
};

const key = (o: Obs) => `${o.series}@${o.date}`;

/** Returns the rows of an output's series in a vintage, on the users metric `bridged` (phone users) or not (connections). */
function seriesRows(series: string, rows: readonly Obs[], bridged: boolean, latest: readonly Obs[]): Obs[] {
  if (series !== USERS_SERIES) return rows.filter((o) => o.series === series);
  if (bridged) return usersRows(rows);
  // On the connections metric: connections as published, phone users ÷ the ratio (known only from the latest data).
  const b = bridgeOf(latest);
  const out = rows.filter((o) => o.series === 'g5_handset_connections');
  if (b) {
    for (const o of rows) {
      if (o.series !== 'g5_phone_users') continue;
      out.push({
        ...o,
        value: o.value / b.ratio,
        basis: 'derived',
        source: `${o.source}; 5G phone users ÷ ${b.ratio.toFixed(3)} (bridge to the connections metric)`,
      });
    }
  }
  return out;
}

/** Returns an output's observed points in its unit: those known at `asOf`, then the actuals published after it. */
export function observedPoints(id: OutputId, asOf: string, store: DataStore = STORE): ObservedPoint[] {
  const series = RAW[id];
  if (!series) return [];
  const vintage = vintageRows(asOf, store);
  const latest = latestRows(store);
  // The run's users metric: phone users once the first phone-user figure is known at as-of.
  const bridged = bridgeOf(vintage) !== null;
  const knownKeys = new Set(vintage.map(key));
  // Population for per-capita outputs: every population figure published, interpolated log-linearly.
  const pop = observedSeries('population', '9999-12-31', store)!;
  const toPoint = (o: Obs, known: boolean): ObservedPoint => {
    const month = parseMonth(o.date);
    const base = { month, date: o.date, url: o.url, known, knownFrom: o.known, period: o.period, bound: o.bound };
    const perPerson = id === 'user_penetration' || id === 'personal_user_penetration';
    if (perPerson || id === 'base_stations_per_10k' || id === 'base_stations_per_10k_2027') {
      const p = pop.at(month);
      const value = perPerson ? (100 * o.value) / p : (1e4 * o.value) / p;
      const proxy = id === 'personal_user_penetration' ? ' (proxy of personal users)' : '';
      return { ...base, value, basis: 'derived', source: `${o.source}; ÷ population (NBS)${proxy}` };
    }
    return { ...base, value: o.value, basis: o.basis, source: o.source };
  };
  const knownPts = seriesRows(series, vintage, bridged, latest).map((o) => toPoint(o, true));
  const actual = seriesRows(series, latest, bridged, latest)
    .filter((o) => !knownKeys.has(key(o)))
    .map((o) => toPoint(o, false));
  const byDate = (a: ObservedPoint, b: ObservedPoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return [...knownPts.sort(byDate), ...actual.sort(byDate)];
}
