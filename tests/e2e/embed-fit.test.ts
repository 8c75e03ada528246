/**
 * Embeds fit their snippet: for every view, with and without controls, in both languages, an iframe written by the
 * Embed dialog's snippet shows the whole content at 960 and 1200 px wide (no scrolling inside the frame) and leaves no
 * large empty band under it: at its fixed height with no script on the host, or, for a chart or card with controls
 * (whose height changes as they are used), sized by the snippet's own resize listener.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../tools/harness';
import { encodeLink } from '../../src/scenario/link';
import { defaultLinkState } from '../../src/scenario/link-state';
import { embedHeight, embedSnippet, needsResizer } from '../../src/ui/embed/embed-snippet';
import { EMBED_VIEWS, type EmbedParams } from '../../src/ui/embed/embed-params';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('embed snippet heights', () => {
  it('fit the content at 960 and 1200 px wide, in both languages, with and without controls', async () => {
    const context = await h.browser.newContext({ locale: 'zh-CN', viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const hash = encodeLink(defaultLinkState('zh-CN'));
    const rows: string[] = [];
    const failures: string[] = [];
    let n = 0;
    for (const view of EMBED_VIEWS)
      for (const controls of [false, true])
        for (const lang of ['zh-CN', 'en'] as const) {
          const params: EmbedParams = { view, indicator: 'traffic_share', controls, lang, theme: 'light' };
          const height = embedHeight(params);
          for (const width of [960, 1200]) {
            n++;
            const u = new URL(h.url);
            const snippet = embedSnippet({
              loc: { origin: u.origin, pathname: u.pathname },
              hash,
              params,
              title: 'embed',
            });
            await page.route(`${h.url}fit-host-${n}.html`, (route) =>
              route.fulfill({
                contentType: 'text/html',
                body: `<!doctype html><meta charset="utf-8"><title>host</title><body style="margin:0"><div style="width:${width}px">${snippet}</div>`,
              }),
            );
            await page.goto(`${h.url}fit-host-${n}.html`);
            const frame = page.frameLocator('iframe');
            process.stdout.write(`${view} ${controls} ${lang} ${width}\n`);
            await expect
              .poll(() => frame.locator('[data-testid="status"]').getAttribute('data-generation').then(Number), {
                timeout: 30_000,
              })
              .toBeGreaterThan(0);
            if (view === 'chart')
              await expect.poll(() => frame.locator('figure svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
            await page.waitForTimeout(200);
            if (needsResizer(params)) {
              expect(snippet).toContain('<script>');
              // The listener set the frame's height from the posted one.
              await expect
                .poll(() => page.locator('iframe').evaluate((f) => (f as HTMLElement).style.height), {
                  timeout: 10_000,
                })
                .toMatch(/^\d+px$/);
              await page.waitForTimeout(300);
            } else expect(snippet).not.toContain('<script');
            const frameH = await page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height));
            const m = await frame.locator('html').evaluate(() => ({
              scroll: document.documentElement.scrollHeight,
              client: document.documentElement.clientHeight,
              content: Math.ceil(document.querySelector('[data-testid="embed"]')!.getBoundingClientRect().height),
            }));
            rows.push(
              `${view} controls=${controls} ${lang} ${width}px: snippet ${height}, frame ${frameH}, content ${m.content}, scroll ${m.scroll}`,
            );
            const what = `${view} controls=${controls} ${lang} ${width}px`;
            // The whole content shows: nothing scrolls inside the frame; and the frame is not much taller than it
            // needs (no empty half: at least 70 % of it is content; the English scorecard is much shorter at 1200 px than at 960).
            if (m.scroll > m.client) failures.push(`${what}: content ${m.scroll} px is cut at ${frameH} px`);
            if (m.content < frameH * 0.7)
              failures.push(`${what}: content ${m.content} px leaves a frame of ${frameH} px mostly empty`);
            if (process.env.EXPORT_DIR && width === 1200 && lang === 'zh-CN')
              await page.screenshot({
                path: join(process.env.EXPORT_DIR, `embed-${view}-${controls ? 'controls' : 'plain'}.png`),
                fullPage: true,
              });
            await page.unroute(`${h.url}fit-host-${n}.html`);
          }
        }
    console.log(rows.join('\n'));
    if (process.env.EXPORT_DIR) writeFileSync(join(process.env.EXPORT_DIR, 'embed-heights.txt'), rows.join('\n'));
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
