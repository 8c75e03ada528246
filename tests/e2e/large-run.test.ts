/**
 * Large runs in real Chromium: 100,000 samples go to the worker pool with a progress bar, arrive with the same
 * figures as Node, and a run in flight can be cancelled while the last result stays on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { PRESETS } from '../../src/scenario/presets';
import { runModel } from '../../src/model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('large runs on the worker pool', () => {
  it('runs 100,000 samples with progress, with the figures Node computes', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g = await waitForResult(page);
    await page.locator('[data-testid="advanced"] > summary').click();
    await page.locator('[data-testid="samples"]').fill('100000');
    await page.locator('[data-testid="samples"]').press('Enter');
    await expect.poll(() => page.locator('[data-testid="progress"]').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(async () => Number(await page.locator('[data-testid="status"]').getAttribute('data-generation')), {
        timeout: 120_000,
      })
      .toBeGreaterThan(g);
    await waitForResult(page, g + 1);
    await expect
      .poll(() => page.locator('[data-testid="status"]').innerText(), { timeout: 120_000 })
      .toContain('100,000 samples');
    const node = runModel({ ...PRESETS[0].scenario, samples: 100_000 });
    expect(Number(await page.getAttribute('[data-testid="pmet-base_stations_per_10k"]', 'data-p'))).toBe(
      node.outputs.base_stations_per_10k.pMet,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancels a large run in flight and keeps the last result', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g = await waitForResult(page);
    const before = await page.getAttribute('[data-testid="pmet-users"]', 'data-p');
    expect(before).not.toBeNull();
    await page.locator('[data-testid="advanced"] > summary').click();
    await page.locator('[data-testid="samples"]').fill('200000');
    await page.locator('[data-testid="samples"]').press('Enter');
    await expect.poll(() => page.locator('[data-testid="cancel-run"]').count(), { timeout: 20_000 }).toBe(1);
    await page.locator('[data-testid="cancel-run"]').click();
    await expect.poll(() => page.locator('[data-testid="status"]').innerText()).toContain('cancelled');
    expect(await page.locator('[data-testid="error-panel"]').count()).toBe(0);
    // A change of the sample count runs the full run only (no quick run): what stays shown is the result from before
    // the edit, with the same figures, and no result was delivered since.
    expect(await page.getAttribute('[data-testid="pmet-users"]', 'data-p')).toBe(before);
    expect(await waitForResult(page)).toBe(g);
    // The next edit runs again (the pool's workers were stopped, not lost).
    await page.locator('[data-testid="samples"]').fill('1000');
    await page.locator('[data-testid="samples"]').press('Enter');
    expect(await waitForResult(page, g + 1)).toBe(g + 1);
    await expect.poll(() => page.locator('[data-testid="status"]').innerText()).toContain('1,000 samples');
    expect(errors).toEqual([]);
    await context.close();
  });
});
