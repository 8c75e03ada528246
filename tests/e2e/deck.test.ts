/**
 * The PowerPoint deck in real Chromium: "Export PPT" writes a .pptx named after the scenario; unzipped, it has a
 * title slide, the scorecard slide (a native table), and one slide per output with its title, a 16:9 chart picture,
 * the verdict, the key assumptions and the source stamp, in the page's language. Since PowerPoint cannot run here,
 * the package is checked for what PowerPoint is strict about (tests/unit/helpers/ooxml.ts: content types, relationship
 * targets, element order, one paragraph-properties element per paragraph, no empty runs, pictures unstretched and on
 * the slide) and every text box has an explicit type size (no shrink-on-overflow).
 *
 * Where LibreOffice is installed (libreoffice-impress) the deck is converted to PDF, headless, with a private profile:
 * one page per slide, each page's title in its text (Chinese included), the pictures on their pages, and no text
 * off the page, over a picture or over other text. Elsewhere those checks are skipped, and say so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import {
  SOFFICE,
  hasPoppler,
  pdfImagesPerPage,
  pdfInfo,
  pdfPageText,
  pdfWords,
  pptxToPdf,
} from '../../tools/libreoffice';
import { encodeLink } from '../../src/scenario/link';
import { defaultLinkState, type LinkState } from '../../src/scenario/link-state';
import { OUTPUT_IDS, PARAM_IDS, PARAMS } from '../../src/model';
import { outputName } from '../../src/ui/lib/labels';
import { exportFileName } from '../../src/ui/export/filename';
import { pptxProblems } from '../unit/helpers/ooxml';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const canConvert = !!SOFFICE && hasPoppler();
if (!canConvert)
  console.warn(
    `deck: ${SOFFICE ? 'poppler-utils (pdftotext) is' : 'LibreOffice (soffice) is'} not installed: the deck's PDF ` +
      'conversion checks are skipped (apt-get install libreoffice-impress poppler-utils)',
  );

/** Exports the deck of a scenario from the app; returns the file and its unzipped parts. */
async function exportDeck(s: LinkState, locale: string) {
  const { page, context, errors } = await openPage(h, encodeLink(s), { locale });
  await waitForResult(page);
  const t0 = Date.now();
  const [d] = (await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.click('[data-testid="export-deck"]'),
  ])) as [Download, void];
  const ms = Date.now() - t0;
  const body = readFileSync((await d.path())!);
  if (process.env.EXPORT_DIR) writeFileSync(join(process.env.EXPORT_DIR, d.suggestedFilename()), body);
  await context.close();
  const zip = unzipSync(new Uint8Array(body));
  const slides = Object.keys(zip)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const xml = (n: string) => strFromU8(zip[n]);
  return { filename: d.suggestedFilename(), body, ms, errors, zip, slides, xml };
}
type Deck = Awaited<ReturnType<typeof exportDeck>>;

/** The text of a slide's runs (XML entities left as written). */
const runsText = (deck: Deck, n: string) => [...deck.xml(n).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const squash = (s: string) => s.replace(/\s+/g, '');

/** Package checks shared by every deck: nothing PowerPoint would repair, and no box left to shrink its own text. */
function checkPackage(deck: Deck) {
  expect(pptxProblems(deck.zip)).toEqual([]);
  for (const n of deck.slides) {
    expect(deck.xml(n)).not.toMatch(/<a:normAutofit|<a:spAutoFit/);
    // Every run has an explicit size and the East Asian font.
    for (const m of deck.xml(n).matchAll(/<a:rPr\b([^>]*)>([\s\S]*?)<\/a:rPr>/g)) {
      expect(m[1]).toMatch(/\bsz="\d+"/);
      expect(m[2]).toMatch(/<a:ea typeface="[^"]+"/);
    }
  }
}

/** The slides' pictures in PDF points (from the slide XML: 12,700 EMU a point). */
function pictureBoxes(deck: Deck, n: string) {
  return [
    ...deck.xml(n).matchAll(/<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g),
  ].map((m) => {
    const [x, y, w, h] = m.slice(1, 5).map((v) => Number(v) / 12700);
    return { x0: x, y0: y, x1: x + w, y1: y + h };
  });
}

/**
 * Converts the deck with LibreOffice and checks the PDF: a page per slide, each page's title in its text, the
 * expected pictures per page, and every word on its page, off the pictures and clear of every other word.
 */
function checkWithLibreOffice(deck: Deck, titles: string[], picturesPerSlide: number[]) {
  const out = pptxToPdf(deck.body);
  try {
    console.log(`deck: LibreOffice converted ${deck.slides.length} slides to PDF in ${out.seconds.toFixed(1)} s`);
    const info = pdfInfo(out.pdf);
    expect(info.pages).toBe(deck.slides.length);
    expect(info.width / info.height).toBeCloseTo(16 / 9, 2);
    titles.forEach((title, i) => expect(squash(pdfPageText(out.pdf, i + 1))).toContain(squash(title)));
    expect(pdfImagesPerPage(out.pdf, info.pages).slice(1)).toEqual(picturesPerSlide);
    const pages = pdfWords(out.pdf);
    const problems: string[] = [];
    pages.forEach((pg, i) => {
      const pics = pictureBoxes(deck, deck.slides[i]);
      // Bullets are drawn in a symbol font whose box is taller than the line: they are left out.
      const words = pg.words.filter((w) => !/^[•▪■◦‣∙·]$/.test(w.text));
      for (const w of words) {
        if (w.x0 < -0.5 || w.y0 < -0.5 || w.x1 > pg.width + 0.5 || w.y1 > pg.height + 0.5)
          problems.push(`page ${i + 1}: "${w.text}" is off the page`);
        for (const p of pics)
          if (Math.min(w.x1, p.x1) - Math.max(w.x0, p.x0) > 1 && Math.min(w.y1, p.y1) - Math.max(w.y0, p.y0) > 1)
            problems.push(`page ${i + 1}: "${w.text}" is over a picture`);
      }
      for (let a = 0; a < words.length; a++)
        for (let b = a + 1; b < words.length; b++) {
          const [p, q] = [words[a], words[b]];
          const ix = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0);
          const iy = Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0);
          // A word's box is its font's full height, a little taller than a line in some fonts: a quarter of the
          // smaller word's height is real overlap.
          const minH = Math.min(p.y1 - p.y0, q.y1 - q.y0);
          if (ix > 1 && iy > 0.25 * minH) problems.push(`page ${i + 1}: "${p.text}" overlaps "${q.text}"`);
        }
    });
    expect(problems).toEqual([]);
  } finally {
    out.dispose();
  }
}

