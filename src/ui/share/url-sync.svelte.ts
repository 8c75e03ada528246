/**
 * The share link in the address bar. On start the hash is decoded (the codec is loaded lazily, in parallel with
 * the first paint): a good link opens its state, with its warnings shown (an older link format migrated, another
 * model or data version); a bad one is reported with its error code and the last good link of this browser (kept
 * in sessionStorage and localStorage, decoded and validated again before use) or the default opens instead. Then
 * every change of the shareable state rewrites the hash, debounced (history.replaceState: no history entries), and
 * a hash changed by hand (hashchange) is opened the same way. The page's own anchors (#cells, #cell-…) are left to
 * the browser and the link put back. While the state is too long for a link (long notes) the address keeps the last
 * link that fits and the state is kept as a draft in sessionStorage, restored (validated) after a reload of the tab.
 */
import { z } from 'zod/mini';
import type { LinkState } from '../../scenario/link-state';
import { DATA_VERSION, MODEL_VERSION } from '../../model';
import { classifyHash, shareUrl } from './link-hash';
import { createDebouncer } from '../lib/debounce';
import type { AppState } from '../app/app.svelte';
import type { Notices } from '../app/notices.svelte';
import { DRAFT_KEY, LAST_GOOD_KEY, URL_DEBOUNCE_MS } from './url-sync.constants';

export { DRAFT_KEY, LAST_GOOD_KEY, URL_DEBOUNCE_MS };

function session(): Storage | null {
  try {
    return sessionStorage ?? null;
  } catch {
    return null;
  }
}

export type Codec = typeof import('./link-codec');
let codecPromise: Promise<Codec> | undefined;
/** The share-link codec (fflate and its dictionary) and its notices, loaded on first use. */
export const loadCodec = (): Promise<Codec> => (codecPromise ??= import('./link-codec'));

export interface UrlSyncOptions {
  /** Write the hash and remember the last good link (the full app); an embed only reads. */
  write: boolean;
  /** Keep the app's language when opening a link (an embed whose language is set by its query). */
  keepLang?: boolean;
}

function storages(): Storage[] {
  const out: Storage[] = [];
  for (const get of [() => sessionStorage, () => localStorage]) {
    try {
      const s = get();
      if (s) out.push(s);
    } catch {
      // Storage blocked: nothing remembered.
    }
  }
  return out;
}

export class UrlSync {
  /** The state of the link the page was opened with (for "back to the opened link"), if it was good. */
  opened = $state.raw<LinkState | null>(null);
  /** The current share link's hash (what the address bar holds once written). */
  hash = $state('');
  /** When the state is too long for a link: its length (the address bar keeps the last link that fits). */
  tooLong = $state(0);
  /** The most characters a link may have. */
  maxLength = $state(8000);
  /** True while the state that does not fit in a link is kept as a draft in this tab. */
  draftKept = $state(false);

  readonly #app: AppState;
  readonly #notices: Notices;
  readonly #opts: UrlSyncOptions;
  #codec: Codec | null = null;
  #stop: (() => void) | null = null;
  readonly #debouncer = createDebouncer<LinkState>((s) => this.#write(s), URL_DEBOUNCE_MS);

  constructor(app: AppState, notices: Notices, opts: UrlSyncOptions) {
    this.#app = app;
    this.#notices = notices;
    this.#opts = opts;
  }

  /**
   * Opens the state the address names, then keeps the address in step. `resolved` is called once the scenario to
   * run is known: at once when there is no link to decode, else after decoding.
   */
  async start(resolved: () => void): Promise<void> {
    const kind = classifyHash(location.hash);
    if (kind !== 'link') resolved();
    try {
      this.#codec = await loadCodec();
    } catch {
      this.#notices.push({ source: 'link', kind: 'error', code: 'load', title: { key: 'linkCodecFailed' }, lines: [] });
      if (kind === 'link') resolved();
      return;
    }
    this.maxLength = this.#codec.MAX_LINK_LENGTH;
    if (kind === 'link') {
      this.#open(location.hash, 'startup');
      await this.#restoreDraft(false);
      resolved();
    } else await this.#restoreDraft(true);
    addEventListener('hashchange', this.#onHashChange);
    this.#stop = $effect.root(() => {
      $effect(() => {
        const state = this.#app.linkState();
        if (this.#opts.write) this.#debouncer.schedule(state);
        else this.hash = this.#codec!.encodeLink(state);
      });
    });
  }

