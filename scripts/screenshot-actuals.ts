/**
 * Takes the README's screenshots of the actuals and the backtest: `npm run build && npx tsx scripts/screenshot-actuals.ts`.
 * A fan chart with the figures published after the as-of date, and the Backtest view's coverage table and charts.
 */
import { startHarness, openPage, waitForResult } from '../tools/harness';

const h = await startHarness();
try {
  {
    const { page, context, errors } = await openPage(h, '', {
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    await waitForResult(page);
    const cell = page.locator('#cell-base_stations_per_10k');
    await cell.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelectorAll('#cell-base_stations_per_10k svg g.actual-dots > *').length > 0,
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(500);
    await cell.screenshot({ path: 'docs/screenshots/actuals-zh.png' });
    if (errors.length) console.error('actuals', errors);
    await context.close();
    console.log('wrote docs/screenshots/actuals-zh.png');
  }
  {
    const { page, context, errors } = await openPage(h, '', {
      locale: 'en-US',
      viewport: { width: 1280, height: 1000 },
    });
    await waitForResult(page);
    await page.locator('[data-testid="backtest-view"] summary').click();
    await page.click('[data-testid="run-backtest"]');
    await page.locator('[data-testid="backtest-done"]').waitFor({ timeout: 180_000 });
    await page.locator('[data-testid="evolution-base_stations_per_10k"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await page.locator('[data-testid="backtest"]').screenshot({ path: 'docs/screenshots/backtest-en.png' });
    if (errors.length) console.error('backtest', errors);
    await context.close();
    console.log('wrote docs/screenshots/backtest-en.png');
  }
} finally {
  await h.close();
}
