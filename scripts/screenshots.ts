/** Takes the README's screenshots of the production build: `npm run build && npx tsx scripts/screenshots.ts`. */
import { startHarness, openPage, waitForResult } from '../tests/e2e/harness';

const h = await startHarness();
try {
  const shots = [
    { file: 'docs/screenshots/desktop-zh.png', locale: 'zh-CN', viewport: { width: 1280, height: 900 }, full: false },
    { file: 'docs/screenshots/desktop-en.png', locale: 'en-US', viewport: { width: 1280, height: 900 }, full: false },
    { file: 'docs/screenshots/mobile-375-zh.png', locale: 'zh-CN', viewport: { width: 375, height: 812 }, full: false },
    { file: 'docs/screenshots/cell-en.png', locale: 'en-US', viewport: { width: 1280, height: 900 }, full: false, cell: 'traffic_share' },
    { file: 'docs/screenshots/dark-en.png', locale: 'en-US', viewport: { width: 1280, height: 900 }, full: false, dark: true, cell: 'users' },
  ];
  for (const s of shots) {
    const { page, context, errors } = await openPage(h, '', { locale: s.locale, viewport: s.viewport, colorScheme: s.dark ? 'dark' : 'light' });
    await waitForResult(page);
    if (s.cell) await page.locator(`#cell-${s.cell}`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: s.file, fullPage: s.full });
    if (errors.length) console.error(s.file, errors);
    await context.close();
    console.log('wrote', s.file);
  }
} finally {
  await h.close();
}
