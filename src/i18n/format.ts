/**
 * Number and date formatting per language with Intl: 万 and 亿 in Chinese, million and billion in English.
 */
import { formatMonth, type Month } from '../model/months';
import { OUTPUTS, type OutputId } from '../model/indicators';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const nf = new Map<string, Intl.NumberFormat>();
function fmt(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}|${digits}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    nf.set(key, f);
  }
  return f;
}

/** Returns the number of fraction digits that shows `v` to about three significant figures. */
function digitsFor(v: number): number {
  const a = Math.abs(v);
  if (a === 0 || a >= 100) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  return Math.min(6, 2 - Math.floor(Math.log10(a)));
}

/** Formats a plain number with about three significant figures (more for large whole numbers). */
export function formatNumber(v: number, lang: Lang, digits = digitsFor(v)): string {
  if (!Number.isFinite(v)) return '–';
  return fmt(lang, digits).format(v);
}

/** Formats a count in 万/亿 (Chinese) or million/billion (English). */
export function formatCount(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (lang === 'zh-CN') {
    if (a >= 1e8) return `${formatNumber(v / 1e8, lang, a >= 1e10 ? 0 : 2)}亿`;
    if (a >= 1e4) return `${formatNumber(v / 1e4, lang, a >= 1e6 ? 0 : 1)}万`;
    return formatNumber(v, lang, a >= 100 ? 0 : 1);
  }
  if (a >= 1e9) return `${formatNumber(v / 1e9, lang, 2)} billion`;
  if (a >= 1e6) return `${formatNumber(v / 1e6, lang, a >= 1e8 ? 0 : 1)} million`;
  return formatNumber(v, lang, a >= 100 ? 0 : 1);
}

/** Formats a percentage value (already in percent). */
export function formatPct(v: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(v)) return '–';
  return `${fmt(lang, digits).format(v)}${lang === 'zh-CN' ? '%' : ' %'}`;
}

/** Formats a probability as a percentage, never rounding a non-zero chance to 0 or a non-certainty to 100. */
export function formatProb(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return '–';
  if (p > 0 && p < 0.005) return lang === 'zh-CN' ? '<1%' : '< 1 %';
  if (p < 1 && p > 0.995) return lang === 'zh-CN' ? '>99%' : '> 99 %';
  return formatPct(100 * p, lang, 0);
}

/** Formats a month ordinal: "2023年3月" or "Mar 2023". */
export function formatMonthLong(m: Month, lang: Lang): string {
  const y = Math.floor(m / 12);
  const mo = m - y * 12 + 1;
  if (lang === 'zh-CN') return `${y}年${mo}月`;
  return new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, 15)));
}

export { formatMonth };

/** Formats a value of an output in its unit: counts in 万/亿 or millions, shares and rates in %, densities plain. */
export function formatValue(id: OutputId, v: number, lang: Lang): string {
  switch (OUTPUTS[id].kind) {
    case 'share':
    case 'rate':
      return formatPct(v, lang, Math.abs(v) >= 100 ? 0 : 1);
    case 'count':
      return id === 'users' || id === 'iot_connections' ? formatCount(v, lang) : formatNumber(v, lang, Math.abs(v) >= 100 ? 0 : 1);
    case 'density':
      return formatNumber(v, lang, 1);
    default:
      return OUTPUTS[id].kind satisfies never;
  }
}

/** Formats a signed margin in the output's unit ("+5.2 %", "−1.3"). */
export function formatMargin(id: OutputId, v: number, lang: Lang): string {
  const s = formatValue(id, Math.abs(v), lang);
  return `${v < 0 ? '−' : '+'}${s}`;
}

/** Tick formatter for chart axes in an output's unit. */
export function axisFormatter(id: OutputId, lang: Lang): (v: number) => string {
  if (id === 'users' || id === 'iot_connections') {
    return lang === 'zh-CN' ? (v) => (v === 0 ? '0' : `${formatNumber(v / 1e8, lang, 1)}亿`) : (v) => (v === 0 ? '0' : `${formatNumber(v / 1e6, lang, 0)}M`);
  }
  const k = OUTPUTS[id].kind;
  if (k === 'share' || k === 'rate') return (v) => `${formatNumber(v, lang, 0)}%`;
  return (v) => formatNumber(v, lang, Math.abs(v) < 10 ? 1 : 0);
}

/** Month ticks in Chinese: "2021年1月" at a year's start, "4月" otherwise (Plot's own time ticks are English). */
export function zhMonthTick(d: Date): string {
  const m = d.getUTCMonth() + 1;
  return m === 1 ? `${d.getUTCFullYear()}年1月` : `${m}月`;
}

/** Plot options of a time axis in a language: Chinese ticks where Plot's defaults would be English. */
export function timeAxis(lang: Lang): { tickFormat?: (d: Date) => string } {
  return lang === 'zh-CN' ? { tickFormat: zhMonthTick } : {};
}
