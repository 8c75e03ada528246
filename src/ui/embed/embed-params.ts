/**
 * Embed mode: the same app chosen by query parameters (pure: tested in Node; the snippet is in embed-snippet.ts).
 *
 *   ?embed=1&view=scorecard|chart|card&indicator=<output id>&controls=0|1&lang=zh-CN|en&theme=light|dark
 *
 * The hash carries the scenario, as in the full app. Unknown or invalid values fall back to the defaults.
 */
import { OUTPUT_IDS, type OutputId } from '../../model/indicators';
import type { Lang } from '../../i18n';

export const EMBED_VIEWS = ['scorecard', 'chart', 'card'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];
export type EmbedTheme = 'light' | 'dark';

export interface EmbedParams {
  view: EmbedView;
  indicator: OutputId;
  controls: boolean;
  lang?: Lang;
  theme?: EmbedTheme;
}

/** The embed parameters of a query string, or null when the page is not an embed. */
export function parseEmbedParams(search: string): EmbedParams | null {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return null;
  const view = q.get('view');
  const indicator = q.get('indicator');
  const lang = q.get('lang');
  const theme = q.get('theme');
  return {
    view: (EMBED_VIEWS as readonly string[]).includes(view ?? '') ? (view as EmbedView) : 'scorecard',
    indicator: (OUTPUT_IDS as readonly string[]).includes(indicator ?? '') ? (indicator as OutputId) : 'user_penetration',
    controls: q.get('controls') === '1',
    ...(lang === 'zh-CN' || lang === 'en' ? { lang } : {}),
    ...(theme === 'light' || theme === 'dark' ? { theme } : {}),
  };
}
