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
  if (p > 0 && p < 0.005) return lang === 'zh-CN' ? '< 1%' : '< 1 %';
  if (p < 1 && p > 0.995) return lang === 'zh-CN' ? '> 99%' : '> 99 %';
  return formatPct(100 * p, lang, 0);
}

/**
 * A probability inside a sentence: `38%` or `> 99%` after 达标概率 in Chinese; `38 %`, `above 99 %` or `below 1 %`
 * after "is" in English. Never `= >99%`.
 */
export function formatProbInSentence(p: number, lang: Lang): string {
  if (lang === 'zh-CN' || !Number.isFinite(p)) return formatProb(p, lang);
  if (p > 0 && p < 0.005) return 'below 1 %';
  if (p < 1 && p > 0.995) return 'above 99 %';
  return formatProb(p, lang);
}

/** Formats a difference of two percentages (or probabilities in %) in percentage points: `+25.3 个百分点` / `+25.3 pp`. */
export function formatPoints(d: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(d)) return '–';
  const a = Math.abs(d);
  const shown = fmt(lang, digits).format(a);
  const sign = Number(shown.replace(/,/g, '')) === 0 ? '±' : d < 0 ? '−' : '+';
  return `${sign}${shown} ${lang === 'zh-CN' ? '个百分点' : 'pp'}`;
}

/** Formats a month ordinal: "2023年3月" or "Mar 2023". */
export function formatMonthLong(m: Month, lang: Lang): string {
  const y = Math.floor(m / 12);
  const mo = m - y * 12 + 1;
  if (lang === 'zh-CN') return `${y}年${mo}月`;
  return new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, mo - 1, 15)),
  );
}

export { formatMonth };

/** Formats a month as the tables' headings do: "2023年12月" in Chinese, "2023-12" in English. */
export function formatMonthIso(m: Month, lang: Lang): string {
  return lang === 'zh-CN' ? formatMonthLong(m, lang) : formatMonth(m);
}

/** Outputs counted in whole things (networks, solutions, standards, centres, regions): shown as whole numbers. */
export const WHOLE_COUNTS: ReadonlySet<OutputId> = new Set<OutputId>([
  'industry_vpn',
  'solutions',
  'industry_standards',
  'security_demo_centers',
  'regional_benchmarks',
]);

/**
 * Formats a value of an output in its unit: counts in 万/亿 or millions (whole things as whole numbers), shares and
 * rates in %, densities plain. An average per industry keeps a decimal.
 */
export function formatValue(id: OutputId, v: number, lang: Lang): string {
  switch (OUTPUTS[id].kind) {
    case 'share':
    case 'rate':
      return formatPct(v, lang, Math.abs(v) >= 100 ? 0 : 1);
    case 'count':
      if (id === 'users' || id === 'iot_connections') return formatCount(v, lang);
      return formatNumber(v, lang, WHOLE_COUNTS.has(id) || Math.abs(v) >= 100 ? 0 : 1);
    case 'density':
      return formatNumber(v, lang, 1);
    default:
      return OUTPUTS[id].kind satisfies never;
  }
}

/** Formats a signed margin or difference in the output's unit: `+5.2 个百分点` / `+5.2 pp` for shares and rates, `−1.3` else. */
export function formatMargin(id: OutputId, v: number, lang: Lang): string {
  const k = OUTPUTS[id].kind;
  if (k === 'share' || k === 'rate') return formatPoints(v, lang, Math.abs(v) >= 100 ? 0 : 1);
  const s = formatValue(id, Math.abs(v), lang);
  return `${/^[0.,]+$/.test(s) ? '±' : v < 0 ? '−' : '+'}${s}`;
}

