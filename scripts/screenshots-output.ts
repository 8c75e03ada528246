/**
 * Screenshots of the presentation-grade outputs (present mode at 1920 × 1080, the printed report, a slide export,
 * embeds and the page at 375 and 1440 px in both languages): `npm run build && npx tsx scripts/screenshots-output.ts`.
 * The README's go to docs/screenshots/; with REVIEW_DIR=… the review set (every width and language, the report as
 * PDF) goes there too. The README's printed pages are the Chinese report's PDF, pages 1 and 3, rendered by pdftoppm
 * at 80 dpi (poppler-utils; skipped without it).
 *
 * The deck thumbnail (docs/screenshots/deck-zh.png) is the Chinese deck as exported, converted to PDF by LibreOffice
 * (libreoffice-impress), its scorecard slide and an indicator slide rendered by pdftoppm and put side by side by
 * ImageMagick's montage; without LibreOffice it is skipped. `-- --deck-only` makes only the thumbnail.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { startHarness, openPage, waitForResult } from '../tools/harness';
import { SOFFICE, hasPoppler, pdfToPng, pptxToPdf } from '../tools/libreoffice';
import { encodeLink } from '../src/scenario/link';
import { defaultLinkState } from '../src/scenario/link-state';
import { OUTPUT_IDS, PARAMS } from '../src/model';

const review = process.env.REVIEW_DIR;
const deckOnly = process.argv.includes('--deck-only');
const h = await startHarness();

/** The indicator slide shown beside the scorecard in the thumbnail (the one the scenario changes). */
const DECK_INDICATOR = 'base_stations_per_10k';

