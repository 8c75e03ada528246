/** Names, definitions, targets and verdict sentences of outputs, per language (pure: tested in Node). */
import { PLAN_TARGETS } from '../../data/targets';
import { OUTPUTS, type OutputId, type OutputResult } from '../../model';
import { formatMonthLong, formatProb, formatValue, type Lang, type Translate } from '../../i18n';
import { upgradeDefinition, upgradeName } from '../app/plan-labels';

/** Returns an output's name in a language. */
export function outputName(id: OutputId, lang: Lang): string {
  const up = upgradeName(id, lang);
  if (up) return up;
  const x = PLAN_TARGETS.indicators.find((i) => i.id === id) ?? PLAN_TARGETS.other_targets.find((i) => i.id === id);
  if (!x) return id;
  return lang === 'zh-CN' ? x.zh : x.en;
}

/** Returns an output's official definition (the plan's annex), or undefined for programme targets. */
export function outputDefinition(id: OutputId, lang: Lang): string | undefined {
  const up = upgradeDefinition(id, lang);
  if (up) return up;
  const x = PLAN_TARGETS.indicators.find((i) => i.id === id);
  if (!x) return undefined;
  return lang === 'zh-CN' ? x.definition_zh : x.definition_en;
}

/** Returns the target as text: "> 40 %", "≥ 100", "10–20". */
export function targetText(id: OutputId, lang: Lang): string {
  const t = OUTPUTS[id].target;
  if (t.comparator === 'range') return `${formatValue(id, t.lo, lang)}–${formatValue(id, t.hi, lang)}`;
  return `${t.comparator === '>' ? '>' : '≥'} ${formatValue(id, t.value, lang)}`;
}

/** Returns the one-sentence verdict of an output under the current assumptions. */
export function verdictSentence(id: OutputId, o: OutputResult, lang: Lang, t: Translate, horizon: number): string {
  const p = formatProb(o.pMet, lang);
  const target = targetText(id, lang);
  if (OUTPUTS[id].target.comparator === 'range') return t('verdictRange', { value: formatValue(id, o.value, lang), target, p });
  // An average growth over 2021-2023 is read at the deadline only: its early months (the first year's growth alone)
  // would "meet" a target the plan's three-year average may still miss.
  if (OUTPUTS[id].kind === 'rate') return t('verdictRate', { value: formatValue(id, o.value, lang), target, p });
  if (o.crossing === null) return t('verdictNever', { target, horizon: formatMonthLong(horizon, lang), p });
  const month = formatMonthLong(o.crossing, lang);
  if (o.crossing === o.start && o.verdict.met) return t('verdictAlready', { target, p });
  if (o.crossing > o.start + o.deadlineIndex) return t('verdictReachesLate', { target, month, p });
  if (!o.verdict.met) return t('verdictFalls', { target, month, value: formatValue(id, o.value, lang), p });
  return t('verdictReaches', { target, month, p });
}
