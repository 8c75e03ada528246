/** The iframe snippet that embeds the app (pure: tested in Node). */
import type { EmbedParams, EmbedView } from './embed-params';
import { shareUrl } from '../share/link-hash';

/**
 * Heights (CSS px) of each view by language, measured in Chromium at 960 px wide (tests/e2e/embed-fit.test.ts checks
 * the content fits at 960 and 1200 px with no script on the host, and leaves no large empty band).
 */
export const EMBED_HEIGHTS: Record<EmbedView, { 'zh-CN': number; en: number }> = {
  scorecard: { 'zh-CN': 1150, en: 1460 },
  chart: { 'zh-CN': 470, en: 490 },
  card: { 'zh-CN': 222, en: 222 },
};
/** Controls add a preset row (scorecard), or a column of assumptions beside the chart: sized by the script below. */
export const EMBED_CONTROLS_EXTRA: Record<EmbedView, number> = { scorecard: 62, chart: 160, card: 330 };

/** The query string of an embed. */
export function embedQuery(p: EmbedParams): string {
  const q = new URLSearchParams({ embed: '1', view: p.view });
  if (p.view !== 'scorecard') q.set('indicator', p.indicator);
  q.set('controls', p.controls ? '1' : '0');
  if (p.lang) q.set('lang', p.lang);
  if (p.theme) q.set('theme', p.theme);
  return `?${q.toString()}`;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The default height of an embed of these parameters. */
export function embedHeight(p: Pick<EmbedParams, 'view' | 'controls' | 'lang'>): number {
  return EMBED_HEIGHTS[p.view][p.lang ?? 'en'] + (p.controls ? EMBED_CONTROLS_EXTRA[p.view] : 0);
}

/** Whether the snippet carries the resize listener: a view with controls changes height as they are used. */
export const needsResizer = (p: Pick<EmbedParams, 'view' | 'controls'>) => p.controls && p.view !== 'scorecard';

/**
 * The tiny resize listener a snippet with controls includes: it sets the height of the iframe that posted a
 * `yangfan:height` message, accepting messages from the app's origin only.
 */
export function resizeScript(origin: string): string {
  return (
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||e.data.type!=="yangfan:height")return;` +
    `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(e.data.height)+"px"})})</script>`
  );
}

/**
 * The HTML of an iframe embedding the app: a fixed height that fits the view (so it works with no script on the
 * host), lazy loading, no border, and a title for assistive technology. A chart or card with controls also gets the
 * resize listener, since its height changes as the controls are used (the Embed dialog says so).
 */
export function embedSnippet(o: {
  loc: { origin: string; pathname: string };
  hash: string;
  params: EmbedParams;
  height?: number;
  title: string;
}): string {
  const src = shareUrl(o.loc, o.hash, embedQuery(o.params));
  const height = Math.round(o.height ?? embedHeight(o.params));
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(o.title)}" width="100%" height="${height}" ` +
    `style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>` +
    (needsResizer(o.params) ? resizeScript(o.loc.origin) : '')
  );
}