/** The README's printed pages: the Chinese report as printed to PDF, pages 1 and 3 rendered by pdftoppm at 80 dpi. */
function printedPages(report: Buffer): void {
  if (!hasPoppler()) {
    console.log('skipped the printed pages: pdftoppm (poppler-utils) is not installed');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'yangfan-print-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), report);
    for (const n of [1, 3]) {
      pdfToPng(join(dir, 'report.pdf'), join(dir, `page${n}`), 80, n);
      const png = readdirSync(dir).find((f) => f.startsWith(`page${n}-`) && f.endsWith('.png'))!;
      copyFileSync(join(dir, png), `docs/screenshots/print-page${n}-zh.png`);
    }
    console.log('wrote docs/screenshots/print-page1-zh.png and print-page3-zh.png');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Exports the page's deck, converts it with LibreOffice and writes the README's thumbnail. */
async function deckThumbnail(page: Page, out: string) {
  if (!SOFFICE || !hasPoppler()) {
    console.warn('deck thumbnail skipped: LibreOffice (libreoffice-impress) and poppler-utils are needed');
    return;
  }
  const [deck] = (await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.click('[data-testid="export-deck"]'),
  ])) as [Download, void];
  const body = readFileSync((await deck.path())!);
  const pdf = pptxToPdf(new Uint8Array(body));
  const dir = mkdtempSync(join(tmpdir(), 'yangfan-thumb-'));
  try {
    // Slide 2 is the scorecard; the indicators follow in OUTPUT_IDS order from slide 3.
    const indicator = 3 + OUTPUT_IDS.indexOf(DECK_INDICATOR);
    pdfToPng(pdf.pdf, join(dir, 'score'), 110, 2);
    pdfToPng(pdf.pdf, join(dir, 'indicator'), 110, indicator);
    const page2 = (prefix: string, n: number) => join(dir, `${prefix}-${String(n).padStart(2, '0')}.png`);
    execFileSync('montage', [
      ...['-bordercolor', '#c8c8c8', '-border', '1'],
      page2('score', 2),
      page2('indicator', indicator),
      ...['-tile', '2x1', '-geometry', '+12+12', '-background', 'white'],
      out,
    ]);
    console.log(`wrote ${out} (LibreOffice ${pdf.seconds.toFixed(1)} s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    pdf.dispose();
  }
}

function scenario(lang: 'zh-CN' | 'en'): string {
  const s = defaultLinkState(lang);
  s.scenario.title = lang === 'zh-CN' ? '基站加快建设' : 'Faster build-out';
  s.scenario.params.buildGrowth.value = Math.min(
    PARAMS.buildGrowth.max,
    s.scenario.params.buildGrowth.value + 10 * PARAMS.buildGrowth.step,
  );
  return encodeLink(s);
}

try {
  if (deckOnly) {
    const { page, context } = await openPage(h, scenario('zh-CN'), { locale: 'zh-CN' });
    await waitForResult(page);
    await deckThumbnail(page, 'docs/screenshots/deck-zh.png');
    await context.close();
  }
  for (const lang of deckOnly ? [] : (['zh-CN', 'en'] as const)) {
    const tag = lang === 'zh-CN' ? 'zh' : 'en';
    // Present mode: the overview and an indicator slide.
    {
      const { page, context, errors } = await openPage(h, scenario(lang), {
        locale: lang === 'en' ? 'en-US' : 'zh-CN',
        viewport: { width: 1920, height: 1080 },
      });
      await waitForResult(page);
      await page.click('[data-testid="open-present"]');
      await page.waitForSelector('[data-testid="present-score"]');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `docs/screenshots/present-overview-${tag}.png` });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('[data-testid="present"] figure svg');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `docs/screenshots/present-slide-${tag}.png` });
      await page.keyboard.press('Escape');
      // The printed report: print media at A4's width (794 CSS px), the first page and an indicator page.
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      await page.waitForSelector('[data-testid="print-report"][data-active="true"] figure svg');
      await page.evaluate(() => scrollTo(0, 0));
      if (review) await page.screenshot({ path: join(review, `print-${tag}.png`) });
      const report = await page.pdf({ format: 'A4', printBackground: true });
      if (review) {
        await page.locator('[data-testid="report-traffic_share"]').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(review, `print-section-${tag}.png`) });
        writeFileSync(join(review, `report-${tag}.pdf`), report);
      }
      if (lang === 'zh-CN') printedPages(report);
      await page.emulateMedia({ media: 'screen' });
      // A slide export (PNG 1920 × 1080).
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.locator('#cell-base_stations_per_10k figure').scrollIntoViewIfNeeded();
      await page.click('[data-testid="export-base_stations_per_10k"]');
      const [d] = (await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid="export-slide-base_stations_per_10k"]'),
      ])) as [Download, void];
      await d.saveAs(`docs/screenshots/slide-export-${tag}.png`);
      if (lang === 'zh-CN') await deckThumbnail(page, 'docs/screenshots/deck-zh.png');
      if (review) {
        const [deck] = (await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.click('[data-testid="export-deck"]'),
        ])) as [Download, void];
        await deck.saveAs(join(review, deck.suggestedFilename()));
      }
      if (errors.length) console.error(tag, errors);
      await context.close();
      console.log('wrote present, print and slide screenshots', tag);
    }
    // The page at a phone's and a desktop's width, scrolled to a chart (time axes).
    if (review)
      for (const width of [375, 1440]) {
        const { page, context } = await openPage(h, '', {
          locale: lang === 'en' ? 'en-US' : 'zh-CN',
          viewport: { width, height: 900 },
        });
        await waitForResult(page);
        await page.locator('#cell-users figure').scrollIntoViewIfNeeded();
        await page.waitForSelector('#cell-users figure svg');
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(review, `page-${width}-${tag}.png`) });
        await context.close();
      }
  }
  // The Embed dialog with its live preview.
  if (!deckOnly) {
    const { page, context } = await openPage(h, '', { locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    await waitForResult(page);
    await page.click('[data-testid="open-embed"]');
    await page.check('[data-testid="embed-controls"]');
    await page.frameLocator('[data-testid="embed-preview-frame"]').locator('figure svg').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'docs/screenshots/embed-dialog-zh.png' });
    await context.close();
  }
} finally {
  await h.close();
}
