/**
 * Strict reading of scenario files: every key at every level must be known, and an unknown one is named with the
 * known key it most likely meant (`params.bassq: unknown parameter; did you mean bassQ?`). Keys of older versions
 * are migrated (as v0 links are) and reported; the preset a file names is its base (the file's fields apply on top
 * of it), and a file that names none starts from the registry defaults.
 */
import { closestMatch } from 'leven';
import { PARAM_IDS } from '../model/registry';
import { OLD_SCENARIO_KEYS } from './link/readers';
import { ALL_PRESETS, REGISTRY_DEFAULTS, presetById } from './presets';

/** Every shipped preset's id, of either plan. */
const PRESET_IDS = ALL_PRESETS.map((p) => p.id);
import { isPlainObject, printable } from './safe-json';
import { ScenarioSchema } from './schema';

const SCENARIO_KEYS = Object.keys(ScenarioSchema.def.shape);
const DIST_FIELDS: Record<string, readonly string[]> = {
  fixed: [],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['median', 'sigma'],
};
const ALL_DIST_FIELDS = [...new Set(Object.values(DIST_FIELDS).flat())];

/** The known key `key` most likely stands for: same letters in another case, or within a small edit distance. */
export function suggest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  const maxDistance = Math.max(1, Math.min(3, Math.ceil(key.length / 3)));
  const hit = closestMatch(
    lower,
    known.map((k) => k.toLowerCase()),
    { maxDistance },
  );
  return hit === undefined ? undefined : known.find((k) => k.toLowerCase() === hit);
}

function unknownKey(path: string, key: string, known: readonly string[], what = 'unknown field'): string {
  const s = suggest(key, known);
  return `${path ? path + '.' : ''}${printable(key, 40)}: ${what}${s ? `; did you mean ${s}?` : ''}`;
}

/**
 * Names every unknown key of a scenario document (an object), level by level. `topLevel` lists the keys allowed at
 * the top besides the scenario's own (a file's identifying fields, a preset file's name and rationale).
 */
export function unknownKeys(doc: Record<string, unknown>, topLevel: readonly string[] = []): string[] {
  const out: string[] = [];
  const top = [...SCENARIO_KEYS, ...topLevel];
  for (const k of Object.keys(doc)) if (!top.includes(k)) out.push(unknownKey('', k, top));
  for (const k of ['name', 'rationale'])
    if (topLevel.includes(k) && isPlainObject(doc[k]))
      for (const l of Object.keys(doc[k] as object))
        if (l !== 'zh' && l !== 'en') out.push(unknownKey(k, l, ['zh', 'en']));
  if (isPlainObject(doc.families))
    for (const k of Object.keys(doc.families))
      if (k !== 'users' && k !== 'traffic') out.push(unknownKey('families', k, ['users', 'traffic']));
  if (isPlainObject(doc.params)) {
    for (const [id, setting] of Object.entries(doc.params)) {
      if (!(PARAM_IDS as readonly string[]).includes(id)) {
        out.push(unknownKey('params', id, PARAM_IDS, 'unknown parameter'));
        continue;
      }
      if (!isPlainObject(setting)) continue;
      for (const k of Object.keys(setting))
        if (k !== 'value' && k !== 'dist') out.push(unknownKey(`params.${id}`, k, ['value', 'dist']));
      const dist = setting.dist;
      if (!isPlainObject(dist)) continue;
      const fields = typeof dist.kind === 'string' && DIST_FIELDS[dist.kind] ? DIST_FIELDS[dist.kind] : ALL_DIST_FIELDS;
      for (const k of Object.keys(dist))
        if (k !== 'kind' && !fields.includes(k))
          out.push(
            unknownKey(
              `params.${id}.dist`,
              k,
              fields,
              typeof dist.kind === 'string' && DIST_FIELDS[dist.kind]
                ? `not a field of a ${dist.kind} distribution`
                : 'unknown field',
            ),
          );
    }
  }
  return out;
}

/** Renames the scenario keys of older versions (`as_of` → `asOf`, `sampleCount` → `samples`); says what it did. */
export function migrateOldKeys(doc: Record<string, unknown>): { doc: Record<string, unknown>; renamed: string[] } {
  const out: Record<string, unknown> = { ...doc };
  const renamed: string[] = [];
  for (const [from, to] of OLD_SCENARIO_KEYS) {
    if (!Object.hasOwn(out, from)) continue;
    if (!Object.hasOwn(out, to)) out[to] = out[from];
    delete out[from];
    renamed.push(`${from} → ${to}`);
  }
  return { doc: out, renamed };
}

/** What a scenario file's numbers start from. */
export type ScenarioBasis = { kind: 'preset'; id: string } | { kind: 'registry-defaults' };

/**
 * The raw scenario a file stands for: the named preset with the file's fields on top (a parameter given with only
 * its value keeps the preset's uncertainty), or, without a preset, the file as it is (the schema fills the registry
 * defaults) under the preset id REGISTRY_DEFAULTS. An unknown preset id is an error.
 */
export function onBasis(
  doc: Record<string, unknown>,
): { raw: Record<string, unknown>; basis: ScenarioBasis } | { error: string } {
  const id = doc.preset;
  if (id === undefined || id === REGISTRY_DEFAULTS)
    return { raw: { ...doc, preset: REGISTRY_DEFAULTS }, basis: { kind: 'registry-defaults' } };
  if (typeof id !== 'string') return { error: 'preset: must be the id of a preset (text)' };
  const preset = presetById(id);
  if (!preset) {
    const s = suggest(id, PRESET_IDS);
    return {
      error: `preset: unknown preset "${printable(id, 40)}"${s ? `; did you mean ${s}?` : ''} (known: ${PRESET_IDS.join(', ')}; leave it out for the registry defaults)`,
    };
  }
  const b = preset.scenario;
  const raw: Record<string, unknown> = { ...b, ...doc };
  if (doc.families === undefined || isPlainObject(doc.families))
    raw.families = { ...b.families, ...(doc.families as object | undefined) };
  if (doc.params === undefined || isPlainObject(doc.params)) {
    const params: Record<string, unknown> = { ...b.params };
    for (const [pid, setting] of Object.entries((doc.params as Record<string, unknown> | undefined) ?? {})) {
      const base = (b.params as Record<string, unknown>)[pid];
      params[pid] = isPlainObject(setting) && isPlainObject(base) ? { ...base, ...setting } : setting;
    }
    raw.params = params;
  }
  return { raw, basis: { kind: 'preset', id } };
}
