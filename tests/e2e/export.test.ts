/**
 * Exports in real Chromium under the app's CSP: a fan chart and the scorecard as PNG (2× pixels and a 1920 × 1080
 * slide, checked from the PNG's IHDR chunk) and as SVG (well formed, with the title, Chinese text, the share link and
 * the model and data versions), a chart's bands as CSV (equal to Node's run) and the scenario as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { DATA_VERSION, MODEL_VERSION, runModel } from '../../src/model';
import { PRESETS } from '../../src/scenario/presets';
import { importScenarioJson } from '../../src/scenario/file';
import { chartCsv } from '../../src/export/csv';
import { exportFileName } from '../../src/ui/export/filename';
import { translator } from '../../src/i18n';

const named = (part: string, ext: string, suffix?: string) =>
  exportFileName({ title: TITLE, presetName: '', part, date: new Date(), ext, suffix });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Width and height of a PNG, from its IHDR chunk (after checking the signature). */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function download(page: Page, testid: string): Promise<{ name: string; body: Buffer }> {
  const [d] = (await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click(`[data-testid="${testid}"]`),
  ])) as [Download, void];
  const body = readFileSync((await d.path())!);
  // EXPORT_DIR=… keeps the files, to look at them.
  if (process.env.EXPORT_DIR) writeFileSync(join(process.env.EXPORT_DIR, d.suggestedFilename()), body);
  return { name: d.suggestedFilename(), body };
}

const TITLE = '出口测试 Export test';

describe('export', () => {
  it('exports a fan chart as PNG (2× and slide), SVG, CSV and JSON', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.reload();
    await waitForResult(page);
    await page.fill('[data-testid="title"]', TITLE);
    await page.waitForTimeout(400);
    const link = await page.evaluate(() => location.href);
    await page.locator('#cell-traffic_share figure').scrollIntoViewIfNeeded();
    await page.click('[data-testid="export-traffic_share"]');

    const svg = await download(page, 'export-svg-traffic_share');
    expect(svg.name).toBe(named('5G网络接入流量占比', 'svg'));
    expect(svg.name).toMatch(/^出口测试-Export-test-5G网络接入流量占比-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = svg.body.toString('utf8');
    expect(text).toContain(TITLE);
    expect(text).toContain('5G网络接入流量占比');
    expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(text).toContain(`href="${link}"`);
    expect(text).toContain(`模型 ${MODEL_VERSION}`);
    expect(text).toContain(`数据 ${DATA_VERSION}`);
    expect(text).toContain('font-family="system-ui');
    // The stamp lists the assumptions changed from the preset (none: only the title changed).
    expect(text).toContain('与预设不同的假设：无');
    // Well formed, and holds the Plot chart (its band areas and central line).
    expect(
      await page.evaluate(
        (s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null,
        text,
      ),
    ).toBe(true);
    expect(text).toMatch(/aria-label="area"/);
    const [, w, hgt] = /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)"/
      .exec(text)!
      .map(Number);
    expect(w).toBe(1000);

    const png = await download(page, 'export-png-traffic_share');
    expect(png.name).toBe(named('5G网络接入流量占比', 'png'));
    expect(pngSize(png.body)).toEqual({ width: 2 * w, height: 2 * hgt });
    expect(png.body.length).toBeGreaterThan(50_000);

    const slide = await download(page, 'export-slide-traffic_share');
    expect(slide.name).toBe(named('5G网络接入流量占比', 'png', '-1920x1080'));
    expect(pngSize(slide.body)).toEqual({ width: 1920, height: 1080 });

    const csv = await download(page, 'export-csv-traffic_share');
    expect(csv.name).toBe(named('5G网络接入流量占比', 'csv'));
    // Only the title changed: the bands are those of the baseline (rounded), with a BOM and Chinese headers.
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.toString('utf8')).toBe(
      chartCsv(runModel(PRESETS[0].scenario).outputs.traffic_share, 'traffic_share', 'zh-CN', translator('zh-CN')),
    );

    const json = await download(page, 'export-json-traffic_share');
    const parsed = importScenarioJson(json.body.toString('utf8'));
    expect(parsed.ok && parsed.scenario.title).toBe(TITLE);

    console.log(
      `export sizes: PNG 2× ${png.body.length} B (${2 * w}×${2 * hgt}), PNG slide ${slide.body.length} B, SVG ${svg.body.length} B, CSV ${csv.body.length} B`,
    );
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the scorecard as PNG (2× and slide) and SVG', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await page.fill('[data-testid="title"]', TITLE);
    await page.waitForTimeout(400);
    const link = await page.evaluate(() => location.href);
    await page.click('[data-testid="export-scorecard"]');
    const svg = await download(page, 'export-svg-scorecard');
    const text = svg.body.toString('utf8');
    expect(text).toContain(TITLE);
    expect(text).toContain('Scorecard');
    // Names may wrap onto two lines: read the text without its markup.
    const plain = text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(plain).toContain('5G personal user penetration');
    expect(plain).toContain('regional demonstration benchmarks');
    expect(text).toContain(`href="${link}"`);
    expect(text).toContain(`Model ${MODEL_VERSION}`);
    expect(
      await page.evaluate(
        (s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null,
        text,
      ),
    ).toBe(true);
    const [, w, hgt] = /width="(\d+)" height="(\d+)"/.exec(text)!.map(Number);
    const png = await download(page, 'export-png-scorecard');
    expect(pngSize(png.body)).toEqual({ width: 2 * w, height: 2 * hgt });
    const slide = await download(page, 'export-slide-scorecard');
    expect(pngSize(slide.body)).toEqual({ width: 1920, height: 1080 });
    console.log(
      `scorecard sizes: PNG 2× ${png.body.length} B (${2 * w}×${2 * hgt}), PNG slide ${slide.body.length} B, SVG ${svg.body.length} B`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
