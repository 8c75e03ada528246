/**
 * Golden share links (tests/unit/golden-links.json): links made by every link format, frozen when made, must keep
 * decoding to the same state with the same warnings. v1 and v2 entries are relative to a preset (`base`) plus the
 * fields they set; v0 entries carry their whole expected state. Never regenerate the file: add entries for new
 * formats. Warnings are typed codes (`warningCodes`); `warnings` keeps the English substrings of the releases that
 * wrote warnings as prose, checked here against the English rendering of the codes.
 */
import { describe, expect, it } from 'vitest';
import golden from '../golden-links.json';
import { decodeLink, warningMessage, type LinkWarning } from '../../../src/scenario/link';
import { defaultLinkState } from '../../../src/scenario/link-state';
import { presetById } from '../../../src/scenario/presets';
import { DATA_VERSION, MODEL_VERSION } from '../../../src/model/version';
import { UPGRADE_PARAM_IDS } from '../../../src/model/registry-2027';
import { defaultScenario } from '../../../src/scenario/schema';
import { translator } from '../../../src/i18n';

interface Golden {
  name: string;
  codec: number;
  link: string;
  base?: string;
  set?: Record<string, unknown>;
  state?: unknown;
  warnings: string[];
  warningCodes: LinkWarning[];
  madeWith?: { mv: string; dv: string };
}

const LINKS = golden.links as Golden[];
const isVersionWarning = (w: LinkWarning) => w.code === 'old-model' || w.code === 'old-data';

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
  const state = { ...defaultLinkState(), scenario: structuredClone(preset!.scenario) } as unknown as Record<
    string,
    unknown
  >;
  for (const [path, v] of Object.entries(g.set ?? {})) setPath(state, path, v);
  return state;
}

/** The English a warning is shown with, plus its details (renamed fields), for the prose substrings of old entries. */
function english(w: LinkWarning): string {
  const t = translator('en');
  const m = warningMessage(w, { mv: MODEL_VERSION, dv: DATA_VERSION });
  return `${t(m.key, m.params)} ${w.code === 'migrated' ? w.renamed.join(', ') : ''}`;
}
const PROSE: Record<string, RegExp> = {
  'predates model and data version stamps': /does not say which model and data it was made with/,
};

describe('golden links', () => {
  it('cover every link format with at least four links each', () => {
    for (const codec of [0, 1, 2]) expect(LINKS.filter((g) => g.codec === codec).length).toBeGreaterThanOrEqual(4);
  });

  for (const g of LINKS) {
    it(g.name, () => {
      const r = decodeLink(g.link);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      expect(r.state).toEqual(expected(g));
      expect(r.warnings.filter((w) => !isVersionWarning(w))).toEqual(g.warningCodes);
      expect(r.warnings.some((w) => w.code === 'unverified')).toBe(g.codec < 2);
      const text = r.warnings.map(english).join(' ');
      for (const w of g.warnings) expect(text).toMatch(PROSE[w] ?? w);
      if (g.madeWith) {
        expect(r.warnings.some((w) => w.code === 'old-model' && w.made === g.madeWith!.mv)).toBe(
          g.madeWith.mv !== MODEL_VERSION,
        );
        expect(r.warnings.some((w) => w.code === 'old-data' && w.made === g.madeWith!.dv)).toBe(
          g.madeWith.dv !== DATA_VERSION,
        );
      }
    });
  }
});
