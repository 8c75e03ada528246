/**
 * The printed report in real Chromium: with print media emulated (as Ctrl+P and "Save as PDF" do) the page becomes
 * a report with every output's fan chart drawn, the summary, the scorecard, the assumptions changed from the preset,
 * and a stamp with the share link and its QR code; no control, button or dialog is visible; page.pdf() writes an A4
 * PDF. The "Print / PDF report" button prepares the report and then calls print().
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { encodeLink } from '../../src/scenario/link';
import { defaultLinkState } from '../../src/scenario/link-state';
import { OUTPUT_IDS, PARAMS } from '../../src/model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A scenario with a title and one assumption changed from the baseline (the base-station build-out). */
function changedLink(lang: 'zh-CN' | 'en'): string {
  const s = defaultLinkState(lang);
  s.scenario.title = lang === 'zh-CN' ? '基站加快建设' : 'Faster build-out';
  const p = PARAMS.buildGrowth;
  s.scenario.params.buildGrowth.value = Math.min(p.max, s.scenario.params.buildGrowth.value + 10 * p.step);
  return encodeLink(s);
}

describe('printed report', () => {
  it('prints every chart, the changes, the link and its QR code, and no control', async () => {
    const hash = changedLink('zh-CN');
    const { page, context, errors } = await openPage(h, hash, { locale: 'zh-CN' });
    await waitForResult(page);
    // The page's own charts below the fold are not drawn: the report must draw its own.
    await page.emulateMedia({ media: 'print' });
    const report = page.locator('[data-testid="print-report"][data-active="true"]');
    await expect.poll(() => report.count(), { timeout: 20_000 }).toBe(1);
    for (const id of OUTPUT_IDS) {
      const section = page.locator(`[data-testid="report-${id}"]`);
      expect(await section.isVisible()).toBe(true);
      // Drawn: the bands, the central line and the axes are there, at a real size.
      const drawn = await section.locator('figure svg').evaluate((svg) => ({
        areas: svg.querySelectorAll('[aria-label="area"] path').length,
        lines: svg.querySelectorAll('[aria-label="line"] path').length,
        ticks: svg.querySelectorAll('[aria-label="x-axis tick label"] text').length,
        width: svg.getBoundingClientRect().width,
      }));
      expect(drawn.areas).toBeGreaterThanOrEqual(2);
      expect(drawn.lines).toBeGreaterThanOrEqual(1);
      expect(drawn.ticks).toBeGreaterThan(2);
      expect(drawn.width).toBeGreaterThan(500);
    }
    // No control of the page is visible in print.
    const visibleControls = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, textarea, dialog, details, [role="dialog"]')]
        .filter((e) => e.checkVisibility())
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(visibleControls).toEqual([]);
    expect(await page.locator('[data-testid="page-header"]').isVisible()).toBe(false);
    // The summary, the changed assumption (old → new), the stamp with the share link and its QR code.
    expect(await page.locator('[data-testid="report-summary"]').innerText()).toMatch(
      /项主要目标中\d+项达标；全部达标的概率为/,
    );
    const changes = await page.locator('[data-testid="report-changes"]').innerText();
    expect(changes).toContain('（每万人拥有5G基站数）：');
    expect(changes).toContain(' → ');
    expect(await page.locator('[data-testid="report-base_stations_per_10k"]').innerText()).toContain(
      '与预设不同的假设',
    );
    const stamp = await page.locator('[data-testid="report-stamp"]').innerText();
    const href = await page.evaluate(() => location.href);
    expect(stamp.replace(/\s/g, '')).toContain(href);
    expect(stamp).toMatch(/模型 .* 随机种子 \d+/);
    expect(await page.locator('[data-testid="report-qr"] svg path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    if (process.env.EXPORT_DIR) writeFileSync(join(process.env.EXPORT_DIR, 'report-zh.pdf'), pdf);
    console.log(`report PDF: ${pages} pages, ${pdf.length} B`);

    // Printing again after an edit prints the new state and its link, not the first one.
    await page.emulateMedia({ media: 'screen' });
    await page.fill('[data-testid="title"]', '第二版');
    await expect.poll(() => page.evaluate(() => location.href)).not.toBe(href);
    const href2 = await page.evaluate(() => location.href);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('[data-testid="report-title"]').innerText()).toBe('第二版');
    expect((await page.locator('[data-testid="report-stamp"]').innerText()).replace(/\s/g, '')).toContain(href2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the button prepares the report, then prints (English)', async () => {
    const { page, context, errors } = await openPage(h, changedLink('en'), { locale: 'en-US' });
    await page.addInitScript(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        const w = window as unknown as { __printed: number; __charts: number };
        w.__printed++;
        // What print() would lay out: the report, drawn, at that moment.
        w.__charts = document.querySelectorAll(
          '[data-testid="print-report"][data-active="true"] figure svg [aria-label="area"]',
        ).length;
      };
    });
    await page.reload();
    await waitForResult(page);
    await page.click('[data-testid="print-report-button"]');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed), { timeout: 20_000 })
      .toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __charts: number }).__charts)).toBeGreaterThanOrEqual(
      2 * OUTPUT_IDS.length,
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="report-changes"]').innerText()).toMatch(
      /Assumptions changed from the preset|→/,
    );
    expect(await page.locator('[data-testid="report-title"]').innerText()).toBe('Faster build-out');
    if (process.env.EXPORT_DIR)
      writeFileSync(
        join(process.env.EXPORT_DIR, 'report-en.pdf'),
        await page.pdf({ format: 'A4', printBackground: true }),
      );
    expect(errors).toEqual([]);
    await context.close();
  });
});
