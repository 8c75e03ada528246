/**
 * Reading a link, one reader per link format (the text after `v<n>` → that format's raw form), and the migrations
 * that carry each format's raw form to the next. The raw form of v1 and v2 is the unvalidated full state plus the
 * `mv`/`dv` stamps; decodeLink validates it last.
 *
 *   v0  #v0=<base64url(plain JSON of a full scenario)>, old names `as_of`, `sampleCount`; optional `lang`, `view`
 *   v1  #v1.<preset>[.<base64url(deflateRaw(diff JSON, V1 dictionary))>]
 *   v2  #v2.<preset>[.<base64url(deflateRaw(diff JSON, V1 dictionary) ‖ CRC-32)>]
 *
 * v2's CRC-32 (4 bytes, big-endian, after the DEFLATE stream) is taken over the preset id's UTF-8 bytes and the
 * DEFLATE bytes, and is checked before anything is decompressed: a changed, lost or added character is refused as
 * a damaged payload instead of opening another scenario. (A v1 reader ignores bytes after the DEFLATE stream, so a
 * v2 link read as v1 still gives the same state.)
 */
import { inflateSync } from 'fflate';
import { DATA_VERSION, MODEL_VERSION } from '../../model/version';
import { presetById } from '../presets';
import { formatIssues } from '../schema';
import { DEFAULT_LANG, DEFAULT_VIEW_MODE } from '../link-state';
import { isPlainObject, jsonProblemText, parseJson, printable } from '../safe-json';
import { fromBase64Url } from './base64url';
import { crc32 } from './crc32';
import { DecodeError, MAX_DEPTH, MAX_INFLATED_BYTES, MAX_NODES, type LinkWarning } from './errors';
import { DIFF_KEYS, DiffSchema, V1_DICTIONARY, expand } from './format';

export type Warn = (w: LinkWarning) => void;

/** The bytes of the check that ends a v2 payload. */
export const CHECK_BYTES = 4;

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function bytesOf(b64: string): Uint8Array {
  const bytes = fromBase64Url(b64);
  if (!bytes) throw new DecodeError('payload', 'the link payload is not valid base64url');
  return bytes;
}

/** Inflates with the v1 dictionary into a buffer capped at MAX_INFLATED_BYTES. */
export function inflate(bytes: Uint8Array): Uint8Array {
  // A fixed output buffer one byte larger than the cap: fflate never grows it, so filling it means too large.
  let out: Uint8Array;
  try {
    out = inflateSync(bytes, { out: new Uint8Array(MAX_INFLATED_BYTES + 1), dictionary: V1_DICTIONARY });
  } catch {
    throw new DecodeError('payload', 'the link payload is damaged (it does not decompress)');
  }
  if (out.length > MAX_INFLATED_BYTES)
    throw new DecodeError('payload', 'the link payload decompresses to too much data');
  return out;
}

export function textOf(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    throw new DecodeError('payload', 'the link payload is not valid UTF-8 text');
  }
}

function jsonOf(bytes: Uint8Array): unknown {
  const r = parseJson(textOf(bytes), { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES });
  if (!r.ok) throw new DecodeError('json', jsonProblemText(r.problem, 'the link payload'));
  return r.value;
}

/** The CRC-32 a v2 payload ends with, over the preset id and the DEFLATE bytes. */
export function checkOf(presetId: string, deflated: Uint8Array): Uint8Array {
  const c = crc32(utf8.encode(presetId), deflated);
  return new Uint8Array([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]);
}

/** The DEFLATE bytes of a v2 payload, once its check has been verified. */
export function verified(presetId: string, bytes: Uint8Array): Uint8Array {
  if (bytes.length <= CHECK_BYTES) throw new DecodeError('payload', 'the link payload is too short to be whole');
  const body = bytes.subarray(0, bytes.length - CHECK_BYTES);
  const want = checkOf(presetId, body);
  for (let i = 0; i < CHECK_BYTES; i++)
    if (bytes[body.length + i] !== want[i])
      throw new DecodeError(
        'payload',
        'the link is damaged: its check does not match (a character was changed, lost or added)',
      );
  return body;
}

const summarise = (lines: string[]) =>
  lines.slice(0, 5).join('; ') + (lines.length > 5 ? `; and ${lines.length - 5} more` : '');
export { summarise };

/** Splits `.<preset>[.<payload>]` and finds the preset. */
function presetAndPayload(rest: string, version: number) {
  const m = /^\.([^.]*)(?:\.(.*))?$/s.exec(rest);
  if (!m) throw new DecodeError('version', `a v${version} link must read #v${version}.<preset>[.<data>]`);
  const [, id, payload = ''] = m;
  if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new DecodeError('preset', 'the link names no valid preset');
  const preset = presetById(id);
  if (!preset) throw new DecodeError('preset', `the link names an unknown preset "${id}"`);
  return { id, preset, payload };
}

