/**
 * Workers never leave the page empty, in real Chromium on the production build. When the model worker's script
 * cannot be loaded (404 after a redeploy, a 500, a syntax error) the page tries once more, then runs the model on
 * the main thread, says so (with the sample cap when it applies) and offers Retry; the scorecard fills with the
 * figures Node computes. Pool workers that die silently mid-run are detected by the progress timeout, restarted and
 * the run retried once; if they die again the run falls back to the main thread with a notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { startHarness, waitForResult, type Harness } from '../../tools/harness';
import { PRESETS } from '../../src/scenario/presets';
import { runModel } from '../../src/model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const WORKER = '**/model.worker-*.js';

/**
 * Opens the app with `route` answering the model worker's URL. Service workers are blocked: a service worker
 * serving the worker from its cache would hide the failure the test makes.
 */
async function open(route: ((r: Route) => Promise<void>) | null, init?: () => void) {
  const context = await h.browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  if (init) await page.addInitScript(init);
  if (route) await page.route(WORKER, route);
  await page.goto(h.url);
  return { page, context, pageErrors };
}

const pMet = async (page: Page, id: string) => Number(await page.getAttribute(`[data-testid="pmet-${id}"]`, 'data-p'));

async function setSamples(page: Page, n: number) {
  if (!(await page.locator('[data-testid="samples"]').isVisible()))
    await page.locator('[data-testid="advanced"] > summary').click();
  await page.locator('[data-testid="samples"]').fill(String(n));
  await page.locator('[data-testid="samples"]').press('Enter');
}

