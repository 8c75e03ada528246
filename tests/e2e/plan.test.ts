/**
 * The upgrade plan in real headless Chromium on the production build: the plan switch at the top of the page turns
 * the scorecard to the 2027 targets with the figures Node computes for the upgrade baseline, the address carries the
 * plan (a reload opens it again), the cells flag unverified targets and list the qualitative ones, switching back
 * restores the 2021 scorecard, and an embed opens the plan named by `plan=`. No console errors anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { PRESETS, UPGRADE_PRESETS } from '../../src/scenario/presets';
import { runModel, OUTPUT_IDS, planOutputs } from '../../src/model';
import { formatValue, formatProb } from '../../src/i18n';
import type { Page } from 'playwright-core';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const UPGRADE = planOutputs('upgrade-2024');

async function expectUpgradeScorecard(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  const node = runModel(UPGRADE_PRESETS[0].scenario);
  for (const id of UPGRADE) {
    const row = page.locator(`[data-testid="score-${id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain(formatValue(id, node.outputs[id].value, lang));
    expect(Number(await page.getAttribute(`[data-testid="pmet-${id}"]`, 'data-p'))).toBe(node.outputs[id].pMet);
    expect(await page.locator(`[data-testid="verdict-badge-${id}"]`).innerText()).toBe(
      node.outputs[id].verdict.met ? (lang === 'zh-CN' ? '达标' : 'Met') : lang === 'zh-CN' ? '未达标' : 'Missed',
    );
  }
  for (const id of OUTPUT_IDS) expect(await page.locator(`[data-testid="score-${id}"]`).count()).toBe(0);
  expect(await page.locator('[data-testid="joint"]').innerText()).toContain(formatProb(node.pAllMet, lang));
}

describe('the upgrade plan', () => {
  it('switches the scorecard to the 2027 targets, keeps the plan in the link, and switches back', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    const g0 = await waitForResult(page);
    await expect.poll(() => page.locator('[data-testid="score-users"]').count()).toBe(1);
    expect(await page.locator('[data-testid="plan-sailing-2021"]').getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('[data-testid="plan-switch"]').innerText()).toContain('升级方案 2024–2027');

    await page.click('[data-testid="plan-upgrade-2024"]');
    await expect.poll(() => page.locator('[data-testid="score-iot_connections"]').count(), { timeout: 60_000 }).toBe(1);
    await waitForResult(page, g0 + 1);
    expect(await page.locator('[data-testid="plan-upgrade-2024"]').getAttribute('aria-checked')).toBe('true');
    await expectUpgradeScorecard(page, 'zh-CN');
    expect(await page.locator('[data-testid="scorecard"] caption').innerText()).toContain('2027年12月');
    // The presets offered are the plan's.
    expect(await page.locator('[data-testid="preset"] option').allInnerTexts()).toEqual(
      UPGRADE_PRESETS.map((p) => p.name.zh),
    );
    // The address carries the plan (through its preset), rewritten shortly after the change.
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).toBe('#v2.upgrade-baseline');

    // Cells: the unverified target is flagged beside it, the proxy said so, the qualitative target listed.
    await page.locator('#cell-industry_vpn_2027').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-testid="unverified-industry_vpn_2027"]').count()).toBe(1);
    expect(await page.locator('[data-testid="unverified-base_stations_per_10k_2027"]').count()).toBe(0);
    expect(await page.locator('#cell-personal_user_penetration').innerText()).toContain('代理');
    expect(await page.locator('[data-testid="plan-notes"]').innerText()).toContain('5G-A超宽带');
    for (const id of UPGRADE) {
      await page.locator(`#cell-${id} figure`).scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator(`#cell-${id} figure svg`).count()).toBeGreaterThan(0);
    }

    // Back to the 2021 plan: its scorecard as before.
    const g1 = await waitForResult(page);
    await page.click('[data-testid="plan-sailing-2021"]');
    await waitForResult(page, g1 + 1);
    expect(await page.locator('[data-testid="plan-sailing-2021"]').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).toBe('#v2.baseline');
    const node21 = runModel(PRESETS[0].scenario);
    for (const id of OUTPUT_IDS) {
      await expect
        .poll(() => page.getAttribute(`[data-testid="pmet-${id}"]`, 'data-p').then(Number))
        .toBe(node21.outputs[id].pMet);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the upgrade plan from its link', async () => {
    const { page, context, errors } = await openPage(h, '#v1.upgrade-baseline', { locale: 'en' });
    await waitForResult(page);
    await expectUpgradeScorecard(page, 'zh-CN'); // a link without a language opens in Chinese
    expect(await page.locator('[data-testid="plan-upgrade-2024"]').getAttribute('aria-checked')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an embed opens the plan named by plan=', async () => {
    const { page, context, errors } = await openPage(h, '?embed=1&view=scorecard&lang=zh-CN&plan=upgrade-2024', {
      locale: 'zh-CN',
    });
    await waitForResult(page);
    await expectUpgradeScorecard(page, 'zh-CN');
    expect(errors).toEqual([]);
    await context.close();
  });
});
