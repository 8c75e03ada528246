/**
 * How link problems are told to the user (pure: tested in Node). Loaded with the codec (link-codec.ts), not with
 * the first paint.
 */
import type { MessageKey } from '../../i18n';
import type { NoticeLine } from './link-hash';

/**
 * Turns the codec's warnings (English, for logs and tests) into translated lines; anything not recognised is kept
 * as raw text (shown in the details). `current` holds this build's model and data versions.
 */
export function warningLines(warnings: readonly string[], current: { mv: string; dv: string }): { lines: NoticeLine[]; raw: string[] } {
  const lines: NoticeLine[] = [];
  const raw: string[] = [];
  for (const w of warnings) {
    let m: RegExpExecArray | null;
    if ((m = /^Upgraded an old \(v(\d+)\) link/.exec(w))) lines.push({ key: 'linkMigrated', params: { from: `v${m[1]}` } });
    else if (/predates model and data version stamps/.test(w)) lines.push({ key: 'linkUnstamped', params: { mv: current.mv, dv: current.dv } });
    else if ((m = /made with model version (\S+?);/.exec(w))) lines.push({ key: 'linkOldModel', params: { old: m[1], mv: current.mv } });
    else if ((m = /made with the reference data of (\S+?);/.exec(w))) lines.push({ key: 'linkOldData', params: { old: m[1], dv: current.dv } });
    else if (/^Ignored parameters unknown/.test(w)) lines.push({ key: 'linkUnknownParams' });
    else raw.push(w);
  }
  return { lines, raw };
}

/** The message key of a link error code. */
export function linkErrorKey(code: string): MessageKey {
  switch (code) {
    case 'empty':
      return 'linkErrEmpty';
    case 'version':
      return 'linkErrVersion';
    case 'preset':
      return 'linkErrPreset';
    case 'payload':
      return 'linkErrPayload';
    case 'json':
      return 'linkErrJson';
    case 'schema':
      return 'linkErrSchema';
    case 'too-long':
      return 'linkErrTooLong';
    default:
      return 'linkErrPayload';
  }
}
