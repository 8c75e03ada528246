/**
 * The PowerPoint deck in real Chromium: "Export PPT" writes a .pptx named after the scenario; unzipped, it has a
 * title slide, the scorecard slide (a native table), and one slide per output with its title, a 16:9 chart picture,
 * the verdict, the key assumptions and the source stamp, in the page's language. Where LibreOffice is installed it
 * converts the deck to PDF with one page per slide; elsewhere that step is skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { encodeLink } from '../../src/scenario/link';
import { defaultLinkState } from '../../src/scenario/link-state';
import { OUTPUT_IDS, PARAMS } from '../../src/model';
import { outputName } from '../../src/ui/lib/labels';
import { exportFileName } from '../../src/ui/export/filename';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) =>
  existsSync(p),
);

describe('PowerPoint deck', () => {
  it('writes a title slide, the scorecard and one slide per output, with pictures, in Chinese', async () => {
    const s = defaultLinkState('zh-CN');
    s.scenario.title = '基站加快建设';
    s.scenario.params.buildGrowth.value = Math.min(
      PARAMS.buildGrowth.max,
      s.scenario.params.buildGrowth.value + 10 * PARAMS.buildGrowth.step,
    );
    const { page, context, errors } = await openPage(h, encodeLink(s), { locale: 'zh-CN' });
    await waitForResult(page);
    const t0 = Date.now();
    const [d] = (await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid="export-deck"]'),
    ])) as [Download, void];
    const ms = Date.now() - t0;
    expect(d.suggestedFilename()).toBe(
      exportFileName({ title: '基站加快建设', presetName: '', date: new Date(), ext: 'pptx' }),
    );
    const body = readFileSync((await d.path())!);
    if (process.env.EXPORT_DIR) writeFileSync(join(process.env.EXPORT_DIR, d.suggestedFilename()), body);
    console.log(`deck: ${ms} ms from click to download (pptxgenjs loaded on demand), ${body.length} B`);

    const zip = unzipSync(new Uint8Array(body));
    const names = Object.keys(zip);
    const slides = names
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    expect(slides).toHaveLength(2 + OUTPUT_IDS.length);
    const xml = (n: string) => strFromU8(zip[n]);
    const text = (n: string) => [...xml(n).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
    expect(xml('[Content_Types].xml')).toContain('png');
    expect(xml('ppt/presentation.xml')).toContain('cx="9144000" cy="5143500"'); // 16:9

    // Title slide: the scenario, the summary, the changes, the QR code.
    expect(text(slides[0])).toContain('基站加快建设');
    expect(text(slides[0])).toMatch(/项主要目标中\d+项达标/);
    expect(text(slides[0])).toContain('与预设不同的假设：');
    expect(xml(slides[0])).toContain('<p:pic>');
    // Scorecard: a native table with a row per output.
    expect(text(slides[1])).toContain('记分卡');
    expect(xml(slides[1])).toContain('<a:tbl>');
    expect((xml(slides[1]).match(/<a:tr /g) ?? []).length).toBe(1 + OUTPUT_IDS.length);
    // One slide per output: its name as the title, a chart picture, the verdict, assumptions and the stamp.
    OUTPUT_IDS.forEach((id, i) => {
      const n = slides[2 + i];
      const tx = text(n);
      expect(tx.startsWith(outputName(id, 'zh-CN'))).toBe(true);
      expect(xml(n)).toContain('<p:pic>');
      expect(xml(n)).toContain('lang="zh-CN"');
      expect(tx).toContain('主要假设');
      expect(tx).toContain('来源');
      expect(tx).toMatch(/达标概率/);
      const rels = strFromU8(zip[n.replace('slides/', 'slides/_rels/') + '.rels']);
      const media = [...rels.matchAll(/Target="\.\.\/media\/([^"]+)"/g)].map((m) => m[1]);
      expect(media.length).toBe(1);
      const png = zip[`ppt/media/${media[0]}`];
      // A real 1280 × 720 PNG (16:9).
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      const dv = new DataView(png.buffer, png.byteOffset);
      expect([dv.getUint32(16), dv.getUint32(20)]).toEqual([1280, 720]);
    });
    expect(text(slides[2 + OUTPUT_IDS.indexOf('base_stations_per_10k')])).toContain(' → ');

    if (soffice) {
      const dir = mkdtempSync(join(tmpdir(), 'deck-'));
      try {
        writeFileSync(join(dir, 'deck.pptx'), body);
        execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'deck.pptx')], {
          timeout: 120_000,
        });
        const pdf = readFileSync(join(dir, 'deck.pdf')).toString('latin1');
        expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(slides.length);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      console.log('deck: LibreOffice is not installed here; the PDF conversion check was skipped');
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
