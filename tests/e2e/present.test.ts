/**
 * Presentation mode in real Chromium: one indicator per slide with its chart and verdict, ArrowRight / PageDown /
 * Space / ArrowLeft move, the open slide is part of the share link (and a link opens on it), Escape leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from './harness';
import { decodeLink } from '../../src/scenario/link';
import { OUTPUT_IDS } from '../../src/model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('presentation', () => {
  it('presents one indicator per slide, moves with the arrow keys, keeps the slide in the link and leaves with Escape', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await page.click('[data-testid="open-present"]');
    const present = page.locator('[data-testid="present"]');
    await expect.poll(() => present.count()).toBe(1);
    expect(await present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[0]);
    expect(await page.locator('[data-testid="slide-number"]').innerText()).toBe(`1 / ${OUTPUT_IDS.length}`);
    await expect.poll(() => present.locator('figure svg').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[1]);
    expect(await page.locator('[data-testid="slide-number"]').innerText()).toBe(`2 / ${OUTPUT_IDS.length}`);
    expect(await present.locator('h2').innerText()).toBe('5G users');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Space');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[3]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => present.getAttribute('data-indicator')).toBe(OUTPUT_IDS[2]);
    // The open slide is part of the link, and the link opens on it.
    await expect
      .poll(() =>
        page.evaluate(() => location.hash).then((x) => {
          const r = decodeLink(x);
          return r.ok ? `${r.state.view.mode}:${r.state.view.indicator}` : '';
        }),
      )
      .toBe(`present:${OUTPUT_IDS[2]}`);
    const link = await page.evaluate(() => location.href);
    const other = await openPage(h, link.slice(h.url.length), { locale: 'en-US' });
    await expect.poll(() => other.page.locator('[data-testid="present"]').getAttribute('data-indicator')).toBe(OUTPUT_IDS[2]);
    await other.context.close();
    await page.keyboard.press('Escape');
    await expect.poll(() => present.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => location.hash).then((x) => decodeLink(x).ok && (decodeLink(x) as { state: { view: { mode: string } } }).state.view.mode)).toBe('notebook');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await context.close();
  });
});
