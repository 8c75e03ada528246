/**
 * Sentences of the analysis panel, built from the analysis layer's structured results and codes (goal-seek reasons,
 * calibration reasons, swing bases, on-track statuses) in either language from the message tables; the CLI prints the
 * English. Nothing here reads the model's text back: every switch over a code is exhaustive. Pure (the app's analysis
 * panel and the CLI both use it): tested in Node.
 */
import {
  OUTPUTS,
  PARAMS,
  UNITS,
  type Calibration,
  type ConditioningReason,
  type GoalSeekResult,
  type OnTrackOutput,
  type OnTrackReason,
  type OnTrackStatus,
  type OutputId,
  type ParamId,
  type ProbabilitySeekResult,
  type SwingBasis,
  type UnfittedReason,
} from '../model';
import {
  formatExact,
  formatMonthLong,
  formatNumber,
  formatPct,
  formatProb,
  formatValue,
  pick,
  type Lang,
  type MessageKey,
  type Translate,
} from './index';
import { outputName, seriesName } from './names';
import { parseMonth } from '../model/months';

/**
 * An output's deadline as the analysis sentences name it: 2023年12月 / Dec 2023 for the 2021 plan's outputs,
 * 2027年12月 / Dec 2027 for the upgrade plan's. Every message that names the deadline takes it as `{deadline}`.
 */
export function deadlineText(id: OutputId, lang: Lang): string {
  return formatMonthLong(OUTPUTS[id].deadline, lang);
}

/** Number of decimals a parameter's step needs (0.0005 → 4). */
export function stepDecimals(step: number): number {
  const s = String(step);
  return s.includes('e-') ? Number(s.split('e-')[1]) : (s.split('.')[1]?.length ?? 0);
}

/** A parameter's label; with its indicator's name where the label alone is ambiguous outside its own cell. */
export function leverLabel(id: ParamId, lang: Lang, outputId?: OutputId): string {
  const p = PARAMS[id];
  const label = pick(p.label, lang);
  if (
    !outputId ||
    p.group === 'context' ||
    p.group === outputId ||
    (p.group === 'users' && outputId === 'user_penetration')
  )
    return label;
  return lang === 'zh-CN' ? `${label}（${outputName(p.group, lang)}）` : `${label} (${outputName(p.group, lang)})`;
}

/** A parameter's unit in a language. */
export function unitOf(id: ParamId, lang: Lang): string {
  return pick(UNITS[PARAMS[id].unit], lang);
}

/** A parameter value as the controls show it: the step's decimals (more when the value is off the step grid). */
export function formatParam(id: ParamId, v: number, lang: Lang): string {
  const d = stepDecimals(PARAMS[id].step);
  const onGrid = Math.abs(Number(v.toFixed(d)) - v) <= 1e-9 * Math.max(1, Math.abs(v));
  const digits = onGrid ? d : Math.max(d, sigDecimals(v, 4));
  // Chinese counts in 万/亿 (640,000 → 64万), exact to the digits shown.
  if (lang === 'zh-CN' && Math.abs(v) >= 1e4) return formatExact(Number(v.toFixed(digits)), lang);
  return formatNumber(v, lang, digits);
}

/**
 * A fitted (free-floating) value: four significant figures, whole numbers in full; in Chinese a count of 万 or more
 * reads in 万/亿 to four significant figures (1,379,191 → 137.9万).
 */
export function formatFitted(v: number, lang: Lang): string {
  if (lang === 'zh-CN' && Math.abs(v) >= 1e4 && Number.isFinite(v)) return formatExact(round4(v), lang);
  return formatNumber(v, lang, sigDecimals(v, 4));
}

function sigDecimals(v: number, sig: number): number {
  const a = Math.abs(v);
  if (a === 0 || !Number.isFinite(a)) return 0;
  return Math.max(0, Math.min(8, sig - 1 - Math.floor(Math.log10(a))));
}

