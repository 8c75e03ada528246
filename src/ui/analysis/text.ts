/**
 * Sentences of the analysis panel, built from the analysis layer's structured results in the interface language
 * (the layer's own messages are English, for the CLI). Pure: tested in Node.
 */
import {
  PARAMS,
  UNITS,
  type Calibration,
  type GoalSeekResult,
  type OnTrackOutput,
  type OnTrackStatus,
  type OutputId,
  type ParamId,
  type ProbabilitySeekResult,
  type SwingBasis,
} from '../../model';
import { formatNumber, formatPct, formatProb, formatValue, pick, type Lang, type MessageKey, type Translate } from '../../i18n';
import { outputName } from '../lib/labels';

/** Number of decimals a parameter's step needs (0.0005 → 4). */
export function stepDecimals(step: number): number {
  const s = String(step);
  return s.includes('e-') ? Number(s.split('e-')[1]) : (s.split('.')[1]?.length ?? 0);
}

/** A parameter's label; with its indicator's name where the label alone is ambiguous outside its own cell. */
export function leverLabel(id: ParamId, lang: Lang, outputId?: OutputId): string {
  const p = PARAMS[id];
  const label = pick(p.label, lang);
  if (!outputId || p.group === 'context' || p.group === outputId || (p.group === 'users' && outputId === 'user_penetration')) return label;
  return lang === 'zh-CN' ? `${label}(${outputName(p.group, lang)})` : `${label} (${outputName(p.group, lang)})`;
}

/** A parameter's unit in a language. */
export function unitOf(id: ParamId, lang: Lang): string {
  return pick(UNITS[PARAMS[id].unit], lang);
}

/** A parameter value as the controls show it: the step's decimals (more when the value is off the step grid). */
export function formatParam(id: ParamId, v: number, lang: Lang): string {
  const d = stepDecimals(PARAMS[id].step);
  const onGrid = Math.abs(Number(v.toFixed(d)) - v) <= 1e-9 * Math.max(1, Math.abs(v));
  return formatNumber(v, lang, onGrid ? d : Math.max(d, sigDecimals(v, 4)));
}

/** A fitted (free-floating) value to four significant figures. */
export function formatFitted(v: number, lang: Lang): string {
  return formatNumber(v, lang, sigDecimals(v, 4));
}

function sigDecimals(v: number, sig: number): number {
  const a = Math.abs(v);
  if (a === 0 || !Number.isFinite(a)) return 0;
  return Math.max(0, Math.min(8, sig - 1 - Math.floor(Math.log10(a))));
}

/** A parameter value with its unit ("640,000 stations per year", "0.25倍/年"). */
export function withUnit(id: ParamId, v: number, lang: Lang, format: (v: number) => string = (x) => formatParam(id, x, lang)): string {
  const unit = unitOf(id, lang);
  if (!unit) return format(v);
  return lang === 'zh-CN' ? `${format(v)}${unit}` : `${format(v)} ${unit}`;
}

/** A parameter's allowed range with its unit. */
export function rangeWithUnit(id: ParamId, lang: Lang): string {
  const p = PARAMS[id];
  return `${formatParam(id, p.min, lang)}–${withUnit(id, p.max, lang)}`;
}

/** Rounds a value to four significant figures (fitted values applied as assumptions). */
export function round4(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(4));
}

/** The comparison that meets the target as the lever moves: ≥ when raising it helps, ≤ when lowering does. */
export function comparatorOf(r: Pick<GoalSeekResult, 'response' | 'lever'>): '≥' | '≤' | '=' {
  if (r.response === 'increasing') return '≥';
  if (r.response === 'decreasing') return '≤';
  const d = PARAMS[r.lever].direction;
  return d === 1 ? '≥' : d === -1 ? '≤' : '=';
}

/** The central goal seek as a sentence. */
export function centralSeekText(r: GoalSeekResult, lang: Lang, t: Translate): string {
  const lever = leverLabel(r.lever, lang, r.outputId);
  const now = formatParam(r.lever, r.current.value, lang);
  const out = (v: number) => formatValue(r.outputId, v, lang);
  switch (r.status) {
    case 'reachable':
      return t(r.current.met ? 'anGsMetWhile' : 'anGsNeeds', {
        lever,
        cmp: comparatorOf(r),
        value: withUnit(r.lever, r.value!, lang),
        now,
        output: out(r.output!),
      });
    case 'unreachable':
      if (r.response === 'flat') return t('anGsNoEffect', { lever });
      return t('anGsUnreachable', { range: rangeWithUnit(r.lever, lang), best: out(r.best!.output), lever, at: withUnit(r.lever, r.best!.value, lang) });
    case 'already-met': {
      if (/whole range/.test(r.message)) return t('anGsAlreadyAll', { lever });
      const atMax = /maximum$/.test(r.message);
      const [min, max] = r.range;
      return t(atMax ? 'anGsAlreadyMax' : 'anGsAlreadyMin', { lever, value: withUnit(r.lever, atMax ? max : min, lang) });
    }
    default:
      return r.status satisfies never;
  }
}

