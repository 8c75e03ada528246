/**
 * Actuals and the backtest in real Chromium: the fan charts draw the figures published after the as-of date as their
 * own series (with a toggle), the scorecard has its actual column, and the Backtest view runs every vintage in
 * workers with progress, then draws the forecast-evolution charts and the coverage table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('actuals', () => {
  it('draws the actuals on the fan charts, toggles them, and fills the actual column of the scorecard', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    await waitForResult(page);
    // The scorecard: the official 2023-12 outcomes, and none where there is no official series.
    await expect.poll(() => page.locator('[data-testid="actual-users"]').innerText()).toMatch(/8\.05亿/);
    expect(await page.locator('[data-testid="actual-verdict-base_stations_per_10k"]').innerText()).toMatch(
      /达标.*2023年3月/,
    );
    expect(await page.locator('[data-testid="actual-industrial_penetration"]').innerText()).toBe('无官方结果');
    expect(await page.locator('[data-testid="forecast-right-industrial_penetration"]').getAttribute('data-right')).toBe(
      'none',
    );
    // The July-2021 baseline said "missed" for base stations per 10,000; they were met: the forecast was wrong.
    expect(await page.locator('[data-testid="forecast-right-base_stations_per_10k"]').getAttribute('data-right')).toBe(
      'wrong',
    );
    // The fan chart of base stations: green diamonds (the actuals) and the legend entry.
    const cell = page.locator('#cell-base_stations_per_10k');
    await cell.scrollIntoViewIfNeeded();
    // `actual-dots` is the className fan-chart.ts gives the Plot mark (Plot's SVG has no markup of ours to tag).
    const diamonds = cell.locator('svg g.actual-dots > *');
    await expect.poll(() => diamonds.count(), { timeout: 20_000 }).toBeGreaterThan(20);
    expect(await cell.locator('[data-testid="fan-legend"]').innerText()).toContain('基准日后公布的实际值');
    // The toggle is at the top of the page: the chart redraws when it is back in view.
    await page.locator('[data-testid="toggle-actuals"]').uncheck();
    await cell.scrollIntoViewIfNeeded();
    await expect.poll(() => diamonds.count(), { timeout: 20_000 }).toBe(0);
    expect(await cell.locator('[data-testid="fan-legend"]').innerText()).not.toContain('基准日后公布的实际值');
    await page.locator('[data-testid="toggle-actuals"]').check();
    await cell.scrollIntoViewIfNeeded();
    await expect.poll(() => diamonds.count(), { timeout: 20_000 }).toBeGreaterThan(20);
    // Users on the connections metric say how the later phone users are shown.
    await page.locator('#cell-users').scrollIntoViewIfNeeded();
    expect(await page.locator('[data-testid="bridge-note-users"]').innerText()).toMatch(/0\.695/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the Backtest view', () => {
  it('runs every vintage in workers with progress, draws the evolution charts and the coverage table', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await page.locator('[data-testid="backtest-view"] summary').click();
    const run = page.locator('[data-testid="run-backtest"]');
    await run.waitFor();
    const t0 = Date.now();
    await run.click();
    await page
      .locator('[data-testid="backtest-progress"]')
      .waitFor({ timeout: 10_000 })
      .catch(() => {});
    await page.locator('[data-testid="backtest-done"]').waitFor({ timeout: 120_000 });
    const ms = Date.now() - t0;
    console.log(
      `backtest in the browser: ${ms} ms (${await page.locator('[data-testid="backtest-done"]').innerText()})`,
    );
    expect(await page.locator('[data-testid="backtest-done"]').innerText()).toMatch(/^14 vintages × 10,000 samples/);
    // The coverage table: a row per indicator, the overall and the nominal.
    const table = page.locator('[data-testid="coverage-table"]');
    expect(await table.locator('tbody tr').count()).toBe(7);
    expect(await page.locator('[data-testid="coverage-overall"]').innerText()).toMatch(
      /Overall\s+[\d,]+\s+\d+ %\s+\d+ %/,
    );
    expect(await table.innerText()).toMatch(/Nominal\s+50 %\s+80 %\s+90 %/);
    // One evolution chart per indicator, with the actual line drawn.
    for (const id of ['users', 'base_stations_per_10k', 'industry_vpn']) {
      const fig = page.locator(`[data-testid="evolution-${id}"]`);
      await fig.scrollIntoViewIfNeeded();
      await expect.poll(() => fig.locator('svg').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid="evolution-users"] svg').innerHTML()).toMatch(/Actual 2023-12/);
    // The empirical bands can be shown instead, and the chart says which ones are in use.
    await page.locator('[data-testid="bands-empirical"]').check();
    await expect
      .poll(() => page.locator('[data-testid="evolution-users"] figcaption').innerText())
      .toMatch(/empirical/);
    expect(await page.locator('[data-testid="mape-table"] tbody tr').count()).toBe(6);
    expect(await page.locator('[data-testid="brier-overall"]').innerText()).toMatch(/^0\.\d{3}$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