const failures: [string, (r: Route) => Promise<void>][] = [
  ['a 404 (removed by a redeploy)', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' })],
  ['a 500', (r) => r.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' })],
  ['a syntax error', (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: 'export const x = ;\n' })],
];

describe('the model worker cannot start', () => {
  it.each(failures)('%s: the scorecard fills on the main thread, with a notice and Retry', async (_name, answer) => {
    let asked = 0;
    const { page, context, pageErrors } = await open((r) => {
      asked++;
      return answer(r);
    });
    await waitForResult(page);
    // Both workers of the page (quick and full runs) were tried, and each once more.
    expect(asked).toBeGreaterThanOrEqual(2);
    const notice = page.locator('[data-testid="runner-fallback"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain('主线程');
    expect(await page.locator('[data-testid="retry-workers"]').innerText()).toBe('重试计算线程');
    // The default 10,000 samples are within the main thread's cap: no cap message, and Node's figures.
    expect(await page.locator('[data-testid="runner-fallback-capped"]').count()).toBe(0);
    const node = runModel(PRESETS[0].scenario);
    await expect.poll(() => pMet(page, 'users'), { timeout: 30_000 }).toBe(node.outputs.users.pMet);
    expect(await pMet(page, 'base_stations_per_10k')).toBe(node.outputs.base_stations_per_10k.pMet);
    expect(await page.locator('[data-testid="error-panel"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('runs a large run at the cap and says so; Retry goes back to the worker once it loads', async () => {
    const { page, context, pageErrors } = await open((r) => r.fulfill({ status: 404, body: '' }));
    await waitForResult(page);
    await expect.poll(() => page.locator('[data-testid="runner-fallback"]').count()).toBe(1);
    const g = await waitForResult(page);
    await setSamples(page, 100_000);
    await waitForResult(page, g + 1);
    const capped = page.locator('[data-testid="runner-fallback-capped"]');
    await expect.poll(() => capped.count()).toBe(1);
    expect(await capped.innerText()).toBe(
      '在主线程上每次最多计算1万个样本：当前显示的结果使用1万个样本，而非情景设定的10万个样本。',
    );
    // The figures are those of 10,000 samples, and the status line says 10,000.
    const at10k = runModel({ ...PRESETS[0].scenario, samples: 10_000 });
    await expect.poll(() => pMet(page, 'users')).toBe(at10k.outputs.users.pMet);
    expect(await page.locator('[data-testid="status"]').innerText()).toContain('10,000');

    // The worker is back (the deploy finished): Retry runs the scenario on the pool at its full size.
    await page.unroute(WORKER);
    const before = await waitForResult(page);
    await page.locator('[data-testid="retry-workers"]').click();
    await expect.poll(() => page.locator('[data-testid="runner-fallback"]').count()).toBe(0);
    await expect
      .poll(async () => (await page.locator('[data-testid="status"]').innerText()).includes('100,000'), {
        timeout: 120_000,
      })
      .toBe(true);
    expect(await waitForResult(page)).toBeGreaterThan(before);
    const full = runModel({ ...PRESETS[0].scenario, samples: 100_000 });
    expect(await pMet(page, 'base_stations_per_10k')).toBe(full.outputs.base_stations_per_10k.pMet);
    expect(page.workers().some((w) => /model\.worker-/.test(w.url()))).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('an embedded view whose worker cannot start', () => {
  it('fills its scorecard on the main thread and says so', async () => {
    const context = await h.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route(WORKER, (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto(`${h.url}?embed=1&view=scorecard&lang=en`);
    await waitForResult(page);
    await expect.poll(() => page.locator('[data-testid="runner-fallback"]').count()).toBe(1);
    expect(await page.locator('[data-testid="runner-fallback"]').innerText()).toContain('main thread');
    const node = runModel(PRESETS[0].scenario);
    await expect.poll(() => pMet(page, 'users')).toBe(node.outputs.users.pMet);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

/** Records every worker the page makes, so a test can kill some (terminated from outside: silent, no error event). */
function recordWorkers() {
  const made: Worker[] = [];
  (window as unknown as { __workers: Worker[] }).__workers = made;
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      made.push(this);
    }
  };
}

const workerCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.length);
const killFrom = (page: Page, from: number) =>
  page.evaluate((k) => {
    const ws = (window as unknown as { __workers: Worker[] }).__workers;
    ws.slice(k).forEach((w) => w.terminate());
    return ws.length - k;
  }, from);
const progress = (page: Page) =>
  page.evaluate(() => (document.querySelector('[data-testid="progress"]') as HTMLProgressElement | null)?.value ?? -1);

// A busy machine (two cores shared by several builds) makes the restarted runs slow: these tests get more time.
describe('pool workers that die mid-run', () => {
  it('are detected by the progress timeout, restarted, and the run completes with the figures Node computes', async () => {
    const { page, context, pageErrors } = await open(null, recordWorkers);
    await waitForResult(page);
    const g = await waitForResult(page);
    const before = await workerCount(page);
    await setSamples(page, 200_000);
    await expect.poll(() => progress(page), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await killFrom(page, before)).toBeGreaterThanOrEqual(2);
    // Restarted and retried: the page says the worker failed and is being run again, then shows the full run.
    await expect.poll(() => page.locator('[data-testid="error-panel"]').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(async () => (await page.locator('[data-testid="status"]').innerText()).includes('200,000'), {
        timeout: 120_000,
      })
      .toBe(true);
    expect(await waitForResult(page)).toBeGreaterThan(g);
    const node = runModel({ ...PRESETS[0].scenario, samples: 200_000 });
    expect(await pMet(page, 'users')).toBe(node.outputs.users.pMet);
    expect(await page.locator('[data-testid="runner-fallback"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('die again after the restart: the run falls back to the main thread at the cap, with a notice', async () => {
    const { page, context, pageErrors } = await open(null, recordWorkers);
    const g = await waitForResult(page);
    const before = await workerCount(page);
    await setSamples(page, 200_000);
    await expect.poll(() => progress(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await workerCount(page);
    await killFrom(page, before);
    // The restarted pool: wait for its workers and its progress, then kill them too.
    await expect.poll(() => workerCount(page), { timeout: 30_000 }).toBeGreaterThan(first);
    await expect.poll(() => progress(page), { timeout: 30_000 }).toBeGreaterThan(0);
    await killFrom(page, first);
    await expect.poll(() => page.locator('[data-testid="runner-fallback"]').count(), { timeout: 60_000 }).toBe(1);
    await waitForResult(page, g + 1);
    expect(await page.locator('[data-testid="runner-fallback-capped"]').count()).toBe(1);
    const at10k = runModel({ ...PRESETS[0].scenario, samples: 10_000 });
    await expect.poll(() => pMet(page, 'users')).toBe(at10k.outputs.users.pMet);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
