/**
 * The Backtest view under the upgrade plan in real headless Chromium on the production build: before it runs it
 * already lists the targets that cannot be backtested, each with its reason (one official figure; no series); run,
 * it grades the four indicators the model shares with the 2021 plan against the figures published after each vintage
 * (coverage of the 50/80/90 % bands, error of the median, every graded figure), follows the forecast of each one's
 * latest published figure, and says there is no outcome yet at 2027年12月 instead of a Brier score. No console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { UPGRADE_BACKTEST_IDS } from '../../src/model/backtest';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const NOT = ['iot_connections', 'industrial_penetration_lm', 'edge_nodes', 'scale_cities'];

describe('the Backtest view under the upgrade plan', () => {
  it('grades the shared indicators, and says which targets cannot be backtested and why', async () => {
    const { page, context, errors } = await openPage(h, '#v2.upgrade-baseline', { locale: 'zh-CN' });
    const g0 = await waitForResult(page);
    // 2,000 samples a vintage keep the test short on a loaded machine; the arithmetic is the same.
    // (The field sits in the closed advanced settings: open the disclosure that holds it.)
    await page
      .locator('[data-testid="samples"]')
      .evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
    await page.locator('[data-testid="samples"]').fill('2000');
    await page.locator('[data-testid="samples"]').press('Enter');
    await waitForResult(page, g0 + 1);
    await page.locator('[data-testid="backtest-view"] summary').click();
    const view = page.locator('[data-testid="backtest"]');
    await view.waitFor();
    expect(await view.getAttribute('data-plan')).toBe('upgrade-2024');

    // Before any run: what the backtest covers, and the four targets it cannot grade, each with its reason.
    const note = await page.locator('[data-testid="backtest-plan-note"]').innerText();
    expect(note).toContain('2027年12月');
    expect(note).toContain('2024年10月');
    expect(note).toContain('5G移动电话用户 ÷ 人口');
    const list = page.locator('[data-testid="not-backtested"] li');
    expect(await list.count()).toBe(4);
    for (const id of NOT) {
      const li = page.locator(`[data-testid="not-backtested-${id}"]`);
      expect(await li.getAttribute('data-reason'), id).toBe(id === 'iot_connections' ? 'single-figure' : 'no-series');
    }
    expect(await page.locator('[data-testid="not-backtested-iot_connections"]').innerText()).toMatch(
      /^5G物联网终端连接数：只有一个官方数据（2024年3月超4,000万）/,
    );
    expect(await page.locator('[data-testid="not-backtested-edge_nodes"]').innerText()).toContain(
      '项目数据中没有它的官方序列',
    );

    await page.locator('[data-testid="run-backtest"]').click();
    await page.locator('[data-testid="backtest-done"]').waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid="backtest-done"]').innerText()).toMatch(/^14个数据版本，每个2,000次抽样/);

    // Coverage: a row per graded indicator, the overall and the nominal 50 %, 80 % and 90 %.
    const table = page.locator('[data-testid="coverage-table"]');
    expect(await table.locator('tbody tr').count()).toBe(UPGRADE_BACKTEST_IDS.length + 2);
    for (const id of UPGRADE_BACKTEST_IDS)
      expect(await page.locator(`[data-testid="coverage-${id}"]`).innerText(), id).toMatch(
        /\t[\d,]+\t\d+%\t\d+%\t\d+%/,
      );
    expect(await table.innerText()).toMatch(/名义\s+50%\s+80%\s+90%/);
    // The error of the median by horizon, and every graded figure behind a disclosure.
    expect(await page.locator('[data-testid="mape-median-table"] tbody tr').count()).toBe(5);
    const points = page.locator('[data-testid="points-base_stations_per_10k_2027"]');
    // Each indicator's graded figures behind a disclosure named after it, with their number.
    const toggle = page.locator('[data-testid="points-toggle-base_stations_per_10k_2027"]');
    expect(await toggle.locator('summary').innerText()).toMatch(/^每万人拥有5G基站数：显示所有评分数据（\d{3}）$/);
    expect(await points.count()).toBe(0);
    await toggle.locator('summary').click();
    await points.waitFor();
    expect(await points.locator('tbody tr').count()).toBeGreaterThan(100);
    expect(await points.locator('tbody tr').first().innerText()).toMatch(/^\d{4}年\d{1,2}月\t\d{4}年\d{1,2}月\t\d+\t/);

    // The evolution charts follow each indicator's latest published figure, drawn in green, with no target rule.
    for (const id of UPGRADE_BACKTEST_IDS) {
      const fig = page.locator(`[data-testid="evolution-${id}"]`);
      await fig.scrollIntoViewIfNeeded();
      await expect.poll(() => fig.locator('svg').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid="evolution-base_stations_per_10k_2027"] figcaption').innerText()).toContain(
      '2024年10月',
    );
    expect(await page.locator('[data-testid="evolution-base_stations_per_10k_2027"] svg').innerHTML()).toContain(
      '2024年10月公布值',
    );
    // No verdict and no P(met): no Brier table, a note instead.
    expect(await page.locator('[data-testid="brier-table"]').count()).toBe(0);
    expect(await page.locator('[data-testid="no-outcome-note"]').innerText()).toContain('2027年12月');

    // In English, the reasons read the same from the message tables.
    await page.selectOption('[data-testid="lang"]', 'en');
    await expect
      .poll(() => page.locator('[data-testid="not-backtested-iot_connections"]').innerText())
      .toMatch(/one official figure only \(over 40 million at Mar 2024\)/);
    expect(await page.locator('[data-testid="not-backtested-scale_cities"]').innerText()).toMatch(
      /no official series in the project’s data/,
    );
    expect(await page.locator('[data-testid="no-outcome-note"]').innerText()).toContain('Dec 2027');
    expect(errors).toEqual([]);
    await context.close();
  });
});
