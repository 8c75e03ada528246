/**
 * How link problems are told to the user (pure: tested in Node). Loaded with the codec (link-codec.ts), not with
 * the first paint.
 */
import type { MessageKey } from '../../i18n';
import type { NoticeLine } from './link-hash';
import { warningMessage, type LinkWarning } from '../../scenario/link';

/**
 * Turns the codec's warnings (typed codes) into translated lines. `current` holds this build's model and data
 * versions.
 */
export function warningLines(warnings: readonly LinkWarning[], current: { mv: string; dv: string }): NoticeLine[] {
  return warnings.map((w) => {
    const m = warningMessage(w, current);
    return { key: m.key satisfies MessageKey, ...(m.params && { params: m.params }) };
  });
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
