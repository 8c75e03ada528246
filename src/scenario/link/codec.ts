/**
 * Share links: encodeLink writes the current format (v2), decodeLink reads every format there has been (readers.ts)
 * and migrates it forward. decodeLink never throws: every step is guarded, input and decompressed sizes are capped,
 * nesting is limited, prototype keys are refused and the result is validated by LinkStateSchema.
 *
 *   #v2.<presetId>                  an unmodified preset in the default view
 *   #v2.<presetId>.<payload>        payload = base64url(deflateRaw(UTF-8 JSON of the difference, V1 dictionary) ‖ CRC-32)
 */
import { deflateSync } from 'fflate';
import { formatIssues } from '../schema';
import { LinkStateSchema } from '../link-state';
import type { LinkState } from '../link-state';
import { toBase64Url } from './base64url';
import { DecodeError, MAX_LINK_LENGTH, type DecodeResult, type LinkWarning } from './errors';
import { V1_DICTIONARY, basePreset, diffOf } from './format';
import { bytesOf, checkOf, checkStamps, inflate, migrations, readers, summarise, textOf, verified } from './readers';

/** The current link format. */
export const CODEC_VERSION = 2;
/** The first link format whose payload carries an integrity check; older links open with an `unverified` warning. */
export const FIRST_VERIFIED_VERSION = 2;

const utf8 = new TextEncoder();

/** Encodes a (valid) state as a URL hash: `#v2.<presetId>` or `#v2.<presetId>.<payload>`. */
export function encodeLink(state: LinkState): string {
  const preset = basePreset(state.scenario);
  const d = diffOf(state, preset);
  const head = `#v${CODEC_VERSION}.${preset.id}`;
  if (!Object.keys(d).length) return head;
  const deflated = deflateSync(utf8.encode(JSON.stringify(d)), { level: 9, dictionary: V1_DICTIONARY });
  const bytes = new Uint8Array(deflated.length + 4);
  bytes.set(deflated);
  bytes.set(checkOf(preset.id, deflated), deflated.length);
  return `${head}.${toBase64Url(bytes)}`;
}

function decodeUnsafe(hash: string): DecodeResult {
  let h = hash;
  const at = h.indexOf('#');
  if (at >= 0) h = h.slice(at + 1);
  h = h.trim();
  if (h === '') throw new DecodeError('empty', 'the link carries no scenario');
  const m = /^v(0|[1-9]\d{0,5})(?![0-9])/.exec(h);
  if (!m) throw new DecodeError('version', 'this is not a Yangfan scenario link');
  const version = Number(m[1]);
  if (version > CODEC_VERSION)
    throw new DecodeError(
      'version',
      `the link was made by a newer version of Yangfan (link format v${version}); please update`,
    );
  const warnings: LinkWarning[] = [];
  const warn = (w: LinkWarning) => void warnings.push(w);
  let raw = readers[version](h.slice(m[0].length), warn);
  for (let v = version; v < CODEC_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new DecodeError('version', `links of format v${v} can no longer be read`);
    raw = step(raw, warn);
  }
  if (version < FIRST_VERIFIED_VERSION) warn({ code: 'unverified', from: version });
  const { mv, dv, ...state } = raw as Record<string, unknown>;
  checkStamps(mv, dv, warn);
  const r = LinkStateSchema.safeParse(state);
  if (!r.success) {
    const lines = formatIssues(
      r.error.issues.map((i) => (i.path[0] === 'scenario' ? { path: i.path.slice(1), message: i.message } : i)),
    );
    throw new DecodeError('schema', `the link holds an invalid scenario: ${summarise(lines)}`);
  }
  return { ok: true, state: r.data, warnings };
}

/** The JSON text of a v1 or v2 link's payload, unvalidated, for diagnostics and tests; undefined if there is none. */
export function payloadText(hash: string): string | undefined {
  try {
    const m = /^#?v([12])\.([a-z0-9-]{1,40})\.(.+)$/s.exec(hash);
    if (!m || hash.length > MAX_LINK_LENGTH) return undefined;
    const bytes = bytesOf(m[3]);
    return textOf(inflate(m[1] === '2' ? verified(m[2], bytes) : bytes));
  } catch {
    return undefined;
  }
}

/** Decodes a link (a hash, with or without `#`, or a whole URL). Never throws. */
export function decodeLink(hash: string): DecodeResult {
  try {
    if (typeof hash !== 'string')
      return { ok: false, error: { code: 'empty', message: 'the link carries no scenario' } };
    if (hash.length > MAX_LINK_LENGTH)
      return {
        ok: false,
        error: { code: 'too-long', message: `the link is longer than ${MAX_LINK_LENGTH} characters` },
      };
    return decodeUnsafe(hash);
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'payload', message: 'the link could not be read' } };
  }
}
