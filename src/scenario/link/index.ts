/**
 * Share links (src/scenario/link/): errors, limits and warning codes (errors.ts), base64url (base64url.ts), the
 * payload check (crc32.ts), the v1 payload format and its frozen dictionary (format.ts), one reader per link format
 * and the migrations between them (readers.ts), and encode/decode (codec.ts). Safe JSON parsing, shared with file
 * import and storage, is ../safe-json.ts.
 */
export { CODEC_VERSION, FIRST_VERIFIED_VERSION, decodeLink, encodeLink, payloadText } from './codec';
export {
  MAX_INFLATED_BYTES,
  MAX_LINK_LENGTH,
  warningMessage,
  type DecodeResult,
  type LinkError,
  type LinkErrorCode,
  type LinkWarning,
  type LinkWarningCode,
  type LinkWarningKey,
} from './errors';
export { fromBase64Url, toBase64Url } from './base64url';
export { crc32 } from './crc32';
export { V1_PARAM_ORDER } from './format';
export { OLD_SCENARIO_KEYS, migrations } from './readers';
