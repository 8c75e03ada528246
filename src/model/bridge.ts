/**
 * The metric break of 5G users. Until November 2021 MIIT published 5G handset connections (5G手机终端连接数); from the
 * 2021 year-end it publishes 5G mobile phone users (5G移动电话用户), a stricter count (3.55亿 at end 2021 against
 * 4.97亿 connections a month before). The plan's targets are defined on users. The bridge is the ratio of the two at
 * the overlap: the first phone-user figure over the connections of the same month, which were not published, so they
 * lie between the last published value (connections never fall) and that value carried forward at the last observed
 * growth. The ratio's central value is the midpoint in logs, and that range is read as its 90 % interval.
 */
import type { Obs } from '../data/vintage';
import { exp, log, pow } from './math';
import { parseMonth } from './months';

/** The model's users series: connections until the break, phone users after, connections bridged to phone users. */
export const USERS_SERIES = 'g5_users';

export interface Bridge {
  /** The first phone-user figure (ISO date, value). */
  readonly phoneDate: string;
  readonly phone: number;
  /** The last connections figure before it. */
  readonly connDate: string;
  readonly conn: number;
  /** Connections carried forward to the phone-user figure's month at the last observed monthly growth. */
  readonly connCarried: number;
  /** Phone users per connection: central, low, high, and the standard deviation of its logarithm. */
  readonly ratio: number;
  readonly lo: number;
  readonly hi: number;
  readonly sdLog: number;
}

const Z90 = 1.6448536269514722;

/** Returns the bridge from a vintage's rows, or null while no phone-user figure (or fewer than two connections) is known. */
export function bridgeOf(rows: readonly Obs[]): Bridge | null {
  const phones = rows.filter((o) => o.series === 'g5_phone_users').sort((a, b) => (a.date < b.date ? -1 : 1));
  if (phones.length === 0) return null;
  const first = phones[0];
  const conns = rows
    .filter((o) => o.series === 'g5_handset_connections' && o.date < first.date)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  if (conns.length < 2) return null;
  const c1 = conns[conns.length - 2];
  const c2 = conns[conns.length - 1];
  const m1 = parseMonth(c1.date);
  const m2 = parseMonth(c2.date);
  const mp = parseMonth(first.date);
  const growth = c2.value > c1.value && m2 > m1 ? pow(c2.value / c1.value, (mp - m2) / (m2 - m1)) : 1;
  const connCarried = c2.value * growth;
  const lo = first.value / connCarried;
  const hi = first.value / c2.value;
  const ratio = exp((log(lo) + log(hi)) / 2);
  return {
    phoneDate: first.date,
    phone: first.value,
    connDate: c2.date,
    conn: c2.value,
    connCarried,
    ratio,
    lo,
    hi,
    sdLog: (log(hi) - log(lo)) / (2 * Z90),
  };
}

/**
 * Returns the users series of a vintage, oldest first: connections alone before the break is known; after it, the
 * phone users, and the connections before the first phone-user figure times the bridge ratio (derived, and said so).
 */
export function usersRows(rows: readonly Obs[]): Obs[] {
  const conns = rows.filter((o) => o.series === 'g5_handset_connections');
  const bridge = bridgeOf(rows);
  const out: Obs[] = [];
  if (!bridge) out.push(...conns);
  else {
    for (const o of conns) {
      if (o.date >= bridge.phoneDate) continue;
      out.push({
        ...o,
        value: o.value * bridge.ratio,
        basis: 'derived',
        source: `${o.source}; 5G handset connections × ${bridge.ratio.toFixed(3)} (bridge to 5G phone users at ${bridge.phoneDate.slice(0, 7)})`,
      });
    }
    out.push(...rows.filter((o) => o.series === 'g5_phone_users'));
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
