/**
 * What decoding a link can say: its limits, its error codes and its warnings. Errors carry an English message for
 * logs and the technical details; warnings are codes with parameters, which the app and the CLI render from the
 * message tables of src/i18n (warningMessage below names the message and its parameters).
 */
import type { LinkState } from '../link-state';

/** Longer input is refused before any work. */
export const MAX_LINK_LENGTH = 8000;
/** The most bytes a payload may inflate to (guards against decompression bombs). */
export const MAX_INFLATED_BYTES = 64 * 1024;
/** The deepest nesting a payload may have, and the most values it may hold. */
export const MAX_DEPTH = 8;
export const MAX_NODES = 5000;

export type LinkErrorCode = 'empty' | 'version' | 'preset' | 'payload' | 'json' | 'schema' | 'too-long';
export interface LinkError {
  code: LinkErrorCode;
  message: string;
}

/** A warning of a link that was opened. */
export type LinkWarning =
  /** Made in an older link format and upgraded; `renamed` lists old field names, `defaulted` what took its default. */
  | { code: 'migrated'; from: number; renamed: string[]; defaulted: ('lang' | 'view')[] }
  /** Made in a link format without an integrity check (before v2): a changed character may have gone unnoticed. */
  | { code: 'unverified'; from: number }
  /** Made before links recorded the model and data versions. */
  | { code: 'unstamped' }
  /** Made with another model version. */
  | { code: 'old-model'; made: string }
  /** Made with other reference data. */
  | { code: 'old-data'; made: string }
  /** Sets parameters this version does not know (ignored). */
  | { code: 'unknown-params' }
  /** Holds fields this version does not know (ignored); their names, cleaned of control characters. */
  | { code: 'unknown-fields'; keys: string[] };
export type LinkWarningCode = LinkWarning['code'];

export type DecodeResult = { ok: true; state: LinkState; warnings: LinkWarning[] } | { ok: false; error: LinkError };

/** Thrown inside the decoder only; decodeLink turns it into a result. */
export class DecodeError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The message keys (in src/i18n's tables) that render link warnings. */
export type LinkWarningKey =
  | 'linkMigrated'
  | 'linkUnverified'
  | 'linkUnstamped'
  | 'linkOldModel'
  | 'linkOldData'
  | 'linkUnknownParams'
  | 'linkUnknownFields';

/**
 * The message (a key of the message tables and its parameters) of a warning; `current` holds this build's model and
 * data versions. The app and the CLI translate it with their own translator.
 */
export function warningMessage(
  w: LinkWarning,
  current: { mv: string; dv: string },
): { key: LinkWarningKey; params?: Record<string, string | number> } {
  switch (w.code) {
    case 'migrated':
      return { key: 'linkMigrated', params: { from: `v${w.from}` } };
    case 'unverified':
      return { key: 'linkUnverified', params: { from: `v${w.from}` } };
    case 'unstamped':
      return { key: 'linkUnstamped', params: { mv: current.mv, dv: current.dv } };
    case 'old-model':
      return { key: 'linkOldModel', params: { old: w.made, mv: current.mv } };
    case 'old-data':
      return { key: 'linkOldData', params: { old: w.made, dv: current.dv } };
    case 'unknown-params':
      return { key: 'linkUnknownParams' };
    case 'unknown-fields':
      return { key: 'linkUnknownFields', params: { keys: w.keys.join(', ') } };
    default:
      return w satisfies never;
  }
}
