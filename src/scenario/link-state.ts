/**
 * The full shareable state of the app: the scenario plus the language, the view and the scenarios being compared.
 * A share link (link/), a saved item (storage.ts) and the UI all hold one of these; it is parsed here first.
 */
import { z } from 'zod/mini';
import { ALL_OUTPUT_IDS, type OutputId } from '../model/indicators';
import { PRESETS } from './presets';
import { ScenarioSchema } from './schema';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const VIEW_MODES = ['notebook', 'compare', 'present'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** The most scenarios a comparison may name. */
export const COMPARE_MAX = 3;
/** The longest name of a saved scenario (and so of an entry of `compare`). */
export const NAME_MAX = 80;

export const DEFAULT_LANG: Lang = 'zh-CN';
export const DEFAULT_VIEW_MODE: ViewMode = 'notebook';

export const NameSchema = z
  .string({ error: 'name must be text' })
  .check(
    z.minLength(1, { error: 'name must not be empty' }),
    z.maxLength(NAME_MAX, { error: `name must be at most ${NAME_MAX} characters` }),
  );

export const LinkStateSchema = z.object({
  scenario: z.prefault(ScenarioSchema, {}),
  lang: z._default(z.enum(LANGS, { error: `lang must be one of ${LANGS.join(', ')}` }), DEFAULT_LANG),
  view: z._default(
    z.object({
      mode: z._default(
        z.enum(VIEW_MODES, { error: `view mode must be one of ${VIEW_MODES.join(', ')}` }),
        DEFAULT_VIEW_MODE,
      ),
      indicator: z.optional(
        z.enum(ALL_OUTPUT_IDS as unknown as readonly [OutputId, ...OutputId[]], {
          error: 'indicator must be one of the model outputs',
        }),
      ),
    }),
    { mode: DEFAULT_VIEW_MODE },
  ),
  compare: z.optional(
    z.array(NameSchema).check(z.maxLength(COMPARE_MAX, { error: `compare may name at most ${COMPARE_MAX} scenarios` })),
  ),
});

/** The complete, validated app state a link or a saved item carries. */
export type LinkState = z.output<typeof LinkStateSchema>;
export type LinkStateInput = z.input<typeof LinkStateSchema>;

/** The state of a fresh visit: the first preset (baseline), the notebook view. */
export function defaultLinkState(lang: Lang = DEFAULT_LANG): LinkState {
  return { scenario: structuredClone(PRESETS[0].scenario), lang, view: { mode: DEFAULT_VIEW_MODE } };
}
