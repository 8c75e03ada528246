/**
 * Presentation mode in real Chromium at 1920 × 1080: the overview (scorecard) first, then one indicator per slide
 * with its chart and verdict; type readable from the back of a room (title ≥ 40 px, axis labels ≥ 18 px), a
 * percentage axis ending at 100, the source stamp on every slide; ArrowRight / PageDown / Space / ArrowLeft /
 * Home / End move, the open slide is part of the share link (and a link opens on it), Escape leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { decodeLink } from '../../src/scenario/link';
import { OUTPUT_IDS } from '../../src/model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TOTAL = OUTPUT_IDS.length + 1;

describe('presentation', () => {
  it('opens on the overview, moves with the keys, keeps the slide in the link and leaves with Escape', async () => {
    const { page, context, errors } = await openPage(h, '', {
      locale: 'en-US',
      viewport: { width: 1920, height: 1080 },
    });
    await waitForResult(page);
    await page.click('[data-testid="open-present"]');
    const present = page.locator('[data-testid="present"]');
    await expect.poll(() => present.count()).toBe(1);
    expect(await present.getAttribute('data-indicator')).toBe('overview');
    expect(await page.locator('[data-testid="slide-number"]').innerText()).toBe(`1 / ${TOTAL}`);
    expect(await page.locator('[data-testid="present-score"] tbody tr').count()).toBe(OUTPUT_IDS.length);
    const titleSize = () => present.locator('h2').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await titleSize()).toBeGreaterThanOrEqual(40);
    expect(await page.locator('[data-testid="present-stamp"]').innerText()).toMatch(
      /Source: .*Model .*seed .*Assumptions changed from the preset: None/,
    );

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[0]);
    expect(await page.locator('[data-testid="slide-number"]').innerText()).toBe(`2 / ${TOTAL}`);
    await expect.poll(() => present.locator('figure svg').count()).toBeGreaterThan(0);
    expect(await titleSize()).toBeGreaterThanOrEqual(40);
    // Axis labels at least 18 px on screen; a percentage axis ends at 100; few gridlines.
    const axis = await present
      .locator('figure svg')
      .first()
      .evaluate((svg) => {
        const sizes = [...svg.querySelectorAll('[aria-label$="tick label"] text')].map(
          (t) => t.getBoundingClientRect().height,
        );
        const y = [...svg.querySelectorAll('[aria-label="y-axis tick label"] text')].map((t) => t.textContent ?? '');
        const grid = svg.querySelectorAll('[aria-label="y-grid"] line').length;
        return { fontSize: parseFloat(getComputedStyle(svg).fontSize), minH: Math.min(...sizes), y, grid };
      });
    expect(axis.fontSize).toBeGreaterThanOrEqual(18);
    expect(axis.minH).toBeGreaterThanOrEqual(18);
    expect(axis.y[axis.y.length - 1]).toBe('100%');
    expect(axis.grid).toBeLessThanOrEqual(6);
    expect(await page.locator('[data-testid="present-stamp"]').isVisible()).toBe(true);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[1]);
    expect(await present.locator('h2').innerText()).toBe('5G users');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Space');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[3]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[2]);
    // The open slide is part of the link, and the link opens on it.
    await expect
      .poll(() =>
        page
          .evaluate(() => location.hash)
          .then((x) => {
            const r = decodeLink(x);
            return r.ok ? `${r.state.view.mode}:${r.state.view.indicator}` : '';
          }),
      )
      .toBe(`present:${OUTPUT_IDS[2]}`);
    const link = await page.evaluate(() => location.href);
    const other = await openPage(h, link.slice(h.url.length), { locale: 'en-US' });
    await expect
      .poll(() => other.page.locator('[data-testid="present"]').getAttribute('data-indicator'))
      .toBe(OUTPUT_IDS[2]);
    await other.context.close();
    await page.keyboard.press('End');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[OUTPUT_IDS.length - 1]);
    expect(await page.locator('[data-testid="slide-number"]').innerText()).toBe(`${TOTAL} / ${TOTAL}`);
    await page.keyboard.press('Home');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe('overview');
    await page.keyboard.press('Escape');
    await expect.poll(() => present.count()).toBe(0);
    await expect
      .poll(() =>
        page
          .evaluate(() => location.hash)
          .then((x) => decodeLink(x).ok && (decodeLink(x) as { state: { view: { mode: string } } }).state.view.mode),
      )
      .toBe('notebook');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await context.close();
  });
});
