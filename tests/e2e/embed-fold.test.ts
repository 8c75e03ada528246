/**
 * An embed holding one chart draws as soon as its frame loads, even when the frame starts below the host page's fold
 * and the host page is never scrolled (a host page printed or captured must not show an empty frame). The host page
 * (tests/fixtures/embed-below-fold.html) is served from another origin than the app (another port), as on a real host.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../tools/harness';

let h: Harness;
let host: Server;
let HOST = '';
beforeAll(async () => {
  h = await startHarness();
  const html = readFileSync('tests/fixtures/embed-below-fold.html', 'utf8').replaceAll('{{APP}}', h.url);
  host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  HOST = `http://127.0.0.1:${(host.address() as { port: number }).port}/below-fold.html`;
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
});

describe('embed below the fold', () => {
  it('draws the chart and the card without the host page being scrolled', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(HOST);

    // Both frames start below the fold, and stay there: the host never scrolls.
    const top = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('#chart')).toBeGreaterThan(900);
    expect(await top('#card')).toBeGreaterThan(900);

    const chart = page.frameLocator('#chart');
    const card = page.frameLocator('#card');
    await expect.poll(() => card.locator('[data-testid="embed-pmet"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => card.locator('[data-testid="sparkline"] path').count()).toBe(1);
    // The chart has drawn: Plot's SVG with its band areas and central line, at the frame's width.
    await expect.poll(() => chart.locator('figure svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const svg = chart.locator('figure svg').first();
    expect(await svg.locator('path').count()).toBeGreaterThan(2);
    const [svgWidth, frameWidth] = await Promise.all([
      svg.evaluate((el) => Number(el.getAttribute('width'))),
      page.locator('#chart').evaluate((el) => el.clientWidth),
    ]);
    expect(svgWidth).toBeGreaterThan(frameWidth * 0.8);
    expect(svgWidth).toBeLessThanOrEqual(frameWidth);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    // The drawn chart is one labelled image described by its (visually hidden) data table.
    const figure = chart.locator('figure[role="img"]');
    expect(await figure.getAttribute('aria-label')).toBe(
      '5G share of mobile internet access traffic: observed, central path and uncertainty bands',
    );
    const described = (await figure.getAttribute('aria-describedby'))!;
    expect(await chart.locator(`#${described} table tbody tr`).count()).toBeGreaterThan(12);
    expect(errors).toEqual([]);
    await context.close();
  });
});