/** Tick formatter for chart axes in an output's unit. */
export function axisFormatter(id: OutputId, lang: Lang): (v: number) => string {
  if (id === 'users' || id === 'iot_connections') {
    return lang === 'zh-CN'
      ? (v) => (v === 0 ? '0' : `${formatNumber(v / 1e8, lang, 1)}亿`)
      : (v) => (v === 0 ? '0' : `${formatNumber(v / 1e6, lang, 0)}M`);
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

/** Writes `v / 10^k` exactly in plain decimal digits (no exponent, no rounding): 600000 with k = 4 gives "60". */
function shiftExact(v: number, k: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (!m) return String(v);
  const digits = m[2] + (m[3] ?? '');
  const p = m[2].length + Number(m[4] ?? 0) - k;
  let int = p <= 0 ? '0' : p >= digits.length ? digits + '0'.repeat(p - digits.length) : digits.slice(0, p);
  const frac = (p <= 0 ? '0'.repeat(-p) + digits : p >= digits.length ? '' : digits.slice(p)).replace(/0+$/, '');
  int = int.replace(/^0+(?=\d)/, '');
  return `${m[1]}${int}${frac ? '.' + frac : ''}`;
}

/** Groups the integer digits of a plain decimal in threes with commas: "1234567.5" → "1,234,567.5". */
function groupThrees(plain: string): string {
  return plain.replace(/^(-?)(\d+)/, (_, s: string, d: string) => s + d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/**
 * Formats a typed value readably and without rounding, in a form the typed-number parser reads back to the same
 * number: `600,000` in English, `60万` / `1.2亿` in Chinese (grouped digits below 10,000).
 */
export function formatExact(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (lang === 'zh-CN' && a >= 1e8) return `${groupThrees(shiftExact(v, 8))}亿`;
  if (lang === 'zh-CN' && a >= 1e4) return `${shiftExact(v, 4)}万`;
  return groupThrees(shiftExact(v, 0)).replace('-', '−');
}

/** The colon after a label: full-width `：` in Chinese, `: ` in English. */
export function colon(lang: Lang): string {
  return lang === 'zh-CN' ? '：' : ': ';
}

/** Wraps text in brackets: full-width `（…）` in Chinese, ` (…)` in English. */
export function paren(text: string, lang: Lang): string {
  return lang === 'zh-CN' ? `（${text}）` : ` (${text})`;
}

/** Formats an ISO date: "2021年7月31日" in Chinese, "31 Jul 2021" in English. */
export function formatDateLong(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  if (lang === 'zh-CN') return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

const CJK_CHAR = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”]/;
const FULL_WIDTH: Record<string, string> = { ':': '：', ',': '，', ';': '；', '?': '？', '(': '（', ')': '）' };

/**
 * Writes the ASCII punctuation of Chinese text in full width (`：，；？（）`) where it stands next to a Chinese
 * character, and brackets in pairs; punctuation between digits or Latin text (600,000; ln(x)) is left alone. For
 * Chinese text that comes from data files (official definitions, preset rationales) rather than the message tables.
 */
export function fullWidthZh(text: string): string {
  // Twice: a mark next to a bracket converted by the first pass (`号卡),5G`) is seen by the second.
  return fullWidthPass(fullWidthPass(text));
}

function fullWidthPass(text: string): string {
  const chars = [...text];
  const near = (i: number, d: number) => {
    let j = i + d;
    while (j >= 0 && j < chars.length && chars[j] === ' ') j += d;
    return chars[j] ?? '';
  };
  const convert = new Set<number>();
  chars.forEach((c, i) => {
    if (FULL_WIDTH[c] && (CJK_CHAR.test(near(i, -1)) || CJK_CHAR.test(near(i, 1)))) convert.add(i);
  });
  // Brackets in pairs: if either of a pair is converted, both are.
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === '(') open.push(i);
    else if (c === ')' && open.length) {
      const o = open.pop()!;
      if (convert.has(o) || convert.has(i)) {
        convert.add(o);
        convert.add(i);
      }
    }
  });
  let out = '';
  chars.forEach((c, i) => {
    if (convert.has(i)) {
      out = out.replace(/ +$/, '') + FULL_WIDTH[c];
    } else if (c === ' ' && /[：，；？（）]$/.test(out)) {
      // no space after full-width punctuation
    } else out += c;
  });
  return out;
}
