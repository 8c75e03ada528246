/**
 * The analysis panel in real headless Chromium on the production build: closed by default with the model-free
 * on-track badge visible; opened, it asks its own worker for the goal seek, tornado and calibration; "Apply" sets the
 * lever so the scorecard's verdict flips to met; the lever select, the probability level (validated) and the keyboard
 * work; the users fit carries its ill-conditioning warning; outputs with one point say so. No console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const BS = 'base_stations_per_10k';
const pOf = (page: Page, id: string) => page.getAttribute(`[data-testid="pmet-${id}"]`, 'data-p').then(Number);

async function openPanel(page: Page, id: string) {
  const panel = page.locator(`[data-testid="analysis-${id}"]`);
  await panel.locator(':scope > summary').scrollIntoViewIfNeeded();
  await panel.locator(':scope > summary').click();
  await page.locator(`[data-testid="gs-central-${id}"]`).waitFor({ timeout: 60_000 });
  return panel;
}

describe('analysis panel', () => {
  it('answers what base stations need, and Apply flips the verdict to met', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    const g0 = await waitForResult(page);
    expect(await page.locator(`[data-testid="verdict-badge-${BS}"]`).innerText()).toBe('未达标');
    const before = await pOf(page, BS);

    // Closed by default: nothing ran, but the on-track badge is visible beside the model's verdict.
    const panel = page.locator(`[data-testid="analysis-${BS}"]`);
    expect(await panel.getAttribute('open')).toBeNull();
    expect(await page.locator(`[data-testid="gs-central-${BS}"]`).count()).toBe(0);
    await panel.locator(':scope > summary').scrollIntoViewIfNeeded();
    expect(await page.locator(`[data-testid="ontrack-${BS}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[data-testid="ontrack-${BS}"]`).innerText()).toBe('进度正常');
    expect(await panel.locator(':scope > summary').innerText()).toContain('未达标');

    await openPanel(page, BS);
    const central = page.locator(`[data-testid="gs-central-${BS}"]`);
    expect(await central.getAttribute('data-status')).toBe('reachable');
    expect(Number(await central.getAttribute('data-value'))).toBe(640000);
    expect(await central.innerText()).toMatch(/^达标需要年新建基站 ≥ 64万站\/年（当前为60万站\/年）/);
    const prob = page.locator(`[data-testid="gs-prob-${BS}"]`);
    expect(await prob.innerText()).toMatch(/达标概率达到80%/);
    expect(Number(await prob.getAttribute('data-value'))).toBeGreaterThan(640000);
    expect(await panel.locator('[aria-live="polite"]').count()).toBe(1);

    // The tornado: drawn, buildAnnual ranked first, on the chart and in its table.
    const tornado = page.locator(`[data-testid="tornado-${BS}"]`);
    await tornado.scrollIntoViewIfNeeded();
    await expect.poll(() => tornado.locator('svg').count()).toBeGreaterThan(0);
    const firstTick = await tornado.locator('svg g[aria-label="y-axis tick label"] text').first().textContent();
    expect(firstTick).toBe('年新建基站');
    await page.locator(`[data-testid="sensitivity-${BS}"] summary`).click();
    expect(await page.locator(`[data-testid="tornado-table-${BS}"] tbody tr`).first().getAttribute('data-param')).toBe(
      'buildAnnual',
    );

    // Calibration of the build-out: quality, chart and leave-out table.
    expect(await page.locator(`[data-testid="fit-quality-${BS}"]`).innerText()).toMatch(/RMSE .+ · R² 0\.\d+/);
    await page.locator(`[data-testid="fit-chart-${BS}"]`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(`[data-testid="fit-chart-${BS}"] svg`).count()).toBeGreaterThan(0);
    expect(await page.locator(`[data-testid="leave-out-${BS}"] tbody tr`).count()).toBe(3);

    // Apply the central answer: the lever moves, the verdict flips to met and P(met) rises.
    await page.locator(`[data-testid="gs-apply-${BS}"]`).click();
    await waitForResult(page, g0 + 1);
    expect(await page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('640000');
    await expect.poll(() => page.locator(`[data-testid="verdict-badge-${BS}"]`).innerText()).toBe('达标');
    expect(await pOf(page, BS)).toBeGreaterThan(before);
    // The open panel re-runs for the changed scenario: now the target is met with the lever where it is.
    await expect
      .poll(() => central.innerText(), { timeout: 30_000 })
      .toMatch(/^只要年新建基站保持 ≥ 64万站\/年即可达标（当前为64万站\/年）/);
    await expect.poll(() => page.locator(`[data-testid="an-verdict-${BS}"]`).innerText()).toBe('达标');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('warns that the users fit is ill-conditioned and says why; one-point outputs cannot be fitted', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await openPanel(page, 'users');
    const warning = page.locator('[data-testid="fit-warning-users"]');
    await warning.waitFor();
    const text = await warning.innerText();
    expect(text).toContain('The data are not enough to pin these values down');
    expect(text).toContain('ill-conditioned');
    expect(text).toMatch(/early S-curve: the last observation is 25\.8 % of the market potential/);
    expect(text).toMatch(/large uncertainty: Imitation coefficient q = 0\.01378 ± /);
    expect(await page.locator('[data-testid="fitted-users-bassQ"]').innerText()).toMatch(/^0\.01378 per month/);
    expect(await page.locator('[data-testid="gs-central-users"]').innerText()).toBe(
      'Already met across the whole allowed range of Imitation coefficient q.',
    );
    expect(await page.locator('[data-testid="ontrack-users"]').innerText()).toBe('on track');

    await openPanel(page, 'traffic_share');
    expect(await page.locator('[data-testid="cal-unfitted-traffic_share"]').innerText()).toMatch(
      /^One observation only \(5G share of mobile internet access traffic, May 2021\): the model starts from it and reproduces it exactly, but a single point cannot be fitted/,
    );
    expect(await page.locator('[data-testid="ontrack-traffic_share"]').innerText()).toBe('no data');
    await openPanel(page, 'iot_growth');
    expect(await page.locator('[data-testid="cal-unfitted-iot_growth"]').innerText()).toMatch(
      /^No observed series exists/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is keyboard operable: open with Enter, change the lever and the probability level (validated 1–99)', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    const summary = page.locator(`[data-testid="analysis-${BS}"] > summary`);
    await summary.scrollIntoViewIfNeeded();
    await summary.focus();
    await page.keyboard.press('Enter');
    const central = page.locator(`[data-testid="gs-central-${BS}"]`);
    await central.waitFor({ timeout: 60_000 });
    expect(await central.innerText()).toMatch(
      /^Annual additions must be ≥ 640,000 stations per year to meet the target \(now 600,000 stations per year\)/,
    );

    const level = page.locator(`[data-testid="gs-level-${BS}"]`);
    await level.fill('150');
    await level.press('Enter');
    await expect.poll(() => page.locator(`#gs-level-msg-${BS}`).innerText()).toContain('from 1 to 99');
    expect(await level.getAttribute('aria-invalid')).toBe('true');
    await level.fill('50');
    await level.press('Enter');
    const prob = page.locator(`[data-testid="gs-prob-${BS}"]`);
    await expect.poll(() => prob.innerText()).toMatch(/lifts P\(met\) to 50 % or more/);
    expect(await page.locator(`#gs-level-msg-${BS}`).innerText()).toBe('');
    expect(await level.getAttribute('aria-invalid')).toBeNull();

    await page.locator(`[data-testid="gs-lever-${BS}"]`).selectOption('buildGrowth');
    await expect
      .poll(() => central.innerText())
      .toMatch(/^Change in annual additions must be ≥ [\d.]+ % per year to meet the target \(now 0 % per year\)/);
    await expect.poll(() => prob.innerText()).toMatch(/^Change in annual additions ≥ .+ lifts P\(met\) to 50 %/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
