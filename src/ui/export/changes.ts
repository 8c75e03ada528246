/**
 * The assumptions of a scenario that differ from its preset, as short "label: old → new" lines in the page's
 * language (pure: tested in Node). Every stamp (PNG, SVG, PPTX, print) lists them, so a picture says what it assumes.
 */
import { PARAM_IDS, PARAMS, type OutputId, type ParamId } from '../../model';
import { pick, type Lang, type Translate } from '../../i18n';
import { ScenarioSchema, type Scenario } from '../../scenario/schema';
import { REGISTRY_DEFAULTS, presetById } from '../../scenario/presets';
import { outputName } from '../lib/labels';
import { withUnit } from '../../i18n/analysis-text';

/** What a scenario is compared with: its preset's scenario, or the registry defaults (a file that names no preset). */
export function basisScenario(presetId: string): Scenario {
  return presetById(presetId)?.scenario ?? ScenarioSchema.parse({ preset: REGISTRY_DEFAULTS });
}

export interface AssumptionChange {
  /** The parameter, or the scenario field, changed. */
  key: ParamId | 'asOf' | 'horizon' | 'users' | 'traffic';
  label: string;
  from: string;
  to: string;
}

type Dist = Scenario['params'][ParamId]['dist'];

function distText(id: ParamId, d: Dist, lang: Lang, t: Translate): string {
  const v = (x: number) => withUnit(id, x, lang);
  switch (d.kind) {
    case 'fixed':
      return t('dist_fixed');
    case 'uniform':
      return `${t('dist_uniform')} ${v(d.min)}–${v(d.max)}`;
    case 'triangular':
      return `${t('dist_triangular')} ${v(d.min)}/${v(d.mode)}/${v(d.max)}`;
    case 'normal':
      return `${t('dist_normal')} ${v(d.mean)} ± ${v(d.sd)}`;
    case 'lognormal':
      return `${t('dist_lognormal')} ${v(d.median)}, σ ${d.sigma}`;
    default:
      return d satisfies never;
  }
}

const sameDist = (a: Dist, b: Dist) => JSON.stringify(a) === JSON.stringify(b);

const withGroup = (label: string, group: string, lang: Lang) =>
  lang === 'zh-CN' ? `${label}（${group}）` : `${label} (${group})`;

/** A parameter's label, with its indicator's name (outside its cell a label alone can be ambiguous). */
function paramLabel(id: ParamId, lang: Lang): string {
  const p = PARAMS[id];
  const label = pick(p.label, lang);
  return p.group === 'context' ? label : withGroup(label, outputName(p.group, lang), lang);
}

/** Lists what differs between a scenario and its preset: growth models, dates, then every parameter in registry order. */
export function changedAssumptions(s: Scenario, preset: Scenario, lang: Lang, t: Translate): AssumptionChange[] {
  const out: AssumptionChange[] = [];
  const fam = (kind: 'users' | 'traffic', f: string) =>
    t(f === 'logistic' && kind === 'traffic' ? 'family_trafficLogistic' : (`family_${f}` as 'family_bass'));
  for (const kind of ['users', 'traffic'] as const) {
    if (s.families[kind] !== preset.families[kind])
      out.push({
        key: kind,
        label: withGroup(t('changeFamily'), outputName(kind === 'users' ? 'users' : 'traffic_share', lang), lang),
        from: fam(kind, preset.families[kind]),
        to: fam(kind, s.families[kind]),
      });
  }
  if (s.asOf !== preset.asOf) out.push({ key: 'asOf', label: t('asOf'), from: preset.asOf, to: s.asOf });
  if (s.horizon !== preset.horizon)
    out.push({ key: 'horizon', label: t('horizon'), from: preset.horizon, to: s.horizon });
  for (const id of PARAM_IDS) {
    const a = preset.params[id];
    const b = s.params[id];
    if (a.value !== b.value)
      out.push({
        key: id,
        label: paramLabel(id, lang),
        from: withUnit(id, a.value, lang),
        to: withUnit(id, b.value, lang),
      });
    if (!sameDist(a.dist, b.dist))
      out.push({
        key: id,
        label: `${paramLabel(id, lang)}${lang === 'zh-CN' ? '·' : ' · '}${t('changeUncertainty')}`,
        from: distText(id, a.dist, lang, t),
        to: distText(id, b.dist, lang, t),
      });
  }
  return out;
}

/** One change as a line: "label：old → new" (full-width colon in Chinese). */
export function changeLine(c: AssumptionChange, lang: Lang): string {
  return `${c.label}${lang === 'zh-CN' ? '：' : ': '}${c.from} → ${c.to}`;
}

/** All changes as one sentence for a stamp, or the "none" text naming the preset. */
export function changesText(
  changes: readonly AssumptionChange[],
  lang: Lang,
  t: Translate,
  presetName: string,
): string {
  const head = `${t('changedAssumptions')}${lang === 'zh-CN' ? '：' : ': '}`;
  if (!changes.length) return head + t('noChanges', { name: presetName });
  return head + changes.map((c) => changeLine(c, lang)).join(lang === 'zh-CN' ? '；' : '; ');
}

/**
 * The changes that bear on one output: its cell's parameters (users' for the penetration, which is users ÷
 * population) and its growth model. Context and date changes apply to every output and are listed once.
 */
export function changesFor(
  id: OutputId,
  changes: readonly AssumptionChange[],
  cellParamIds: readonly ParamId[],
): AssumptionChange[] {
  const own = new Set<string>(cellParamIds);
  if (id === 'user_penetration') for (const p of PARAM_IDS) if (PARAMS[p].group === 'users') own.add(p);
  if (id === 'users' || id === 'user_penetration') own.add('users');
  if (id === 'traffic_share') own.add('traffic');
  return changes.filter((c) => own.has(c.key));
}