/** A parameter value with its unit ("640,000 stations per year", "0.25倍/年"). */
export function withUnit(
  id: ParamId,
  v: number,
  lang: Lang,
  format: (v: number) => string = (x) => formatParam(id, x, lang),
): string {
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
  const now = withUnit(r.lever, r.current.value, lang);
  const out = (v: number) => formatValue(r.outputId, v, lang);
  switch (r.status) {
    case 'reachable':
      return (
        t(r.current.met ? 'anGsMetWhile' : 'anGsNeeds', {
          lever,
          cmp: comparatorOf(r),
          value: withUnit(r.lever, r.value!, lang),
          now,
          output: out(r.output!),
          deadline: deadlineText(r.outputId, lang),
        }) + (r.reason === 'off-grid' ? ` ${t('anGsOffGrid')}` : '')
      );
    case 'unreachable':
    case 'already-met':
      return seekEndText(r, lever, lang, t);
    default:
      return r.status satisfies never;
  }
}

/** A central goal seek that found no boundary, from its reason. */
function seekEndText(r: GoalSeekResult, lever: string, lang: Lang, t: Translate): string {
  const [min, max] = r.range;
  switch (r.reason) {
    case 'no-effect':
      return t('anGsNoEffect', { lever });
    case 'out-of-range':
      return t('anGsUnreachable', {
        range: rangeWithUnit(r.lever, lang),
        best: formatValue(r.outputId, r.best!.output, lang),
        lever,
        at: withUnit(r.lever, r.best!.value, lang),
      });
    case 'met-everywhere':
      return t('anGsAlreadyAll', { lever });
    case 'met-at-min':
      return t('anGsAlreadyMin', { lever, value: withUnit(r.lever, min, lang) });
    case 'met-at-max':
      return t('anGsAlreadyMax', { lever, value: withUnit(r.lever, max, lang) });
    case 'on-grid':
    case 'off-grid':
      throw new Error(`a ${r.status} goal seek with reason ${r.reason}`);
    default:
      return r.reason satisfies never;
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
        }) +
        (r.reason === 'off-grid' ? ` ${t('anGsOffGrid')}` : '') +
        (r.monotone ? '' : ` ${t('anPsNotMonotone')}`)
      );
    case 'unreachable':
      return t('anPsUnreachable', {
        level,
        p: formatProb(r.best!.pMet, lang),
        lever,
        at: withUnit(r.lever, r.best!.value, lang),
      });
    case 'already-met':
      return t('anPsAlready', {
        p: formatProb(r.pMet!, lang),
        lever,
        value: withUnit(r.lever, PARAMS[r.lever][r.reason === 'met-at-max' ? 'max' : 'min'], lang),
      });
    default:
      return r.status satisfies never;
  }
}

/**
 * The assumption's own levers first (those of the indicator's cell; the users' for user penetration), then the
 * context (population, subscriptions), then every other indicator's, each group in registry order.
 */
export function orderLevers(levers: readonly ParamId[], outputId: OutputId): ParamId[] {
  const rank = (p: ParamId) => {
    const g = PARAMS[p].group;
    if (g === outputId || (outputId === 'user_penetration' && g === 'users')) return 0;
    return g === 'context' ? 1 : 2;
  };
  return [...levers].sort((a, b) => rank(a) - rank(b));
}

/**
 * One plain sentence when the data-only progress badge and the model's verdict disagree (on track but missed, or
 * behind but met), or '' when they agree or there is no data; `id` names the output whose deadline it speaks of.
 */
export function reconcileText(s: OnTrackStatus, met: boolean, t: Translate, id: OutputId, lang: Lang): string {
  const tone = onTrackTone(s);
  if (tone === 'good' && !met) return t('anReconcileGoodMissed', { deadline: deadlineText(id, lang) });
  if (tone === 'poor' && met) return t('anReconcilePoorMet');
  return '';
}

/** An ISO month (`2021-05`) as the interface writes months: 2021年5月 / May 2021. */
export function isoMonthText(iso: string, lang: Lang): string {
  return /^\d{4}-\d{2}/.test(iso) ? formatMonthLong(parseMonth(iso), lang) : iso;
}

/** The message of an on-track status (its badge). */
export function onTrackKey(s: OnTrackStatus): MessageKey {
  switch (s) {
    case 'on-track':
      return 'anOtOnTrack';
    case 'moderate':
      return 'anOtModerate';
    case 'limited':
      return 'anOtLimited';
    case 'deteriorating':
      return 'anOtDeteriorating';
    case 'met':
      return 'anOtMet';
    case 'no-data':
      return 'anOtNoData';
    default:
      return s satisfies never;
  }
}