  stop(): void {
    this.#debouncer.cancel();
    this.#stop?.();
    removeEventListener('hashchange', this.#onHashChange);
  }

  /** The full share URL of the current state, written to the address bar first. */
  async linkNow(): Promise<{ url: string; tooLong: boolean }> {
    const codec = await loadCodec();
    this.#debouncer.flush();
    const hash = codec.encodeLink(this.#app.linkState());
    return { url: shareUrl(location, hash), tooLong: hash.length > codec.MAX_LINK_LENGTH };
  }

  /** The full share URL of the last written hash (empty before the first write). */
  get url(): string {
    return this.hash ? shareUrl(location, this.hash) : '';
  }

  #onHashChange = (): void => {
    const hash = location.hash;
    if (hash === this.hash) return;
    const kind = classifyHash(hash);
    if (kind === 'link') this.#open(hash, 'hashchange');
    // An anchor of the page (or an emptied hash): the browser has moved; put the link back.
    else if (this.#opts.write) this.#debouncer.schedule(this.#app.linkState());
  };

  #write(state: LinkState): void {
    const codec = this.#codec;
    if (!codec) return;
    const hash = codec.encodeLink(state);
    if (hash.length > codec.MAX_LINK_LENGTH) {
      this.tooLong = hash.length;
      this.draftKept = this.#keepDraft(state);
      return;
    }
    this.tooLong = 0;
    if (this.draftKept) this.#dropDraft();
    if (hash !== location.hash) history.replaceState(history.state, '', hash);
    this.hash = hash;
    for (const s of storages()) {
      try {
        s.setItem(LAST_GOOD_KEY, hash);
      } catch {
        // Full or blocked: the last good link is a convenience.
      }
    }
  }

  #open(hash: string, source: 'startup' | 'hashchange'): void {
    const codec = this.#codec!;
    const r = codec.decodeLink(hash);
    if (r.ok) {
      this.#app.applyLinkState(r.state, {
        record: source === 'hashchange',
        run: source !== 'startup',
        keepLang: this.#opts.keepLang,
      });
      this.opened = r.state;
      this.hash = hash;
      if (r.warnings.length) {
        const lines = codec.warningLines(r.warnings, { mv: MODEL_VERSION, dv: DATA_VERSION });
        this.#notices.push({ source: 'link', kind: 'warning', title: { key: 'linkOpenedWithWarnings' }, lines });
      } else this.#notices.clear('link');
      return;
    }
    let fallback: 'last-good' | 'default' | 'current' = 'current';
    if (source === 'startup') fallback = this.#openLastGood() ? 'last-good' : 'default';
    this.#notices.push({
      source: 'link',
      kind: 'error',
      code: r.error.code,
      title: { key: codec.linkErrorKey(r.error.code) },
      lines: [
        {
          key:
            fallback === 'last-good'
              ? 'linkFallbackLastGood'
              : fallback === 'default'
                ? 'linkFallbackDefault'
                : 'linkFallbackCurrent',
        },
      ],
      detail: [r.error.message],
    });
    // The address bar goes back to the scenario on screen.
    if (source === 'hashchange' && this.#opts.write) this.#debouncer.schedule(this.#app.linkState());
  }

  /** Keeps a state too long for a link as this tab's draft, beside the link the address holds; false if it cannot. */
  #keepDraft(state: LinkState): boolean {
    try {
      session()?.setItem(DRAFT_KEY, JSON.stringify({ v: 1, link: location.hash, state }));
      return !!session();
    } catch {
      return false;
    }
  }

  #dropDraft(): void {
    this.draftKept = false;
    try {
      session()?.removeItem(DRAFT_KEY);
    } catch {
      // Blocked storage: there is no draft to drop.
    }
  }

  /**
   * Restores this tab's draft if it was kept beside the link the address holds now (a reload); a draft of another
   * link, or one that does not validate, is dropped. `run`: run the model if the draft changes its inputs.
   */
  async #restoreDraft(run: boolean): Promise<void> {
    if (!this.#opts.write) return;
    let raw: string | null;
    try {
      raw = session()?.getItem(DRAFT_KEY) ?? null;
    } catch {
      return;
    }
    if (raw === null) return;
    const { LinkStateSchema } = await import('../../scenario/link-state');
    let value: unknown = null;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: dropped below.
    }
    const draft = z.object({ v: z.literal(1), link: z.string(), state: LinkStateSchema }).safeParse(value);
    if (!draft.success || draft.data.link !== location.hash) {
      this.#dropDraft();
      return;
    }
    this.#app.applyLinkState(draft.data.state, { record: false, run, keepLang: this.#opts.keepLang });
    this.draftKept = true;
    this.#notices.push({ source: 'draft', kind: 'info', title: { key: 'linkDraftRestored' }, lines: [] });
  }

  /** Opens the last good link of this browser, if one is stored and still decodes; false otherwise. */
  #openLastGood(): boolean {
    if (!this.#opts.write) return false;
    const codec = this.#codec!;
    for (const s of storages()) {
      let v: string | null;
      try {
        v = s.getItem(LAST_GOOD_KEY);
      } catch {
        continue;
      }
      if (v === null) continue;
      const r = codec.decodeLink(v);
      if (r.ok) {
        this.#app.applyLinkState(r.state, { record: false, run: false, keepLang: this.#opts.keepLang });
        return true;
      }
      try {
        s.removeItem(LAST_GOOD_KEY);
      } catch {
        // Leave it: it is validated again on every use.
      }
    }
    return false;
  }
}
