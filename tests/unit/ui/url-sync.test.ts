/**
 * The pure parts of the address-bar sync: the debouncer (one write per pause, flush, cancel), what a hash is
 * (link, page anchor, empty), the share URL, the translated notices of codec warnings and errors, and the embed
 * parameters and snippet.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deflateSync } from 'fflate';
import { createDebouncer } from '../../../src/ui/lib/debounce';
import { classifyHash, shareUrl } from '../../../src/ui/share/link-hash';
import { linkErrorKey, warningLines } from '../../../src/ui/share/link-notices';
import { decodeLink, encodeLink, toBase64Url } from '../../../src/scenario/link';
import { defaultLinkState } from '../../../src/scenario/link-state';
import { PRESETS } from '../../../src/scenario/presets';
import { DATA_VERSION, MODEL_VERSION } from '../../../src/model';
import { parseEmbedParams } from '../../../src/ui/embed/embed-params';
import { embedQuery, embedSnippet, embedHeight } from '../../../src/ui/embed/embed-snippet';
import { MESSAGES } from '../../../src/i18n/messages';
import { translator } from '../../../src/i18n';
import type { LinkWarning } from '../../../src/scenario/link';
import { URL_DEBOUNCE_MS } from '../../../src/ui/share/url-sync.constants';

describe('debouncer (the URL is written once per pause)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes the last state once, 300 ms after the last change', () => {
    const writes: number[] = [];
    const d = createDebouncer<number>((v) => writes.push(v), URL_DEBOUNCE_MS);
    for (let i = 1; i <= 20; i++) {
      d.schedule(i);
      vi.advanceTimersByTime(50); // a drag: a change every 50 ms
    }
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(URL_DEBOUNCE_MS - 51);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([20]);
    vi.advanceTimersByTime(5000);
    expect(writes).toEqual([20]);
    expect(d.pending).toBe(false);
  });

  it('writes again after each pause', () => {
    const writes: string[] = [];
    const d = createDebouncer<string>((v) => writes.push(v), 300);
    d.schedule('a');
    vi.advanceTimersByTime(300);
    d.schedule('b');
    d.schedule('c');
    vi.advanceTimersByTime(300);
    expect(writes).toEqual(['a', 'c']);
  });

  it('flush writes the pending state at once (copy link), and only once', () => {
    const writes: string[] = [];
    const d = createDebouncer<string>((v) => writes.push(v), 300);
    d.schedule('x');
    expect(d.flush()).toBe(true);
    expect(writes).toEqual(['x']);
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual(['x']);
    expect(d.flush()).toBe(false);
  });

  it('cancel drops the pending state', () => {
    const writes: string[] = [];
    const d = createDebouncer<string>((v) => writes.push(v), 300);
    d.schedule('x');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual([]);
  });
});

describe('hashes', () => {
  it('tells links from the page’s anchors', () => {
    expect(classifyHash('')).toBe('empty');
    expect(classifyHash('#')).toBe('empty');
    expect(classifyHash('#cells')).toBe('anchor');
    expect(classifyHash('#cell-traffic_share')).toBe('anchor');
    expect(classifyHash('#h-scorecard')).toBe('anchor');
    expect(classifyHash('#v1.baseline')).toBe('link');
    expect(classifyHash('#v1.baseline.@@@')).toBe('link');
    expect(classifyHash('#v9.x')).toBe('link');
    // Anything else is decoded, so a broken link is reported rather than ignored.
    expect(classifyHash('#garbage')).toBe('link');
    expect(classifyHash('#cell-<img>')).toBe('link');
  });

  it('builds the share URL from the address without its query (an embed’s parameters)', () => {
    expect(shareUrl({ origin: 'https://x.org', pathname: '/app/' }, '#v1.baseline')).toBe(
      'https://x.org/app/#v1.baseline',
    );
    expect(shareUrl({ origin: 'https://x.org', pathname: '/' }, 'v1.cautious')).toBe('https://x.org/#v1.cautious');
  });
});

describe('link notices', () => {
  const cur = { mv: MODEL_VERSION, dv: DATA_VERSION };

  it('translates the warnings of a migrated v0 link', () => {
    const v0 = { ...PRESETS[0].scenario, as_of: '2021-07-31', lang: 'en' } as Record<string, unknown>;
    delete v0.asOf;
    const r = decodeLink(`#v0=${toBase64Url(new TextEncoder().encode(JSON.stringify(v0)))}`);
    expect(r.ok).toBe(true);
    const lines = warningLines(r.ok ? r.warnings : [], cur);
    expect(lines.map((l) => l.key)).toEqual(['linkMigrated', 'linkUnstamped', 'linkUnverified']);
    expect(lines[0].params).toEqual({ from: 'v0' });
    expect(lines[2].params).toEqual({ from: 'v0' });
  });

  it('names an older model and data version', () => {
    const json = JSON.stringify({ mv: '1.0.0', dv: '2021-01', t: 'old' });
    const r = decodeLink(`#v1.baseline.${toBase64Url(deflateSync(new TextEncoder().encode(json)))}`);
    expect(r.ok).toBe(true);
    const lines = warningLines(r.ok ? r.warnings : [], cur);
    expect(lines).toEqual([
      { key: 'linkUnverified', params: { from: 'v1' } },
      { key: 'linkOldModel', params: { old: '1.0.0', mv: MODEL_VERSION } },
      { key: 'linkOldData', params: { old: '2021-01', dv: DATA_VERSION } },
    ]);
  });

  it('renders every warning code in both languages, with every placeholder filled', () => {
    const all: LinkWarning[] = [
      { code: 'migrated', from: 0, renamed: ['as_of → asOf'], defaulted: ['lang'] },
      { code: 'unverified', from: 1 },
      { code: 'unstamped' },
      { code: 'old-model', made: '0.9.0' },
      { code: 'old-data', made: '2020-12' },
      { code: 'unknown-params' },
      { code: 'unknown-fields', keys: ['zz', 'qq'] },
    ];
    const lines = warningLines(all, cur);
    expect(new Set(lines.map((l) => l.key)).size).toBe(all.length);
    for (const lang of ['en', 'zh-CN'] as const) {
      const t = translator(lang);
      for (const l of lines) {
        const text = t(l.key, l.params);
        expect(text, `${lang} ${l.key}`).not.toMatch(/\{\w+\}/);
        if (lang === 'zh-CN') expect(text).toMatch(/链接/);
      }
    }
    expect(translator('en')('linkUnknownFields', lines[6].params)).toMatch(/zz, qq/);
  });

  it('has a translated message for every error code of the codec', () => {
    for (const hash of [
      '',
      '#v1.baseline.@@@',
      '#v9.x',
      '#v1.nope',
      `#${'v1.baseline.' + 'A'.repeat(9000)}`,
      '#v1.baseline.AAAA',
    ]) {
      const r = decodeLink(hash);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        const key = linkErrorKey(r.error.code);
        expect(MESSAGES.en[key]).toMatch(/link/i);
        expect(MESSAGES['zh-CN'][key]).toMatch(/链接/);
      }
    }
  });

  it('round-trips a preset-derived state', () => {
    const s = defaultLinkState('en');
    s.scenario.title = '<img src=x onerror=alert(1)>';
    const r = decodeLink(encodeLink(s));
    expect(r.ok && r.state.scenario.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('embed parameters', () => {
  it('reads the query, with defaults for anything invalid', () => {
    expect(parseEmbedParams('')).toBeNull();
    expect(parseEmbedParams('?embed=0&view=chart')).toBeNull();
    expect(parseEmbedParams('?embed=1')).toEqual({ view: 'scorecard', indicator: 'user_penetration', controls: false });
    expect(parseEmbedParams('?embed=1&view=chart&indicator=traffic_share&controls=1&lang=en&theme=dark')).toEqual({
      view: 'chart',
      indicator: 'traffic_share',
      controls: true,
      lang: 'en',
      theme: 'dark',
    });
    expect(parseEmbedParams('?embed=1&view=<x>&indicator=__proto__&lang=fr&theme=neon')).toEqual({
      view: 'scorecard',
      indicator: 'user_penetration',
      controls: false,
    });
  });

  it('writes a snippet that round-trips and escapes its attributes', () => {
    const params = { view: 'card', indicator: 'users', controls: false, lang: 'zh-CN', theme: 'light' } as const;
    const html = embedSnippet({
      loc: { origin: 'https://x.org', pathname: '/app/' },
      hash: '#v1.baseline',
      params,
      title: 'A "quoted" <title> & more',
    });
    expect(html).toMatch(
      /^<iframe src="https:\/\/x\.org\/app\/\?embed=1&amp;view=card&amp;indicator=users&amp;controls=0&amp;lang=zh-CN&amp;theme=light#v1\.baseline" /,
    );
    expect(html).toContain('title="A &quot;quoted&quot; &lt;title&gt; &amp; more"');
    expect(html).toContain(`height="${embedHeight(params)}"`);
    expect(parseEmbedParams(embedQuery(params))).toEqual(params);
  });
});
