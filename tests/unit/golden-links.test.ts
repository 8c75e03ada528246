/**
 * Golden share links (tests/unit/golden-links.json): links made by every link format, frozen when made, must keep
 * decoding to the same state with the same warnings. v1 entries are relative to a preset (`base`) plus the fields
 * they set; v0 entries carry their whole expected state. Never regenerate the file: add entries for new formats.
 */
import { describe, expect, it } from 'vitest';
import golden from './golden-links.json';
import { decodeLink } from '../../src/scenario/codec';
import { defaultLinkState } from '../../src/scenario/link-state';
import { presetById } from '../../src/scenario/presets';
import { DATA_VERSION, MODEL_VERSION } from '../../src/model/version';
import { UPGRADE_PARAM_IDS } from '../../src/model/registry-2027';
import { defaultScenario } from '../../src/scenario/schema';

interface Golden {
  name: string;
  codec: number;
  link: string;
  base?: string;
  set?: Record<string, unknown>;
  state?: unknown;
  warnings: string[];
  madeWith?: { mv: string; dv: string };
}

const LINKS = golden.links as Golden[];
const VERSION_WARNING = /^The link was made with (model version|the reference data)/;

function setPath(o: Record<string, unknown>, path: string, v: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((a, k) => a[k] as Record<string, unknown>, o);
  parent[last] = structuredClone(v);
}

/**
 * A v0 entry's frozen state, with the registry defaults of the parameters added to the model since it was frozen (the
 * upgrade plan's, which a link made before them cannot set): every frozen field must still decode as it was.
 */
function withLaterParams(state: unknown): unknown {
  const s = structuredClone(state) as { scenario: { params: Record<string, unknown> } };
  const defaults = defaultScenario().params as Record<string, unknown>;
  for (const id of UPGRADE_PARAM_IDS) if (!(id in s.scenario.params)) s.scenario.params[id] = defaults[id];
  return s;
}

function expected(g: Golden): unknown {
  if (g.state) return withLaterParams(g.state);
  const preset = presetById(g.base!);
  expect(preset, `preset ${g.base}`).toBeDefined();
  const state = { ...defaultLinkState(), scenario: structuredClone(preset!.scenario) } as unknown as Record<string, unknown>;
  for (const [path, v] of Object.entries(g.set ?? {})) setPath(state, path, v);
  return state;
}

describe('golden links', () => {
  it('cover every link format with at least four links each', () => {
    for (const codec of [0, 1]) expect(LINKS.filter((g) => g.codec === codec).length).toBeGreaterThanOrEqual(4);
  });

  for (const g of LINKS) {
    it(g.name, () => {
      const r = decodeLink(g.link);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      expect(r.state).toEqual(expected(g));
      for (const w of g.warnings) expect(r.warnings.some((x) => x.includes(w)), `warning "${w}" in ${JSON.stringify(r.warnings)}`).toBe(true);
      const unexpected = r.warnings.filter((x) => !g.warnings.some((w) => x.includes(w)) && !VERSION_WARNING.test(x));
      expect(unexpected).toEqual([]);
      if (g.madeWith) {
        expect(r.warnings.some((x) => x.startsWith('The link was made with model version'))).toBe(g.madeWith.mv !== MODEL_VERSION);
        expect(r.warnings.some((x) => x.startsWith('The link was made with the reference data'))).toBe(g.madeWith.dv !== DATA_VERSION);
      }
    });
  }
});
