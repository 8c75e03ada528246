/**
 * A QR code of a share link as SVG markup (pure: tested in Node), from the `qrcode` library's module matrix, so a
 * printed page or a slide opens the identical scenario. The library is passed in: it is loaded only when a report or
 * a deck is made, never with the page.
 */
import type { create as createQr } from 'qrcode';

export type QrCreate = typeof createQr;

/** The QR modules of a text: byte mode, medium error correction (low for long links, which need the room). */
export function qrMatrix(create: QrCreate, text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = create(text, { errorCorrectionLevel: text.length > 1200 ? 'L' : 'M' });
  const { size, data } = qr.modules as unknown as { size: number; data: Uint8Array };
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}

/** The QR code as one SVG path of unit squares in an n × n box (with the four-module quiet zone), or null. */
export function qrPath(create: QrCreate, text: string): { n: number; d: string } | null {
  let m: ReturnType<typeof qrMatrix>;
  try {
    m = qrMatrix(create, text);
  } catch {
    return null;
  }
  const quiet = 4;
  const d: string[] = [];
  for (let y = 0; y < m.size; y++)
    for (let x = 0; x < m.size; x++) if (m.dark(x, y)) d.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
  return { n: m.size + 2 * quiet, d: d.join('') };
}

/**
 * The QR code as a standalone SVG `px` wide: one path of unit squares on a white ground with the four-module quiet
 * zone the standard asks for. Returns null when the text is too long for any QR code.
 */
export function qrSvg(create: QrCreate, text: string, px: number, label = ''): string | null {
  const q = qrPath(create, text);
  if (!q) return null;
  const { n, d } = q;
  const title = label ? `<title>${label.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges" role="img">` +
    `${title}<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