/** CSS class of an on-track status's badge. */
export function onTrackTone(s: OnTrackStatus): 'good' | 'fair' | 'poor' | 'none' {
  switch (s) {
    case 'on-track':
    case 'met':
      return 'good';
    case 'moderate':
      return 'fair';
    case 'limited':
    case 'deteriorating':
      return 'poor';
    case 'no-data':
      return 'none';
    default:
      return s satisfies never;
  }
}

/** Explains an on-track status in a sentence, from its reason. */
export function onTrackText(o: OnTrackOutput, lang: Lang, t: Translate): string {
  const reason: OnTrackReason = o.reason;
  switch (reason) {
    case 'met':
      return t('anOtWhyMet', { month: isoMonthText(o.last!.month, lang) });
    case 'no-series':
      return t('anOtWhyNoSeries');
    case 'too-few':
      return t('anOtWhyFew', { n: o.n });
    case 'no-growth':
      return t('anOtWhyNoGrowth');
    case 'deadline-passed':
      return t('anOtWhyPassed');
    case 'pace': {
      const perMonth = (g: number) => formatPct(100 * (Math.exp(g) - 1), lang, 2);
      return t('anOtWhy', {
        observed: perMonth(o.observedGrowth!),
        first: isoMonthText(o.first!.month, lang),
        required: perMonth(o.requiredGrowth!),
        last: isoMonthText(o.last!.month, lang),
        ratio: formatNumber(o.ratio!, lang, 2),
        deadline: deadlineText(o.outputId, lang),
      });
    }
    default:
      return reason satisfies never;
  }
}

/** Why an output cannot be calibrated, in a sentence (`lastMonth` defaults to the calibration's own). */
export function unfittedText(
  c: Extract<Calibration, { status: 'not-fittable' }>,
  t: Translate,
  lastMonth = c.lastMonth ?? '',
  lang: Lang = 'en',
): string {
  const month = lastMonth ? isoMonthText(lastMonth, lang) : '';
  const series = c.series ? seriesName(c.series, lang) : '';
  const reason: UnfittedReason = c.reason;
  switch (reason) {
    case 'no-series':
      return t('anNoSeries');
    case 'no-observation':
      return t('anNoObsAtAsOf');
    case 'single-observation':
      return t('anSinglePoint', { series, month });
    case 'anchored-on-last':
      return t('anAnchoredPoints', { series, n: c.n, month });
    case 'too-few':
      return t('anTooFew', { n: c.n });
    default:
      return reason satisfies never;
  }
}

/** One of the calibration's conditioning reasons of output `id` in a sentence. */
export function reasonText(r: ConditioningReason, lang: Lang, t: Translate, id: OutputId): string {
  const param = (id: ParamId) => pick(PARAMS[id].label, lang);
  const pct = (fraction: number, digits?: number) => formatPct(100 * fraction, lang, digits);
  switch (r.code) {
    case 'few-points':
      return t('anReasonFew', { n: r.n, min: r.min });
    case 'early-s-curve':
      return t('anReasonEarly', { share: pct(r.share), limit: pct(r.limit, 0) });
    case 'at-bound':
      return t(r.bound === 'lower' ? 'anReasonBoundLow' : 'anReasonBoundHigh', {
        param: param(r.param),
        value: formatFitted(r.value, lang),
      });
    case 'large-standard-error':
      return t('anReasonSe', {
        param: param(r.param),
        value: formatFitted(r.value, lang),
        se: r.se >= Number.MAX_VALUE ? '∞' : formatFitted(r.se, lang),
        limit: pct(r.limit, 0),
      });
    case 'leave-out': {
      const change = `${r.change > 0 ? '+' : ''}${pct(r.change)}`;
      const deadline = deadlineText(id, lang);
      return r.dropped === 1
        ? t('anReasonLeaveOut1', { change, deadline })
        : t('anReasonLeaveOutK', { k: r.dropped, change, deadline });
    }
    default:
      return r satisfies never;
  }
}

/** The message naming how a tornado row's swing was chosen. */
export function basisKey(b: SwingBasis): MessageKey {
  switch (b) {
    case 'p10-p90':
      return 'anBasisP';
    case 'fixed-10pct':
      return 'anBasisFixed';
    case 'fixed-10pct-of-range':
      return 'anBasisFixedRange';
    default:
      return b satisfies never;
  }
}
