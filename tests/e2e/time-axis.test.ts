/**
 * Time axes never overlap: the tick label boxes of every chart on the page (zh-CN and en, 320 to 1920 px wide), of
 * an embedded chart, of present mode at 1920 × 1080 and of a slide export (1920 × 1080 SVG) are measured in Chromium,
 * and no two labels of one axis may intersect; nor may any two texts of a chart (the other axis, the target's label, an
 * export's legend and stamp).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { OUTPUT_IDS } from '../../src/model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface AxisReport {
  axes: number;
  labels: number;
  overlaps: string[];
}

/** Measures the x-axis tick labels of every Plot chart under `selector`; reports intersecting neighbours. */
function measure(page: Page, selector = 'body'): Promise<AxisReport> {
  return page.evaluate((sel) => {
    const out: AxisReport = { axes: 0, labels: 0, overlaps: [] };
    for (const root of document.querySelectorAll(sel))
      for (const g of root.querySelectorAll('[aria-label="x-axis tick label"]')) {
        const boxes = [...g.querySelectorAll('text')]
          .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
          .filter((b) => b.r.width > 0)
          .sort((a, b) => a.r.left - b.r.left);
        out.axes++;
        out.labels += boxes.length;
        for (let i = 1; i < boxes.length; i++) {
          const a = boxes[i - 1].r;
          const b = boxes[i].r;
          const vertical = a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          if (vertical && b.left < a.right - 0.5)
            out.overlaps.push(`${boxes[i - 1].text} | ${boxes[i].text} (${Math.round(a.right - b.left)} px)`);
        }
      }
    // No text of a chart may touch another: tick labels of both axes, the target's label, and (in a composed
    // export) the title, legend and stamp around the chart.
    for (const root of document.querySelectorAll(sel))
      for (const svg of root.querySelectorAll('svg')) {
        if (svg.parentElement?.closest('svg') || !svg.querySelector('[aria-label="x-axis tick label"]')) continue;
        const texts = [...svg.querySelectorAll('text')]
          .map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }))
          .filter((b) => b.r.width > 0 && b.r.height > 0 && b.text !== '');
        for (let i = 0; i < texts.length; i++)
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i].r;
            const b = texts[j].r;
            const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (dx > 0.5 && dy > 0.5) out.overlaps.push(`text: ${texts[i].text} | ${texts[j].text}`);
          }
      }
    return out;
  }, selector);
}

/** Scrolls every fan chart of the page into view until it has drawn. */
async function drawAll(page: Page): Promise<void> {
  for (const id of OUTPUT_IDS) {
    const fig = page.locator(`#cell-${id} figure`).first();
    await fig.scrollIntoViewIfNeeded();
    await expect
      .poll(() => fig.locator('svg [aria-label="x-axis tick label"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
  }
}

const WIDTHS = [320, 375, 768, 1440, 1920];

describe('time axes', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`never overlap on the page in ${lang} from 320 to 1920 px`, async () => {
      const { page, context, errors } = await openPage(h, '', {
        locale: lang === 'en' ? 'en-US' : 'zh-CN',
        viewport: { width: 1920, height: 1000 },
      });
      await waitForResult(page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 1000 });
        await page.waitForTimeout(150);
        await drawAll(page);
        // Let redraws at the new width settle.
        await page.waitForTimeout(300);
        await drawAll(page);
        const r = await measure(page, '#cells');
        expect(r.axes, `${lang} ${width}px`).toBeGreaterThanOrEqual(OUTPUT_IDS.length);
        expect(r.overlaps, `${lang} ${width}px`).toEqual([]);
        console.log(`time axes ${lang} ${width}px: ${r.axes} axes, ${r.labels} labels, no overlap`);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('never overlap in an embed, in present mode and in a slide export', async () => {
    for (const width of [320, 960, 1200]) {
      const { page, context, errors } = await openPage(h, '?embed=1&view=chart&indicator=users&lang=zh-CN', {
        viewport: { width, height: 900 },
      });
      await expect
        .poll(() => page.locator('[data-testid="embed"] svg [aria-label="x-axis tick label"]').count(), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      const r = await measure(page, '[data-testid="embed"]');
      expect(r.overlaps, `embed ${width}px`).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }

    const { page, context, errors } = await openPage(h, '', {
      locale: 'zh-CN',
      viewport: { width: 1920, height: 1080 },
    });
    await waitForResult(page);
    await page.click('[data-testid="open-present"]');
    await expect.poll(() => page.locator('[data-testid="present"]').getAttribute('data-indicator')).toBe('overview');
    for (let i = 0; i < OUTPUT_IDS.length; i++) {
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.locator('[data-testid="present"]').getAttribute('data-indicator'))
        .toBe(OUTPUT_IDS[i]);
      await expect
        .poll(() => page.locator('[data-testid="present"] svg [aria-label="x-axis tick label"]').count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      expect((await measure(page, '[data-testid="present"]')).overlaps, `present ${OUTPUT_IDS[i]}`).toEqual([]);
    }
    await page.keyboard.press('Escape');

    // The slide export, as SVG: laid out in a page of its own at 1920 × 1080 and measured.
    await page.locator('#cell-user_penetration figure').scrollIntoViewIfNeeded();
    await page.click('[data-testid="export-user_penetration"]');
    const [d] = (await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.click('[data-testid="export-slide-svg-user_penetration"]'),
    ])) as [Download, void];
    expect(d.suggestedFilename()).toMatch(/-1920x1080\.svg$/);
    const svg = readFileSync((await d.path())!, 'utf8');
    const slide = await context.newPage();
    await slide.setViewportSize({ width: 1920, height: 1080 });
    await slide.setContent(
      `<!doctype html><html lang="zh-CN"><body style="margin:0">${svg.replace(/^<\?xml[^>]*\?>/, '')}</body></html>`,
    );
    const r = await measure(slide);
    expect(r.axes).toBe(1);
    expect(r.labels).toBeGreaterThan(3);
    expect(r.overlaps).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
