/** Names of the outputs per language, from the plan's targets (data/plan-targets.json). */
import { PLAN_TARGETS } from '../data/targets';
import type { OutputId } from '../model/indicators';
import type { Lang } from './format';

/** Returns an output's name in a language. */
export function outputName(id: OutputId, lang: Lang): string {
  const x = PLAN_TARGETS.indicators.find((i) => i.id === id) ?? PLAN_TARGETS.other_targets.find((i) => i.id === id);
  if (!x) return id;
  return lang === 'zh-CN' ? x.zh : x.en;
}
