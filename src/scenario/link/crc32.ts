/**
 * CRC-32 (IEEE 802.3, the checksum of zip, gzip and PNG; fflate keeps its own private). It detects every error
 * burst of up to 32 bits, so every changed character of a base64url payload (6 bits), and any other change with
 * probability 1 − 2⁻³².
 */

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

/** The CRC-32 of the bytes of every part, in order, as an unsigned 32-bit number. */
export function crc32(...parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const bytes of parts) for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
