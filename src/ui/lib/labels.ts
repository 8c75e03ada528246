/** Names, definitions, targets and verdict sentences of outputs, per language (pure: tested in Node). */
import { PLAN_TARGETS } from '../../data/targets';
import { OUTPUTS, meets, type OutputId, type OutputResult } from '../../model';
import { formatMonthLong, formatProbInSentence, formatValue, fullWidthZh, type Lang, type Translate } from '../../i18n';
import { outputName, seriesName } from '../../i18n/names';
import { upgradeDefinition } from '../app/plan-labels';

// Names of outputs and series in a language (the analysis sentences and the CLI use them too, so they live in src/i18n).
export { outputName, seriesName };

/** Returns an output's official definition (the plan's annex), or undefined for programme targets. */
export function outputDefinition(id: OutputId, lang: Lang): string | undefined {
  const up = upgradeDefinition(id, lang);
  if (up) return up;
  const x = PLAN_TARGETS.indicators.find((i) => i.id === id);
  if (!x) return undefined;
  return lang === 'zh-CN' ? fullWidthZh(x.definition_zh) : x.definition_en;
}

/** Returns the target as text: "> 40 %", "≥ 100", "10–20". */
export function targetText(id: OutputId, lang: Lang): string {
  const t = OUTPUTS[id].target;
  if (t.comparator === 'range') return `${formatValue(id, t.lo, lang)}–${formatValue(id, t.hi, lang)}`;
  return `${t.comparator === '>' ? '>' : '≥'} ${formatValue(id, t.value, lang)}`;
}

/**
 * Returns the target as the object of a verb in a sentence: `18 以上` (so 达到 18 以上, never 达到> 18), `100 及以上`,
 * `10–20 之间`; in English `more than 18`, `at least 100`, `10–20`.
 */
export function goalText(id: OutputId, lang: Lang): string {
  const t = OUTPUTS[id].target;
  const v = (x: number) => formatValue(id, x, lang);
  if (t.comparator === 'range') return lang === 'zh-CN' ? `${v(t.lo)}–${v(t.hi)} 之间` : `${v(t.lo)}–${v(t.hi)}`;
  if (lang === 'zh-CN') return `${v(t.value)} ${t.comparator === '>' ? '以上' : '及以上'}`;
  return `${t.comparator === '>' ? 'more than' : 'at least'} ${v(t.value)}`;
}

/**
 * The two timing figures of an output, each with its name, the same everywhere (scorecard, cell, chart, exports):
 * the month the central path first meets the target, and the month by which half the samples have met it. Null for
 * an output read at the deadline only (IoT growth, an average over 2021–2023).
 */
export function timingTexts(o: OutputResult, lang: Lang, t: Translate): { central: string; median: string } | null {
  if (OUTPUTS[o.id].kind === 'rate') return null;
  const m = (x: number | null) => (x === null ? t('never') : formatMonthLong(x, lang));
  return { central: m(o.crossing), median: m(o.crossingMedian) };
}

/** Returns the one-sentence verdict of an output under the current assumptions. */
export function verdictSentence(id: OutputId, o: OutputResult, lang: Lang, t: Translate, horizon: number): string {
  const p = formatProbInSentence(o.pMet, lang);
  const target = targetText(id, lang);
  const goal = goalText(id, lang);
  // The output's own deadline (2023年12月 / Dec 2023 for the 2021 plan, 2027年12月 / Dec 2027 for the upgrade plan).
  const deadline = formatMonthLong(OUTPUTS[id].deadline, lang);
  if (OUTPUTS[id].target.comparator === 'range')
    return t('verdictRange', { value: formatValue(id, o.value, lang), target, goal, p, deadline });
  // An average growth over 2021-2023 is read at the deadline only: its early months (the first year's growth alone)
  // would "meet" a target the plan's three-year average may still miss.
  if (OUTPUTS[id].kind === 'rate') return t('verdictRate', { value: formatValue(id, o.value, lang), target, goal, p });
  if (o.crossing === null)
    return t('verdictNever', { target, goal, horizon: formatMonthLong(horizon, lang), p, deadline });
  const month = formatMonthLong(o.crossing, lang);
  if (meets(OUTPUTS[id].target, o.central[0]) && o.verdict.met)
    return t('verdictAlready', { target, goal, p, deadline });
  if (o.crossing > o.start + o.deadlineIndex) return t('verdictReachesLate', { target, goal, month, p, deadline });
  if (!o.verdict.met)
    return t('verdictFalls', { target, goal, month, value: formatValue(id, o.value, lang), p, deadline });
  return t('verdictReaches', { target, goal, month, p, deadline });
}
