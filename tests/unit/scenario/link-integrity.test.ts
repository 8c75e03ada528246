/**
 * Link integrity (format v2): every single-character substitution, deletion and insertion of a set of v2 links,
 * exhaustively, is either refused or opens the identical state; after the `#v2.` head of a link with a payload it
 * is refused as a damaged payload (`payload`) or opens the identical state. Before v2, raw DEFLATE had no check and
 * about one substitution in eleven opened another scenario, most of them without a warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, decodeLink, encodeLink } from '../../../src/scenario/link';
import { printable } from '../../../src/scenario/safe-json';
import { defaultLinkState, type LinkState } from '../../../src/scenario/link-state';
import { PRESETS } from '../../../src/scenario/presets';
import golden from '../golden-links.json';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** What a mistyped or mangled link may hold: the payload alphabet and the characters that mean something in a URL. */
const ALPHABET = [...B64, '.', '#', '=', ' ', '%', '~', '+', '/', '\n', 'é'];

/** A customised state per preset: title and notes in Chinese, changed assumptions, another view. */
function customised(): LinkState[] {
  return PRESETS.map((p, i) => {
    const s = structuredClone(p.scenario);
    s.title = `情景${i + 1}:农村基站加速`;
    s.notes = i === 0 ? '假设2022年起县城和乡镇的5G基站建设提速。' : '';
    s.params.bassQ.value = 0.021 + i / 1000;
    s.params.buildAnnual = {
      value: 650000 + i * 10000,
      dist: { kind: 'triangular', min: 500000, mode: 650000 + i * 10000, max: 800000 },
    };
    s.seed = 42 + i;
    return {
      ...defaultLinkState(i === 1 ? 'en' : 'zh-CN'),
      scenario: s,
      view: { mode: i === 2 ? 'compare' : 'notebook' },
    };
  });
}

interface Tally {
  cases: number;
  identical: number;
  refused: Record<string, number>;
  silent: string[];
}

/** Every single-character edit of one link; returns what each did. */
function mutateAll(link: string, state: LinkState, tally: Tally): void {
  const head = '#v2.'.length;
  const hasPayload = link.split('.').length > 2;
  const check = (m: string, at: number) => {
    tally.cases++;
    const r = decodeLink(m);
    if (r.ok) {
      // Identical or bust: anything else is a silent change.
      try {
        expect(r.state).toEqual(state);
        tally.identical++;
      } catch {
        tally.silent.push(m);
      }
      return;
    }
    tally.refused[r.error.code] = (tally.refused[r.error.code] ?? 0) + 1;
    if (hasPayload && at >= head && r.error.code !== 'payload') tally.silent.push(`${r.error.code} at ${at}: ${m}`);
  };
  for (let i = 0; i <= link.length; i++) {
    if (i < link.length) {
      check(link.slice(0, i) + link.slice(i + 1), i);
      for (const c of ALPHABET) if (c !== link[i]) check(link.slice(0, i) + c + link.slice(i + 1), i);
    }
    for (const c of ALPHABET) check(link.slice(0, i) + c + link.slice(i), i);
  }
}

describe('link integrity (v2)', () => {
  it('uses the standard CRC-32 (IEEE 802.3)', () => {
    const ascii = (t: string) => new TextEncoder().encode(t);
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926); // the catalogue's check value
    expect(crc32(ascii('1234'), ascii('56789'))).toBe(0xcbf43926); // parts are one stream
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('prints text from outside without control characters', () => {
    expect(printable('a\u001b[31mb\u0007c\u009bd\u202ee\tf\ng')).toBe('a[31mbcde\tf\ng');
    expect(printable('x'.repeat(300), 10)).toBe('x'.repeat(10) + '…');
  });

  it('every single-character substitution, deletion and insertion is refused as damaged or opens the identical state', () => {
    const states: LinkState[] = [
      ...customised(),
      ...(golden.links as { codec: number; link: string }[])
        .filter((g) => g.codec === 2)
        .map((g) => {
          const r = decodeLink(g.link);
          if (!r.ok) throw new Error(g.link);
          return r.state;
        }),
      ...fc
        .sample(
          fc.record({
            p: fc.constantFrom(...PRESETS),
            q: fc.integer({ min: 0, max: 100 }),
            t: fc.string({ maxLength: 12 }),
          }),
          { numRuns: 4, seed: 11 },
        )
        .map(({ p, q, t }) => {
          const s = structuredClone(p.scenario);
          s.params.ceiling.value = 80 + q / 5;
          s.title = t;
          return { ...defaultLinkState(), scenario: s };
        }),
    ];
    const tally: Tally = { cases: 0, identical: 0, refused: {}, silent: [] };
    const t0 = performance.now();
    for (const st of states) {
      const link = encodeLink(st);
      expect(link.startsWith('#v2.')).toBe(true);
      mutateAll(link, st, tally);
    }
    const ms = performance.now() - t0;
    console.log(
      `link integrity: ${states.length} links, ${tally.cases} single-character edits in ${(ms / 1000).toFixed(1)} s: ` +
        `${tally.identical} open the identical state, refused ${JSON.stringify(tally.refused)}, ${tally.silent.length} silent changes`,
    );
    expect(tally.silent.slice(0, 5)).toEqual([]);
    expect(tally.cases).toBeGreaterThanOrEqual(100_000);
  });
});
