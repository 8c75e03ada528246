/**
 * Switching plans (pure: tested in Node). The other plan's baseline preset gives the dates, targets and the
 * assumptions only that plan reads; the assumptions both plans read are kept where the user changed them from the
 * preset they started from (an untouched one takes the new plan's preset value, fitted to that plan's data).
 */
import { presetsOf, type Preset } from '../../scenario/presets';
import type { Scenario } from '../../scenario/schema';
import { sharedParams, type ParamId, type PlanId } from '../../model';

/** Returns the scenario under `plan` and the shared assumptions kept from `from`. */
export function switchedScenario(
  from: Scenario,
  fromPreset: Preset,
  plan: PlanId,
): { scenario: Scenario; kept: ParamId[] } {
  const target = presetsOf(plan)[0];
  const next = structuredClone(target.scenario);
  const kept: ParamId[] = [];
  for (const id of sharedParams()) {
    if (JSON.stringify(from.params[id]) === JSON.stringify(fromPreset.scenario.params[id])) continue;
    next.params[id] = structuredClone(from.params[id]);
    kept.push(id);
  }
  // The seed and sample count follow the same rule: kept where changed from the preset.
  if (from.seed !== fromPreset.scenario.seed) next.seed = from.seed;
  if (from.samples !== fromPreset.scenario.samples) next.samples = from.samples;
  next.title = from.title;
  next.notes = from.notes;
  if (from.families.users !== fromPreset.scenario.families.users) next.families.users = from.families.users;
  if (from.families.traffic !== fromPreset.scenario.families.traffic) next.families.traffic = from.families.traffic;
  return { scenario: next, kept };
}
