/**
 * Month arithmetic on an integer grid: a month is `year * 12 + (month - 1)`, and it stands for the month's last day.
 * Integers keep the grid exact and cheap across the worker boundary.
 */

export type Month = number;

/** Parses `YYYY-MM` or `YYYY-MM-DD` into a month ordinal (the day is ignored: months are month-ends). */
export function parseMonth(iso: string): Month {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO month: ${iso}`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new Error(`not an ISO month: ${iso}`);
  return Number(m[1]) * 12 + month - 1;
}

/** Formats a month ordinal as `YYYY-MM`. */
export function formatMonth(m: Month): string {
  const y = Math.floor(m / 12);
  const mo = m - y * 12 + 1;
  return `${y}-${mo < 10 ? '0' : ''}${mo}`;
}

/** Returns the ISO date of the last day of a month ordinal. */
export function monthEnd(m: Month): string {
  const y = Math.floor(m / 12);
  const mo = m - y * 12 + 1;
  const day = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${formatMonth(m)}-${day}`;
}

/**
 * Returns the month whose end is the last month-end at or before an ISO date: 2021-07-31 gives July 2021,
 * 2021-07-30 gives June 2021.
 */
export function monthAtOrBefore(isoDate: string): Month {
  const m = parseMonth(isoDate);
  return isoDate.length <= 7 || isoDate >= monthEnd(m) ? m : m - 1;
}
