/**
 * The presets shipped in scenarios/: each a scenario file with a name and a one-paragraph rationale in both
 * languages. They are validated on load; tests/unit/scenario/presets.test.ts runs every one.
 */
import { z } from 'zod/mini';
import baseline from '../../scenarios/baseline.json';
import planAmbition from '../../scenarios/plan-ambition.json';
import cautious from '../../scenarios/cautious.json';
import vintage2022 from '../../scenarios/vintage-2022.json';
import latest from '../../scenarios/latest.json';
import upgradeBaseline from '../../scenarios/upgrade-baseline.json';
import upgradeFaster from '../../scenarios/upgrade-faster.json';
import upgradeSlower from '../../scenarios/upgrade-slower.json';
import type { PlanId } from '../model/plans';
import { ScenarioSchema, formatIssues, planOf, type Scenario } from './schema';

const Text = z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });

export const PresetMetaSchema = z.object({ name: Text, rationale: Text });

export interface Preset {
  readonly id: string;
  readonly name: { zh: string; en: string };
  readonly rationale: { zh: string; en: string };
  readonly scenario: Scenario;
}

/** Parses a preset file: its scenario and its bilingual name and rationale. Throws with the bad fields named. */
export function parsePreset(raw: unknown): Preset {
  const meta = PresetMetaSchema.safeParse(raw);
  const scn = ScenarioSchema.safeParse(raw);
  const errors = [
    ...(meta.success ? [] : formatIssues(meta.error.issues)),
    ...(scn.success ? [] : formatIssues(scn.error.issues)),
  ];
  if (!meta.success || !scn.success) throw new Error(`invalid preset: ${errors.join('; ')}`);
  return { id: scn.data.preset, name: meta.data.name, rationale: meta.data.rationale, scenario: scn.data };
}

/**
 * The 2021 plan's presets, baseline first (what every existing link and golden file was made against); the vintage
 * presets (end 2022, latest data) last.
 */
export const PRESETS: readonly Preset[] = [baseline, planAmbition, cautious, vintage2022, latest].map(parsePreset);

/** The upgrade plan's presets ("plan": "upgrade-2024"), its latest-data baseline first. */
export const UPGRADE_PRESETS: readonly Preset[] = [upgradeBaseline, upgradeFaster, upgradeSlower].map(parsePreset);

/** Every shipped preset: the 2021 plan's, then the upgrade plan's. */
export const ALL_PRESETS: readonly Preset[] = [...PRESETS, ...UPGRADE_PRESETS];

export const PRESET_IDS = PRESETS.map((p) => p.id);

/**
 * The preset id of a scenario that starts from no preset but from the registry defaults (a scenario file that names
 * no preset): it is never shown as a preset's name (see basisName).
 */
export const REGISTRY_DEFAULTS = 'registry-defaults';

/** The name of what a scenario starts from: its preset's name, or "registry defaults" / 注册表默认值. */
export function basisName(presetId: string, lang: 'zh' | 'en'): string {
  const p = presetById(presetId);
  if (p) return p.name[lang];
  return presetId === REGISTRY_DEFAULTS ? (lang === 'zh' ? '注册表默认值' : 'registry defaults') : presetId;
}

/** Returns a preset by id (of either plan), or undefined. */
export function presetById(id: string): Preset | undefined {
  return ALL_PRESETS.find((p) => p.id === id);
}

/** Returns a plan's presets, its baseline first. */
export function presetsOf(plan: PlanId): readonly Preset[] {
  return ALL_PRESETS.filter((p) => planOf(p.scenario) === plan);
}
