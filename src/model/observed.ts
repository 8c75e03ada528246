/**
 * Observed points of each output in the output's own unit, for charts and tables: handset connections as users,
 * connections ÷ population as penetration, stations × 10,000 ÷ population as density. Derived points say so.
 */
import { OBSERVATIONS } from '../data/observations';
import { observedSeries } from './anchors';
import { parseMonth, type Month } from './months';
import type { OutputId } from './indicators';

export interface ObservedPoint {
  readonly month: Month;
  readonly value: number;
  /** `reported`: as published; `derived`: computed from published figures (see `source`). */
  readonly basis: 'reported' | 'derived';
  readonly source: string;
  /** Whether the point was known at the scenario's as-of date (and so used by the model). */
  readonly known: boolean;
}

const RAW: Partial<Record<OutputId, string>> = {
  users: 'g5_handset_connections',
  user_penetration: 'g5_handset_connections',
  traffic_share: 'g5_traffic_share',
  base_stations_per_10k: 'g5_base_stations',
  industry_vpn: 'g5_industry_vpn',
};

/** Returns an output's observed points in its unit (empty where the indicator has no series). */
export function observedPoints(id: OutputId, asOf: string): ObservedPoint[] {
  const series = RAW[id];
  if (!series) return [];
  // Population for per-capita outputs: every population figure published, interpolated log-linearly.
  const pop = observedSeries('population', '9999-12-31')!;
  return OBSERVATIONS.filter((o) => o.series === series)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((o) => {
      const month = parseMonth(o.date);
      const known = o.date <= asOf;
      if (id === 'user_penetration' || id === 'base_stations_per_10k') {
        const p = pop.at(month);
        const value = id === 'user_penetration' ? (100 * o.value) / p : (1e4 * o.value) / p;
        return { month, value, basis: 'derived' as const, source: `${o.source}; ÷ population (NBS)`, known };
      }
      return { month, value: o.value, basis: o.basis, source: o.source, known };
    });
}
