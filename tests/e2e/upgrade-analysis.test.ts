/**
 * The analysis panel under the upgrade plan in real headless Chromium on the production build: every sentence and
 * heading that names the deadline names the upgrade plan's, 2027年12月 (Dec 2027 in English), and none names
 * 2023年12月, the 2021 plan's. The cells' verdicts and the page's subtitle follow too. No console errors.
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

async function openPanel(page: Page, id: string) {
  const panel = page.locator(`[data-testid="analysis-${id}"]`);
  await panel.locator(':scope > summary').scrollIntoViewIfNeeded();
  await panel.locator(':scope > summary').click();
  await page.locator(`[data-testid="gs-central-${id}"]`).waitFor({ timeout: 60_000 });
  await page.locator(`[data-testid="sensitivity-${id}"]`).waitFor({ timeout: 60_000 });
  await page.locator(`[data-testid="calibration-${id}"]`).waitFor({ timeout: 60_000 });
  return panel;
}

describe('the analysis panel under the upgrade plan', () => {
  for (const [lang, deadline, old] of [
    ['zh-CN', '2027年12月', /2023年12月|2023年底/],
    ['en', 'Dec 2027', /Dec 2023|end-2023|end of 2023|2023-12/],
  ] as const) {
    it(`${lang}: names ${deadline} and never the 2021 plan's deadline`, async () => {
      const { page, context, errors } = await openPage(h, '#v2.upgrade-baseline', { locale: lang });
      await waitForResult(page);
      // The link carries no language: the page opens in Chinese; English is chosen as a reader would.
      if (lang === 'en') await page.selectOption('[data-testid="lang"]', 'en');
      await expect.poll(() => page.locator('[data-testid="score-base_stations_per_10k_2027"]').count()).toBe(1);
      expect(await page.getByTestId('app-subtitle').innerText()).toContain('2027');

      // Base stations per 10,000 (a fitted build-out: leave-out table and its caption) and the personal-user
      // penetration (the users' fit on its proxy).
      for (const id of ['base_stations_per_10k_2027', 'personal_user_penetration']) {
        const panel = await openPanel(page, id);
        // Every disclosure inside the panel opened, so its text is all there.
        await panel.evaluate((el) => el.querySelectorAll('details').forEach((d) => (d.open = true)));
        // The fit's data table lists the observations month by month (a row of 2023年12月 is data, not wording):
        // its rows, a month followed by a tab, are left out.
        const text = (await panel.innerText())
          .split('\n')
          .filter((l) => !/^(\d{4}年\d{1,2}月|[A-Z][a-z]{2} \d{4})\t/.test(l))
          .join('\n');
        expect(text, id).toContain(deadline);
        expect(text, id).not.toMatch(old);
        // The tornado's title and the on-track sentence name the deadline.
        expect(await page.locator(`#sens-h-${id}`).innerText()).toContain(deadline);
        const tornadoLabel = await page.locator(`[data-testid="tornado-${id}"] svg`).first().getAttribute('aria-label');
        expect(tornadoLabel ?? '', id).toContain(deadline);
        expect(await panel.locator(`[data-testid="an-ontrack-why-${id}"]`).innerText()).toContain(deadline);
        // The levers offered are the upgrade plan's assumptions: none of the 2021 plan's own (industrial
        // penetration, IoT growth, benchmarks) that cannot move a 2027 output.
        const levers = await page
          .locator(`[data-testid="gs-lever-${id}"] option`)
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(levers, id).toEqual(expect.arrayContaining(['popGrowth', 'buildAnnual']));
        for (const p of ['industrialStart', 'iotGrowth', 'benchStart', 'solutionsStart'])
          expect(levers, id).not.toContain(p);
        // The cell's verdict sentence too.
        expect(await page.locator(`[data-testid="verdict-${id}"]`).innerText()).toContain(deadline);
      }
      // The leave-out table of the base stations' fit names the fitted value at the deadline.
      expect(await page.locator('[data-testid="leave-out-base_stations_per_10k_2027"]').innerText()).toContain(
        deadline,
      );
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
