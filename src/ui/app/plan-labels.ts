/**
 * What the interface says differently under each plan: the names, official wording and verification flags of the
 * upgrade plan's targets (data/targets-2027.json), the headings that name the deadline, and the plan's notes.
 * Pure: tested in Node.
 */
import { target2027, TARGETS_2027, verificationOf } from '../../data/targets-2027';
import { target2027Id, type OutputId, type PlanId } from '../../model';
import { fullWidthZh, type Lang, type MessageKey } from '../../i18n';

/** Returns an upgrade-plan output's name, or undefined for a 2021 output (the names live in src/i18n/names.ts). */
export { upgradeName } from '../../i18n/names';

/** Returns an upgrade-plan output's official wording (Chinese) or its English source's, or undefined. */
export function upgradeDefinition(id: OutputId, lang: Lang): string | undefined {
  const tid = target2027Id(id);
  if (!tid) return undefined;
  const t = target2027(tid);
  return lang === 'zh-CN'
    ? `《升级方案》：“${fullWidthZh(t.zh)}”。`
    : `The upgrade plan: "${t.quote}" (${t.source_url ?? 'source without a URL'}).`;
}

/** Returns the data file's caveat on an upgrade-plan target that is not verified, or undefined when it is. */
export function unverifiedNote(id: OutputId): string | undefined {
  const tid = target2027Id(id);
  if (!tid) return undefined;
  const t = target2027(tid);
  if (verificationOf(t) === 'verified' && !t.definition_note && !t.conflict_note) return undefined;
  return [t.verification, t.definition_note, t.conflict_note, `confidence: ${t.confidence}`].filter(Boolean).join(' ');
}

/** The qualitative targets of the upgrade plan (listed in its notes, not forecast). */
export function qualitativeTargets(): { zh: string; confidence: string }[] {
  return TARGETS_2027.targets
    .filter((t) => t.comparator === 'qualitative')
    .map((t) => ({ zh: t.zh, confidence: t.confidence }));
}

type Planned = 'value2023' | 'deadlineLabel' | 'scorecardCaption' | 'programme' | 'appSubtitle';
const UPGRADE_KEY: Record<Planned, MessageKey> = {
  appSubtitle: 'appSubtitle2027',
  value2023: 'value2027',
  deadlineLabel: 'deadlineLabel2027',
  scorecardCaption: 'scorecardCaption2027',
  programme: 'furtherTargets',
};

/** Returns the message key of a heading that names the deadline (or the second group of targets) under a plan. */
export function planKey(key: Planned, plan: PlanId): MessageKey {
  return plan === 'upgrade-2024' ? UPGRADE_KEY[key] : key;
}
