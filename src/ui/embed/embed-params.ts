/**
 * Embed mode: the same app chosen by query parameters (pure: tested in Node; the snippet is in embed-snippet.ts).
 *
 *   ?embed=1&view=scorecard|chart|card&indicator=<output id>&controls=0|1&lang=zh-CN|en&theme=light|dark&plan=<plan id>
 *
 * `plan` opens that plan (its baseline, or the hash's scenario switched to it) where the hash's scenario names another;
 * an indicator of another plan than the one shown falls back to that plan's first.
 * The hash carries the scenario, as in the full app. Unknown or invalid values fall back to the defaults.
 */
import { ALL_OUTPUT_IDS, type OutputId } from '../../model/indicators';
import { PLAN_IDS, type PlanId } from '../../model/plans';
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
  plan?: PlanId;
}

/** The embed parameters of a query string, or null when the page is not an embed. */
export function parseEmbedParams(search: string): EmbedParams | null {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return null;
  const view = q.get('view');
  const indicator = q.get('indicator');
  const lang = q.get('lang');
  const theme = q.get('theme');
  const plan = q.get('plan');
  return {
    view: (EMBED_VIEWS as readonly string[]).includes(view ?? '') ? (view as EmbedView) : 'scorecard',
    indicator: (ALL_OUTPUT_IDS as readonly string[]).includes(indicator ?? '')
      ? (indicator as OutputId)
      : 'user_penetration',
    controls: q.get('controls') === '1',
    ...(lang === 'zh-CN' || lang === 'en' ? { lang } : {}),
    ...(theme === 'light' || theme === 'dark' ? { theme } : {}),
    ...((PLAN_IDS as readonly string[]).includes(plan ?? '') ? { plan: plan as PlanId } : {}),
  };
}
