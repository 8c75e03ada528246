/** Takes the README's screenshots of the production build: `npm run build && npx tsx scripts/screenshots.ts`. */
import { startHarness, openPage, waitForResult } from '../tools/harness';

const h = await startHarness();
try {
  const shots = [
    { file: 'docs/screenshots/desktop-zh.png', locale: 'zh-CN', viewport: { width: 1280, height: 900 }, full: false },
    { file: 'docs/screenshots/desktop-en.png', locale: 'en-US', viewport: { width: 1280, height: 900 }, full: false },
    { file: 'docs/screenshots/mobile-375-zh.png', locale: 'zh-CN', viewport: { width: 375, height: 812 }, full: false },
    {
      file: 'docs/screenshots/cell-en.png',
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
      full: false,
      cell: 'traffic_share',
    },
    {
      file: 'docs/screenshots/dark-en.png',
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
      full: false,
      dark: true,
      cell: 'users',
    },
  ];
  for (const s of shots) {
    const { page, context, errors } = await openPage(h, '', {
      locale: s.locale,
      viewport: s.viewport,
      colorScheme: s.dark ? 'dark' : 'light',
    });
    await waitForResult(page);
    if (s.cell) await page.locator(`#cell-${s.cell}`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: s.file, fullPage: s.full });
    if (errors.length) console.error(s.file, errors);
    await context.close();
    console.log('wrote', s.file);
  }

  // Sharing: the share bar with a title, and a comparison with a preset (overlays and the side-by-side table).
  {
    const { page, context, errors } = await openPage(h, '', {
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    await waitForResult(page);
    await page.fill('[data-testid="title"]', '加快基站建设 · 每年70万个');
    await page.fill('#p-buildAnnual-number', '700000');
    await page.press('#p-buildAnnual-number', 'Enter');
    await waitForResult(page, 2);
    await page.locator('h1').click();
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'docs/screenshots/share-zh.png' });
    await page.click('[data-testid="open-compare"]');
    await page.selectOption('[data-testid="compare-choice"]', 'cautious');
    await page.click('[data-testid="compare-add"]');
    await page.selectOption('[data-testid="compare-choice"]', 'plan-ambition');
    await page.click('[data-testid="compare-add"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="compare-chip"]')].every(
        (c) => c.getAttribute('data-status') === 'done',
      ),
    );
    await page.locator('[data-testid="compare-panel"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/screenshots/compare-zh.png' });
    await page.locator('#cell-base_stations_per_10k').scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await page.screenshot({ path: 'docs/screenshots/compare-cell-zh.png' });
    await page.click('[data-testid="open-present"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'docs/screenshots/present-zh.png' });
    if (errors.length) console.error('share', errors);
    await context.close();
    console.log('wrote share, compare and presentation screenshots');
  }

  // Embedding: the example host page with a scorecard and a chart, sized from the posted heights.
  {
    const { page, context, errors } = await openPage(h, 'embed-example.html', {
      locale: 'zh-CN',
      viewport: { width: 1100, height: 1400 },
    });
    await page.waitForFunction(
      () => [...document.querySelectorAll('iframe')].every((f) => Number(f.getAttribute('data-height')) > 100),
      null,
      { timeout: 60_000 },
    );
    await page.locator('#yangfan-chart').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'docs/screenshots/embed-example.png', fullPage: true });
    if (errors.length) console.error('embed', errors);
    await context.close();
    console.log('wrote docs/screenshots/embed-example.png');
  }
} finally {
  await h.close();
}