/** The probability goal seek as a sentence; `cmp` comes from the central seek of the same lever. */
export function probabilitySeekText(r: ProbabilitySeekResult, cmp: '≥' | '≤' | '=', lang: Lang, t: Translate): string {
  const lever = leverLabel(r.lever, lang, r.outputId);
  const level = formatProb(r.level, lang);
  switch (r.status) {
    case 'reachable':
      return (
        t('anPsReach', {
          level,
          lever,
          cmp,
          value: withUnit(r.lever, r.value!, lang),
          p: formatProb(r.pMet!, lang),
          now: formatProb(r.current.pMet, lang),
          n: formatNumber(r.samples, lang, 0),
        }) + (r.monotone ? '' : ` ${t('anPsNotMonotone')}`)
      );
    case 'unreachable':
      return t('anPsUnreachable', { level, p: formatProb(r.best!.pMet, lang), lever, at: withUnit(r.lever, r.best!.value, lang) });
    case 'already-met': {
      const atMax = /maximum$/.test(r.message);
      return t('anPsAlready', { p: formatProb(r.pMet!, lang), lever, value: withUnit(r.lever, PARAMS[r.lever][atMax ? 'max' : 'min'], lang) });
    }
    default:
      return r.status satisfies never;
  }
}

export const ON_TRACK_KEYS: Record<OnTrackStatus, MessageKey> = {
  'on track': 'anOtOnTrack',
  moderate: 'anOtModerate',
  limited: 'anOtLimited',
  deteriorating: 'anOtDeteriorating',
  'target already met': 'anOtMet',
  'no data': 'anOtNoData',
};

/** CSS class of an on-track status's badge. */
export function onTrackTone(s: OnTrackStatus): 'good' | 'fair' | 'poor' | 'none' {
  return s === 'on track' || s === 'target already met' ? 'good' : s === 'moderate' ? 'fair' : s === 'no data' ? 'none' : 'poor';
}

/** Explains an on-track status in a sentence. */
export function onTrackText(o: OnTrackOutput, lang: Lang, t: Translate): string {
  if (o.status === 'target already met') return t('anOtWhyMet', { month: o.last!.month });
  if (o.status === 'no data') return o.series ? t('anOtWhyFew', { n: o.n }) : t('anOtWhyNoSeries');
  if (o.ratio === null || o.requiredGrowth === null) return t('anOtWhyPassed');
  const perMonth = (g: number) => formatPct(100 * (Math.exp(g) - 1), lang, 2);
  return t('anOtWhy', {
    observed: perMonth(o.observedGrowth!),
    first: o.first!.month,
    required: perMonth(o.requiredGrowth),
    last: o.last!.month,
    ratio: formatNumber(o.ratio, lang, 2),
  });
}

/** Why an output cannot be calibrated, in a sentence. */
export function unfittedText(c: Extract<Calibration, { status: 'not-fittable' }>, t: Translate, lastMonth?: string): string {
  if (!c.series) return t('anNoSeries');
  if (c.outputId === 'traffic_share' || c.outputId === 'industry_vpn') {
    if (c.n === 0) return t('anNoObsAtAsOf');
    return t(c.n === 1 ? 'anSinglePoint' : 'anAnchoredPoints', { series: c.series, n: c.n, month: lastMonth ?? '' });
  }
  return t('anTooFew', { n: c.n });
}

/**
 * Translates one of calibrate.ts's conditioning reasons. The patterns follow its wording; an unknown reason is shown
 * as it is (in English) rather than dropped.
 */
export function reasonText(reason: string, lang: Lang, t: Translate): string {
  const param = (id: string) => (id in PARAMS ? pick(PARAMS[id as ParamId].label, lang) : id);
  let m = /^few points: (\d+) observations \(fewer than (\d+)\)/.exec(reason);
  if (m) return t('anReasonFew', { n: m[1], min: m[2] });
  m = /^early S-curve: the last observation is ([\d.]+) % of the market potential \(below ([\d.]+) %\)/.exec(reason);
  if (m) return t('anReasonEarly', { share: formatPct(Number(m[1]), lang), limit: formatPct(Number(m[2]), lang, 0) });
  m = /^(\w+) at the (lower|upper) bound of its range \((.+)\)$/.exec(reason);
  if (m) return t(m[2] === 'lower' ? 'anReasonBoundLow' : 'anReasonBoundHigh', { param: param(m[1]), value: formatFitted(Number(m[3]), lang) });
  m = /^large sensitivity: (\w+) = (\S+) ± (\S+) \(standard error above (\d+) % of the value\)$/.exec(reason);
  if (m) {
    const se = Number(m[3]);
    return t('anReasonSe', {
      param: param(m[1]),
      value: formatFitted(Number(m[2]), lang),
      se: se >= Number.MAX_VALUE ? '∞' : formatFitted(se, lang),
      limit: formatPct(Number(m[4]), lang, 0),
    });
  }
  m = /^large sensitivity: leaving out the last (?:observation|(\d+) observations) moves the 2023-12 value by (-?[\d.]+) %$/.exec(reason);
  if (m) {
    const change = `${Number(m[2]) > 0 ? '+' : ''}${formatPct(Number(m[2]), lang)}`;
    return m[1] ? t('anReasonLeaveOutK', { k: m[1], change }) : t('anReasonLeaveOut1', { change });
  }
  return reason;
}

export const BASIS_KEYS: Record<SwingBasis, MessageKey> = {
  'p10–p90': 'anBasisP',
  'fixed: ±10 %': 'anBasisFixed',
  'fixed: ±10 % of range': 'anBasisFixedRange',
};
