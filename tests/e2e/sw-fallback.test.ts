/**
 * The service worker's navigation fallback serves the app only for the app's own pages. With the built app in a
 * sub-path beside a host page of its own, once the worker controls the app: online, the host page is the host page
 * and an embed address is the app; offline, the app and an embed still open (the fallback), the precached example
 * host page is itself, and a host page the worker does not hold fails like any offline page: never the app.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tools/chromium';
import { serveStatic, waitForResult } from '../../tools/harness';

let browser: Browser;
let srv: { url: string; close(): Promise<void> };
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yangfan-sw-'));
  cpSync('dist', dir, { recursive: true });
  writeFileSync(
    join(dir, 'host.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title><h1 id="host">A host page beside the app</h1>',
  );
  srv = await serveStatic(dir, '/tools/yangfan/');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a navigation shows: the app, the host page, the example host page, or nothing (a failed navigation). */
async function visit(page: Page, url: string): Promise<'app' | 'host' | 'example' | 'failed'> {
  try {
    await page.goto(url);
  } catch {
    return 'failed';
  }
  return page.evaluate(() =>
    document.getElementById('app')
      ? 'app'
      : document.getElementById('host')
        ? 'host'
        : document.getElementById('yangfan-scorecard')
          ? 'example'
          : 'failed',
  );
}

describe('service worker navigation fallback', () => {
  it('never replaces a host page in the app’s folder, online or offline', async () => {
    const ctx = await browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(srv.url);
    await waitForResult(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);

    // Online.
    expect(await visit(page, `${srv.url}host.html`)).toBe('host');
    expect(await visit(page, `${srv.url}?embed=1&view=card&indicator=users`)).toBe('app');
    expect(await visit(page, `${srv.url}embed-example.html`)).toBe('example');

    // Offline: the app's own pages come from the worker; a host page it does not hold is not the app.
    await ctx.setOffline(true);
    expect(await visit(page, srv.url)).toBe('app');
    await waitForResult(page);
    expect(await visit(page, `${srv.url}index.html`)).toBe('app');
    expect(await visit(page, `${srv.url}?embed=1&view=card&indicator=users`)).toBe('app');
    expect(await visit(page, `${srv.url}embed-example.html`)).toBe('example');
    expect(await visit(page, `${srv.url}host.html`)).toBe('failed');
    expect(await visit(page, `${srv.url}other/page.html`)).toBe('failed');
    await ctx.close();
  });
});
