/** The share link's QR code: the qrcode library's modules drawn as one SVG path with the quiet zone. */
import { describe, expect, it } from 'vitest';
import { create } from 'qrcode';
import { qrMatrix, qrPath, qrSvg } from '../../../src/ui/export/qr';
import { xmlProblems } from '../helpers/xml';

const LINK = 'https://example.org/yangfan/#v1.baseline.qwZHA2h2Yf1USL2vYJNkV2Gjn2SHERNgq1DNBxoKTW3A9Iae2moB';

describe('QR code', () => {
  it('draws exactly the dark modules of the symbol, inside a four-module quiet zone', () => {
    const m = qrMatrix(create, LINK);
    const direct = create(LINK, { errorCorrectionLevel: 'M' });
    expect(m.size).toBe(direct.modules.size);
    let dark = 0;
    for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.dark(x, y)) dark++;
    const p = qrPath(create, LINK)!;
    expect(p.n).toBe(m.size + 8);
    expect(p.d.match(/M/g)).toHaveLength(dark);
    // The finder pattern's corner module is dark, the quiet zone is not drawn.
    expect(p.d.startsWith('M4 4h1v1h-1z')).toBe(true);
    expect(p.d).not.toMatch(/M[0-3] /);
  });

  it('writes a well-formed SVG, and nothing for a text too long for any QR code', () => {
    const svg = qrSvg(create, LINK, 120, 'scan <me>')!;
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('width="120"');
    expect(svg).toContain('<title>scan &lt;me></title>');
    expect(qrSvg(create, 'x'.repeat(5000), 120)).toBeNull();
    expect(qrPath(create, 'x'.repeat(5000))).toBeNull();
  });
});
