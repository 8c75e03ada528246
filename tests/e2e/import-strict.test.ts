/**
 * Scenario files in the app, as in the CLI: a file with a misspelt key is refused with the key and the likely one
 * named, and nothing changes; a file that names no preset opens as the registry defaults, named so (never as the
 * baseline preset), with the same numbers the model gives in Node; a file with a preset is that preset plus its
 * changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { importScenarioJson } from '../../src/scenario/file';
import { runModel } from '../../src/model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const generation = (page: Page) => page.getAttribute('[data-testid="status"]', 'data-generation').then(Number);

async function importFile(page: Page, name: string, text: string) {
  await page
    .locator('[data-testid="import-file"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('importing scenario files', () => {
  it('refuses unknown keys with the key named and changes nothing', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g = await waitForResult(page);
    await page.click('[data-testid="open-saved"]');
    const before = await page.evaluate(() => location.hash);
    await importFile(page, 'typo.json', JSON.stringify({ preset: 'cautious', params: { bassq: { value: 0.02 } } }));
    const err = page.locator('[data-testid="import-error"]');
    await expect.poll(() => err.getAttribute('data-code')).toBe('schema');
    expect(await err.innerText()).toContain('params.bassq: unknown parameter; did you mean bassQ?');
    expect(await err.innerText()).toContain('Nothing was changed.');
    expect(await page.inputValue('[data-testid="preset"]')).toBe('baseline');
    expect(await page.evaluate(() => location.hash)).toBe(before);
    expect(await generation(page)).toBe(g);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names a file without a preset "registry defaults" and runs the same numbers as Node', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    const g = await waitForResult(page);
    await page.click('[data-testid="open-saved"]');
    const text = JSON.stringify({ samples: 2000 });
    await importFile(page, 'defaults.json', text);
    const notice = page.locator('[data-testid="notice-import"]');
    await expect.poll(() => notice.innerText()).toContain('注册表默认值');
    expect(await notice.getAttribute('data-kind')).toBe('warning');
    await waitForResult(page, g + 1);
    const select = page.locator('[data-testid="preset"]');
    expect(await select.inputValue()).toBe('registry-defaults');
    expect(await select.locator('option:checked').innerText()).toBe('注册表默认值');
    // No preset's rationale is shown for it.
    expect(await page.locator('[data-testid="preset-rationale"]').count()).toBe(0);
    const r = importScenarioJson(text);
    if (!r.ok) throw new Error(r.error.message);
    const expected = runModel(r.scenario);
    await expect
      .poll(() => page.getAttribute('[data-testid="pmet-users"]', 'data-p').then(Number))
      .toBe(expected.outputs.users.pMet);
    // Choosing a preset again works as before.
    await select.selectOption('cautious');
    await expect.poll(() => page.locator('[data-testid="preset-rationale"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