/** Reads a difference (the inflated payload, or nothing) against its preset. */
function diffLink(
  preset: NonNullable<ReturnType<typeof presetById>>,
  deflated: Uint8Array | undefined,
  warn: Warn,
): unknown {
  let raw: unknown = {};
  if (deflated) {
    raw = jsonOf(inflate(deflated));
    if (!isPlainObject(raw)) throw new DecodeError('schema', 'the link payload is not an object');
  }
  const r = DiffSchema.safeParse(raw);
  if (!r.success)
    throw new DecodeError('schema', `the link payload is malformed: ${summarise(formatIssues(r.error.issues))}`);
  const unknown = Object.keys(raw as object).filter((k) => !DIFF_KEYS.has(k));
  if (unknown.length) warn({ code: 'unknown-fields', keys: unknown.slice(0, 5).map((k) => printable(k, 24)) });
  return expand(preset, r.data, warn);
}

export const readers: Record<number, (rest: string, warn: Warn) => unknown> = {
  0: (rest) => {
    if (rest[0] !== '=') throw new DecodeError('version', 'a v0 link must read #v0=<data>');
    if (rest.length === 1) throw new DecodeError('payload', 'the v0 link carries no data');
    return jsonOf(bytesOf(rest.slice(1)));
  },
  1: (rest, warn) => {
    const { preset, payload } = presetAndPayload(rest, 1);
    return diffLink(preset, payload === '' ? undefined : bytesOf(payload), warn);
  },
  2: (rest, warn) => {
    // The check covers the preset id as well, and is verified before the id is looked up: with a payload, any
    // damage after `#v2.` is reported as a damaged payload.
    const m = /^\.([^.]*)(?:\.(.*))?$/s.exec(rest);
    if (!m) throw new DecodeError('payload', 'the link is damaged: it must read #v2.<preset>[.<data>]');
    const [, id, payload = ''] = m;
    const deflated = payload === '' ? undefined : verified(id, bytesOf(payload));
    if (!/^[a-z0-9-]{1,40}$/.test(id))
      throw new DecodeError(deflated ? 'preset' : 'payload', 'the link names no valid preset');
    const preset = presetById(id);
    if (!preset) throw new DecodeError('preset', `the link names an unknown preset "${id}"`);
    return diffLink(preset, deflated, warn);
  },
};

/**
 * Migrations: each turns the raw form of link format n into that of format n + 1, reporting what it did.
 * v0 → v1: a full scenario with the old names `as_of` and `sampleCount`, and beside it optionally `lang`
 * ('zh' | 'en') and `view` (a view mode's name). v1 → v2: the same raw form (v2 only adds the check).
 */
export const migrations: Record<number, (raw: unknown, warn?: Warn) => unknown> = {
  0: (raw, warn = () => {}) => {
    if (!isPlainObject(raw)) throw new DecodeError('schema', 'a v0 link must hold a scenario object');
    const s: Record<string, unknown> = { ...raw };
    const renamed: string[] = [];
    for (const [from, to] of OLD_SCENARIO_KEYS) {
      if (Object.hasOwn(s, from)) {
        if (!Object.hasOwn(s, to)) s[to] = s[from];
        delete s[from];
        renamed.push(`${from} → ${to}`);
      }
    }
    // v0 kept the language ('zh' | 'en') and the view (a mode name) beside the scenario's fields.
    const { lang, view, ...scenario } = s;
    const defaulted: ('lang' | 'view')[] = [];
    if (lang === undefined) defaulted.push('lang');
    if (view === undefined) defaulted.push('view');
    warn({ code: 'migrated', from: 0, renamed, defaulted });
    warn({ code: 'unstamped' });
    return {
      scenario,
      lang: lang === undefined ? DEFAULT_LANG : lang === 'zh' ? 'zh-CN' : lang,
      view: { mode: view === undefined ? DEFAULT_VIEW_MODE : view },
    };
  },
  1: (raw) => raw,
};

/** Scenario field names of older formats and their current names (v0 links; scenario files migrate them too). */
export const OLD_SCENARIO_KEYS: readonly (readonly [string, string])[] = [
  ['as_of', 'asOf'],
  ['sampleCount', 'samples'],
];

/** Reports stamps of another model or data version. */
export function checkStamps(mv: unknown, dv: unknown, warn: Warn): void {
  if (typeof mv === 'string' && mv !== MODEL_VERSION) warn({ code: 'old-model', made: printable(mv, 32) });
  if (typeof dv === 'string' && dv !== DATA_VERSION) warn({ code: 'old-data', made: printable(dv, 32) });
}
