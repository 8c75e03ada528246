/**
 * The notebook in real headless Chromium on the production build: the baseline runs in the worker and fills the
 * scorecard with the same figures as Node; keyboard and drag edits move verdicts the way the model says; language
 * switching; refused typed values keep the last good state; 375 px layout; no console errors anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, sliderThumb, type Harness } from '../../tools/harness';
import { PRESETS } from '../../src/scenario/presets';
import { runModel, OUTPUT_IDS } from '../../src/model';
import { formatValue, formatProb } from '../../src/i18n';
import type { Page } from 'playwright-core';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const pOf = (page: Page, id: string) => page.getAttribute(`[data-testid="pmet-${id}"]`, 'data-p').then(Number);

describe('notebook', () => {
  it('runs the baseline in the worker and shows the scorecard with the figures Node computes', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    await waitForResult(page);
    const node = runModel(PRESETS[0].scenario);
    for (const id of OUTPUT_IDS) {
      const row = page.locator(`[data-testid="score-${id}"]`);
      await expect.poll(() => row.count()).toBe(1);
      const text = await row.innerText();
      expect(text).toContain(formatValue(id, node.outputs[id].value, 'zh-CN'));
      expect(Number(await page.getAttribute(`[data-testid="pmet-${id}"]`, 'data-p'))).toBe(node.outputs[id].pMet);
      expect(text).toContain(node.outputs[id].verdict.met ? '达标' : '未达标');
    }
    expect(await page.locator('[data-testid="joint"]').innerText()).toContain(formatProb(node.pAllMet, 'zh-CN'));
    // One fan chart per output, drawn by Plot as SVG once the cell is on screen.
    for (const id of OUTPUT_IDS) {
      await page.locator(`#cell-${id} figure`).scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator(`#cell-${id} figure svg`).count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('raises P(met) of base stations when annual additions are raised with the keyboard', async () => {
    const { page, context, errors } = await openPage(h);
    const g0 = await waitForResult(page);
    const before = await pOf(page, 'base_stations_per_10k');
    const slider = page.locator('#p-buildAnnual-range');
    await slider.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await waitForResult(page, g0 + 1);
    await page.waitForTimeout(400); // let the settled full run land
    await waitForResult(page, g0 + 1);
    const value = await page.getAttribute('#p-buildAnnual-number', 'data-value');
    expect(Number(value)).toBe(600000 + 8 * 10000);
    const after = await pOf(page, 'base_stations_per_10k');
    expect(after).toBeGreaterThan(before);
    // And the verdict flips from missed to met (central 17.4 → above 18 per 10,000).
    await expect
      .poll(() => page.locator('[data-testid="verdict-badge-base_stations_per_10k"]').innerText())
      .toBe('达标');
    await expect.poll(() => page.locator('[data-testid="announce"]').innerText()).toContain('每万人拥有5G基站数');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lowers the traffic share while the ratio drift slider is dragged left, and the charts follow the drag', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g0 = await waitForResult(page);
    const before = await pOf(page, 'traffic_share');
    const { x: x0, y } = await sliderThumb(page, 'ratioDrift', 0.25, -0.2, 1.5);
    await page.mouse.move(x0, y);
    await page.mouse.down();
    const seen = new Set<number>();
    for (let i = 1; i <= 15; i++) {
      await page.mouse.move(x0 - i * 3, y);
      await page.waitForTimeout(30);
      seen.add(Number(await page.locator('[data-testid="status"]').getAttribute('data-generation')));
    }
    await page.mouse.up();
    // Results arrived during the drag (reduced sample count), not only after release.
    expect(seen.size).toBeGreaterThan(1);
    await page.waitForTimeout(400);
    await waitForResult(page, g0 + 2);
    const drift = Number(await page.getAttribute('#p-ratioDrift-number', 'data-value'));
    expect(drift).toBeLessThan(0.25);
    expect(await pOf(page, 'traffic_share')).toBeLessThan(before);
    expect(await page.locator('[data-testid="status"]').innerText()).toContain('10,000 samples');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches language: every heading, verdict and axis follows', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    await waitForResult(page);
    expect(await page.locator('#h-scorecard').innerText()).toBe('目标记分卡');
    await page.selectOption('[data-testid="lang"]', 'en');
    await expect.poll(() => page.locator('#h-scorecard').innerText()).toBe('Scorecard');
    expect(await page.locator('[data-testid="verdict-users"]').innerText()).toMatch(
      /^Meets the target \(> 560 million\) in \w{3} 2022/,
    );
    await page.locator('#cell-users figure').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#cell-users figure svg').first().textContent()).toContain('M');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('body').innerText()).not.toMatch(/达标|目标记分卡/);
    await page.selectOption('[data-testid="lang"]', 'zh-CN');
    await expect.poll(() => page.locator('[data-testid="verdict-users"]').innerText()).toContain('2023年12月达标概率');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses an invalid typed number with a message and keeps the charts in their last good state', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g0 = await waitForResult(page);
    await page.locator('#cell-users figure').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#cell-users figure svg').count()).toBeGreaterThan(0);
    const chartBefore = await page.locator('#cell-users figure').innerHTML();
    const pBefore = await pOf(page, 'users');
    const input = page.locator('#p-bassQ-number');
    await input.fill('abc');
    await input.press('Enter');
    await expect.poll(() => page.locator('#p-bassQ-msg').innerText()).toContain('“abc” is not a number');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('9');
    await input.press('Enter');
    await expect
      .poll(() => page.locator('#p-bassQ-msg').innerText())
      .toContain('Read as 9 per month: outside the allowed range. Allowed: 0 to 0.4 per month.');
    await page.waitForTimeout(300);
    // Nothing was run: same generation, same chart, same probability, slider still at the preset value.
    expect(Number(await page.locator('[data-testid="status"]').getAttribute('data-generation'))).toBe(g0);
    expect(await page.locator('#cell-users figure').innerHTML()).toBe(chartBefore);
    expect(await pOf(page, 'users')).toBe(pBefore);
    expect(await page.inputValue('#p-bassQ-range')).toBe('0.014');
    // A valid value is then accepted and clears the message.
    await input.fill('0.03');
    await input.press('Enter');
    await waitForResult(page, g0 + 1);
    expect(await page.locator('#p-bassQ-msg').innerText()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('scrolls to a cell when its scorecard row is clicked', async () => {
    const { page, context } = await openPage(h);
    await waitForResult(page);
    await page.click('[data-testid="score-industry_vpn"] a');
    await expect
      .poll(() => page.evaluate(() => document.getElementById('cell-industry_vpn')!.getBoundingClientRect().top))
      .toBeLessThan(100);
    await context.close();
  });

  it('fits a 375 px phone screen without horizontal scrolling of the page, once every chart has drawn', async () => {
    const { page, context, errors } = await openPage(h, '', { viewport: { width: 375, height: 812 } });
    await waitForResult(page);
    // Charts draw only near the screen: bring each cell's figure into view and wait for its SVG, then measure.
    for (const id of OUTPUT_IDS) {
      const figure = page.locator(`[data-testid="cell-${id}"] figure`);
      await figure.scrollIntoViewIfNeeded();
      await expect.poll(() => figure.locator('svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    await page.evaluate(() => scrollTo(0, 0));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // No element reaches past the right edge of the screen, unless a box that scrolls or clips it (a wide table's
    // wrapper) contains it.
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const contained = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      return [...document.body.querySelectorAll('*')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > width + 0.5 || r.width > width + 0.5) && !contained(el);
        })
        .map((el) => `${el.outerHTML.slice(0, 120)} (right ${Math.round(el.getBoundingClientRect().right)} px)`);
    });
    expect(wide).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
