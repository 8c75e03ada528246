/**
 * Hardening of the built app in real Chromium: its Content-Security-Policy (no inline script, no eval, no other
 * origin) holds with no violation while the app runs; no request leaves the page's origin; it works from a
 * sub-path; it keeps working offline once loaded (service worker); a worker that fails is reported and replaced
 * without losing the scenario.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, serveStatic, type Harness } from '../../tools/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('hardening', () => {
  it('ships a CSP that allows no inline script, no eval and no other origin', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
    // Every script tag loads a file of the app's own.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/src="\.\//);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);
  });

  it('runs under the CSP with no violation and no request to another origin', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await context.close();
    const ctx = await h.browser.newContext({ locale: 'en-US' });
    await ctx.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const p = await ctx.newPage();
    const foreign: string[] = [];
    p.on('request', (r) => {
      if (!r.url().startsWith(h.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        foreign.push(r.url());
    });
    const pageErrors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await p.goto(h.url);
    await waitForResult(p);
    // Scroll through every cell so every chart draws under the policy.
    for (const el of await p.locator('[data-testid^="cell-"] figure').all()) await el.scrollIntoViewIfNeeded();
    await expect.poll(() => p.locator('[data-testid^="cell-"] figure svg').count()).toBeGreaterThan(10);
    expect(await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(errors).toEqual([]);
    void page;
    await ctx.close();
  });

  it('works from a sub-path of any static host', async () => {
    const srv = await serveStatic('dist', '/some/deep/path/');
    try {
      const ctx = await h.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
      const p = await ctx.newPage();
      const errors: string[] = [];
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(srv.url);
      await waitForResult(p);
      expect(await p.locator('[data-testid="score-users"]').count()).toBe(1);
      expect(errors).toEqual([]);
      await ctx.close();
    } finally {
      await srv.close();
    }
  });

  it('keeps working offline once loaded', async () => {
    const ctx = await h.browser.newContext({ locale: 'en-US' });
    const p = await ctx.newPage();
    await p.goto(h.url);
    await waitForResult(p);
    // Wait until the service worker controls the page (after its first install it claims on reload).
    await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await p.reload();
    await expect.poll(() => p.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
    await waitForResult(p);
    await ctx.setOffline(true);
    await p.reload();
    await waitForResult(p);
    expect(await p.locator('#h-scorecard').innerText()).toBe('Scorecard');
    // The model still runs: an edit produces a new result offline.
    const g = Number(await p.locator('[data-testid="status"]').getAttribute('data-generation'));
    await p.locator('#p-buildAnnual-number').fill('700000');
    await p.locator('#p-buildAnnual-number').press('Enter');
    await waitForResult(p, g + 1);
    await ctx.close();
  });

  it('reports a failed worker, replaces it and re-runs the scenario without losing it', async () => {
    const ctx = await h.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    const p = await ctx.newPage();
    let blocked = 0;
    // The first worker script request fails, as a crashed worker would; the replacement loads normally.
    await p.route(/model\.worker-[^/]*\.js$/, (route) => {
      if (blocked++ === 0) return route.abort();
      return route.continue();
    });
    await p.goto(h.url);
    await expect.poll(() => p.locator('[data-testid="error-panel"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await p.locator('[data-testid="error-panel"]').innerText()).toContain('restarted');
    await waitForResult(p);
    expect(await p.locator('[data-testid="score-users"]').count()).toBe(1);
    expect(blocked).toBeGreaterThanOrEqual(2);
    await ctx.close();
  });
});