describe('PowerPoint deck', () => {
  let zh: Deck | undefined;

  it('writes a title slide, the scorecard and one slide per output, with pictures, in Chinese', async () => {
    const s = defaultLinkState('zh-CN');
    s.scenario.title = '基站加快建设';
    s.scenario.params.buildGrowth.value = Math.min(
      PARAMS.buildGrowth.max,
      s.scenario.params.buildGrowth.value + 10 * PARAMS.buildGrowth.step,
    );
    const deck = await exportDeck(s, 'zh-CN');
    const { slides, xml } = deck;
    const text = (n: string) => runsText(deck, n);
    expect(deck.filename).toBe(
      exportFileName({ title: '基站加快建设', presetName: '', date: new Date(), ext: 'pptx' }),
    );
    console.log(`deck: ${deck.ms} ms from click to download (pptxgenjs loaded on demand), ${deck.body.length} B`);

    expect(slides).toHaveLength(2 + OUTPUT_IDS.length);
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
      expect(xml(n)).toContain('<a:ea typeface="Microsoft YaHei"');
      expect(tx).toContain('主要假设');
      expect(tx).toContain('来源');
      expect(tx).toMatch(/达标概率/);
      const rels = strFromU8(deck.zip[n.replace('slides/', 'slides/_rels/') + '.rels']);
      const media = [...rels.matchAll(/Target="\.\.\/media\/([^"]+)"/g)].map((m) => m[1]);
      expect(media.length).toBe(1);
      const png = deck.zip[`ppt/media/${media[0]}`];
      // A real 1280 × 720 PNG (16:9).
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      const dv = new DataView(png.buffer, png.byteOffset);
      expect([dv.getUint32(16), dv.getUint32(20)]).toEqual([1280, 720]);
    });
    expect(text(slides[2 + OUTPUT_IDS.indexOf('base_stations_per_10k')])).toContain(' → ');
    checkPackage(deck);
    expect(deck.errors).toEqual([]);
    zh = deck;
  });

  it.skipIf(!canConvert)(
    'LibreOffice converts it to a PDF page per slide with every title, the pictures and no overlapping text',
    () => {
      expect(zh, 'the Chinese deck of the test above').toBeDefined();
      const titles = ['基站加快建设', '目标记分卡', ...OUTPUT_IDS.map((id) => outputName(id, 'zh-CN'))];
      checkWithLibreOffice(zh!, titles, [1, 0, ...OUTPUT_IDS.map(() => 1)]);
    },
    300_000,
  );

  it('a 200-character title and every assumption changed still fit their boxes, in English', async () => {
    const s = defaultLinkState('en');
    s.scenario.title = (
      'Faster build-out of base stations with every assumption moved one notch, ' +
      'to see that the deck keeps long titles and long lists of changes inside their boxes '
    ).repeat(2);
    s.scenario.title = s.scenario.title.slice(0, 200);
    for (const id of PARAM_IDS) {
      const p = PARAMS[id];
      const v = s.scenario.params[id].value;
      s.scenario.params[id].value = v + p.step <= p.max ? v + p.step : v - p.step;
    }
    const deck = await exportDeck(s, 'en-US');
    expect(deck.slides).toHaveLength(2 + OUTPUT_IDS.length);
    checkPackage(deck);
    const title = unescape(runsText(deck, deck.slides[0]));
    // The title is on the title slide whole or cut with "…"; the changes list is cut to its box.
    expect(title).toMatch(/^Faster build-out of base stations/);
    expect(runsText(deck, deck.slides[0])).toContain('Assumptions changed from the preset');
    expect(deck.errors).toEqual([]);
    if (canConvert)
      checkWithLibreOffice(
        deck,
        ['Faster build-out of base stations', 'Scorecard', ...OUTPUT_IDS.map((id) => outputName(id, 'en'))],
        [1, 0, ...OUTPUT_IDS.map(() => 1)],
      );
  }, 300_000);
});
