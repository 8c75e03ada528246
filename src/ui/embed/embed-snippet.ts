/** The iframe snippet that embeds the app (pure: tested in Node). */
import type { EmbedParams, EmbedView } from './embed-params';
import { shareUrl } from '../share/link-hash';

/** Default heights (CSS px) of each view: the snippet's fixed height, right without any script on the host. */
export const EMBED_HEIGHTS: Record<EmbedView, number> = { scorecard: 720, chart: 520, card: 260 };
export const EMBED_CONTROLS_EXTRA = 360;

/** The query string of an embed. */
export function embedQuery(p: EmbedParams): string {
  const q = new URLSearchParams({ embed: '1', view: p.view });
  if (p.view !== 'scorecard') q.set('indicator', p.indicator);
  q.set('controls', p.controls ? '1' : '0');
  if (p.lang) q.set('lang', p.lang);
  if (p.theme) q.set('theme', p.theme);
  return `?${q.toString()}`;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The default height of an embed of these parameters. */
export function embedHeight(p: Pick<EmbedParams, 'view' | 'controls'>): number {
  return EMBED_HEIGHTS[p.view] + (p.controls ? EMBED_CONTROLS_EXTRA : 0);
}

/**
 * The HTML of an iframe embedding the app: a fixed height that fits the view (so it works with no script on the
 * host), lazy loading, no border, and a title for assistive technology.
 */
export function embedSnippet(o: { loc: { origin: string; pathname: string }; hash: string; params: EmbedParams; height?: number; title: string }): string {
  const src = shareUrl(o.loc, o.hash, embedQuery(o.params));
  const height = Math.round(o.height ?? embedHeight(o.params));
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(o.title)}" width="100%" height="${height}" ` +
    `style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>`
  );
}
