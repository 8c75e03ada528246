/**
 * What a URL hash is (pure: tested in Node). The hash of the app holds a share link (`#v2.…`); the page's own
 * anchors (`#cells`, `#cell-users`, `#h-…`) are navigation, not links.
 */
import type { MessageKey } from '../../i18n';

export type HashKind = 'empty' | 'anchor' | 'link';

const ANCHOR = /^#?(?:cells|cell-[a-z0-9_]{1,40}|h-[a-z0-9_-]{1,40})$/;

/** Classifies a hash: empty, one of the page's anchors, or something to decode as a link (valid or not). */
export function classifyHash(hash: string): HashKind {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.trim() === '') return 'empty';
  if (ANCHOR.test(hash)) return 'anchor';
  return 'link';
}

/** The app's address: origin and path, no query and no hash. */
export function appUrl(loc: { origin: string; pathname: string }): string {
  return `${loc.origin}${loc.pathname}`;
}

/**
 * The one place a share URL is built: the app's address, an optional query (an embed's `?embed=1&…`; the app's own
 * link has none, since an embed's parameters are not part of the scenario) and the link's hash.
 */
export function shareUrl(loc: { origin: string; pathname: string }, hash: string, query = ''): string {
  return `${appUrl(loc)}${query}${hash === '' || hash.startsWith('#') ? hash : `#${hash}`}`;
}

/** One translated line of a notice. */
export interface NoticeLine {
  key: MessageKey;
  params?: Record<string, string | number>;
}
