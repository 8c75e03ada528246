/**
 * Time-axis ticks that never overlap (pure: tested in Node and measured in Chromium). Plot picks time ticks by
 * count, not by the width of their labels, and Chinese labels ("2022年1月") are wider than Plot's English ones, so
 * wide charts showed `10月2022年1月4月`. Here the interval (3, 6, 12, 24 or 36 months) is the smallest whose
 * spacing leaves room for the widest label, and the year sits on a second line under January (and under the first
 * tick), as in Plot's English axis.
 */
import type { Lang } from '../../i18n';

/** The intervals tried, in months. */
export const TICK_INTERVALS = [3, 6, 12, 24, 36] as const;

/** An estimate of a label's width in em (CJK 1 em, digits and Latin about 0.6 em: wide on purpose). */
export function labelWidthEm(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 && c <= 0xffef ? 1.02 : /[A-Z]/.test(ch) ? 0.72 : /[a-z]/.test(ch) ? 0.56 : 0.6;
  }
  return w;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month's label: month alone, or month then year on a second line, or the year alone (yearly ticks). */
export function tickLabel(d: Date, lang: Lang, withYear: boolean, yearOnly: boolean): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const year = lang === 'zh-CN' ? `${y}年` : String(y);
  if (yearOnly) return year;
  const month = lang === 'zh-CN' ? `${m + 1}月` : EN_MONTHS[m];
  return withYear ? `${month}\n${year}` : month;
}

export interface TimeTicks {
  /** Tick dates (the first day of each month shown, UTC). */
  ticks: Date[];
  tickFormat: (d: Date, i: number) => string;
  /** Months between ticks. */
  interval: number;
  /** Lines per label (2 when years sit under months). */
  lines: number;
}

/**
 * Chooses the ticks of a time axis from `start` to `end` drawn `innerWidth` px wide at `fontSize` px: the smallest
 * interval whose spacing exceeds the widest label plus a gap of one em.
 */
export function timeTicks(start: Date, end: Date, innerWidth: number, lang: Lang, fontSize: number): TimeTicks {
  const m0 = start.getUTCFullYear() * 12 + start.getUTCMonth();
  const m1 = end.getUTCFullYear() * 12 + end.getUTCMonth();
  const span = Math.max(1, m1 - m0 + (end.getUTCDate() > 1 ? 1 : 0));
  const pxPerMonth = innerWidth / span;
  for (const interval of TICK_INTERVALS) {
    const yearOnly = interval >= 12;
    const months: number[] = [];
    // Ticks on month starts within the domain, aligned to the interval (January-based).
    for (let m = m0 + (start.getUTCDate() > 1 ? 1 : 0); m <= m1; m++) if (m % interval === 0) months.push(m);
    const ticks = months.map((m) => new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)));
    const labels = ticks.map((d, i) => tickLabel(d, lang, i === 0 || d.getUTCMonth() === 0, yearOnly));
    const widest = Math.max(0, ...labels.flatMap((l) => l.split('\n')).map(labelWidthEm)) * fontSize;
    const last = interval === TICK_INTERVALS[TICK_INTERVALS.length - 1];
    if (interval * pxPerMonth >= widest + fontSize || last) {
      const byTime = new Map(ticks.map((d, i) => [d.getTime(), labels[i]]));
      return {
        ticks,
        tickFormat: (d: Date) => byTime.get(d.getTime()) ?? tickLabel(d, lang, true, yearOnly),
        interval,
        lines: labels.some((l) => l.includes('\n')) ? 2 : 1,
      };
    }
  }
  throw new Error('unreachable');
}
