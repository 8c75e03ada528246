/**
 * Compare under the upgrade plan in real headless Chromium on the production build: the picker offers every preset,
 * grouped by plan, the upgrade plan's to choose and the 2021 plan's disabled with the reason (other targets, another
 * deadline); the upgrade presets are compared on the 2027 targets with the figures Node computes at the current seed
 * and sample count; a link that names a 2021 preset in its comparison shows it as another plan's, never as a run that
 * never ends. No console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { PRESETS, UPGRADE_PRESETS, presetById } from '../../src/scenario/presets';
import { planOutputs, runModel, OUTPUT_IDS } from '../../src/model';
import { formatValue } from '../../src/i18n';
import { encodeLink } from '../../src/scenario/link';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const UPGRADE = planOutputs('upgrade-2024');
const base = UPGRADE_PRESETS[0].scenario;

describe('compare under the upgrade plan', () => {
  it('offers both plans’ presets, the other plan’s disabled with the reason, and compares on the 2027 targets', async () => {
    const { page, context, errors } = await openPage(h, '#v2.upgrade-baseline', { locale: 'zh-CN' });
    await waitForResult(page);
    await page.click('[data-testid="open-compare"]');
    await page.locator('[data-testid="compare-panel"]').waitFor();

    // The picker: this plan's presets to choose, the 2021 plan's listed and disabled, each group named by its plan.
    const own = page.locator('[data-testid="compare-group-upgrade-2024"]');
    const other = page.locator('[data-testid="compare-group-sailing-2021"]');
    expect(await own.getAttribute('label')).toBe('预设情景 · 升级方案 2024–2027');
    expect(await other.getAttribute('label')).toBe('预设情景 · 扬帆行动计划 2021–2023（另一计划，不可对比）');
    const options = (g: typeof own) =>
      g
        .locator('option')
        .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).disabled]));
    expect(await options(own)).toEqual(UPGRADE_PRESETS.map((p) => [p.id, false]));
    expect(await options(other)).toEqual(PRESETS.map((p) => [p.id, true]));
    const note = await page.locator('[data-testid="compare-plan-note"]').innerText();
    expect(note).toContain('2027年12月');
    expect(note).toMatch(/扬帆行动计划 2021–2023的预设情景列出但不能选择.*2023年12月/);

    // The two other upgrade presets, compared on the 2027 targets.
    for (const id of ['upgrade-faster', 'upgrade-slower']) {
      await page.selectOption('[data-testid="compare-choice"]', id);
      await page.click('[data-testid="compare-add"]');
    }
    await expect
      .poll(
        () =>
          page
            .locator('[data-testid="compare-chip"]')
            .evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.status)),
        { timeout: 60_000 },
      )
      .toEqual(['done', 'done']);
    const table = page.locator('[data-testid="compare-table"]');
    expect(await table.locator('caption').innerText()).toMatch(/^2027年12月数值与达标概率/);
    for (const id of OUTPUT_IDS) expect(await page.locator(`[data-testid="compare-row-${id}"]`).count()).toBe(0);
    for (const [i, pid] of ['upgrade-faster', 'upgrade-slower'].entries()) {
      // Common random numbers: each compared preset runs with the current scenario's seed and sample count.
      const node = runModel({ ...presetById(pid)!.scenario, seed: base.seed, samples: base.samples });
      for (const id of UPGRADE) {
        expect(await page.locator(`[data-testid="compare-row-${id}"]`).count(), id).toBe(1);
        expect(Number(await page.locator(`[data-testid="cmp-p-${id}-${i}"]`).getAttribute('data-p')), id).toBe(
          node.outputs[id].pMet,
        );
        expect(await page.locator(`[data-testid="cmp-value-${id}-${i}"]`).innerText(), id).toContain(
          formatValue(id, node.outputs[id].value, 'zh-CN'),
        );
      }
    }
    // Nothing is chosen after an add: the button waits for the next choice.
    expect(await page.locator('[data-testid="compare-add"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link that compares a 2021 preset under the upgrade plan names it as another plan’s and does not run it', async () => {
    const hash = encodeLink({
      scenario: base,
      lang: 'en',
      view: { mode: 'compare' },
      compare: ['baseline', 'upgrade-faster'],
    });
    const { page, context, errors } = await openPage(h, hash, { locale: 'en-US' });
    await waitForResult(page);
    await page.locator('[data-testid="compare-panel"]').waitFor();
    const chips = page.locator('[data-testid="compare-chip"]');
    await expect
      .poll(() => chips.evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.status)), { timeout: 60_000 })
      .toEqual(['other-plan', 'done']);
    const row = page.locator('[data-testid="compare-row-base_stations_per_10k_2027"]');
    expect(await row.innerText()).toContain('another plan’s scenario: not compared');
    expect(await page.locator('[data-testid="cmp-p-base_stations_per_10k_2027-1"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
