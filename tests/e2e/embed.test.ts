/**
 * Embedding in real Chromium: the example host page (public/embed-example.html, copied into dist/) embeds the
 * scorecard and one chart, and its own external script sizes both iframes from the embedded pages' `yangfan:height`
 * messages; an embed works at a fixed height on a host with no script; an embed has minimal chrome and an "open in
 * Yangfan" link to the full app with the same scenario; the Embed dialog writes the snippet for the chosen view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';
import { decodeLink, encodeLink } from '../../src/scenario/link';
import { defaultLinkState } from '../../src/scenario/link-state';
import { presetById } from '../../src/scenario/presets';
import { runModel, OUTPUT_IDS } from '../../src/model';
import { formatProb } from '../../src/i18n';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('embed', () => {
  it('renders both views of the example host page, which sizes its iframes from the posted heights', async () => {
    const { page, context, errors } = await openPage(h, 'embed-example.html', {
      locale: 'zh-CN',
      viewport: { width: 1100, height: 900 },
    });
    const score = page.frameLocator('#yangfan-scorecard');
    const chart = page.frameLocator('#yangfan-chart');
    // The scorecard (Chinese, baseline) and the chart (English, plan ambition, with its controls).
    await expect
      .poll(() => score.locator('[data-testid^="score-"]').count(), { timeout: 30_000 })
      .toBe(OUTPUT_IDS.length);
    const base = runModel(presetById('baseline')!.scenario);
    await expect
      .poll(() => score.locator('[data-testid="pmet-users"]').getAttribute('data-p').then(Number), { timeout: 30_000 })
      .toBe(base.outputs.users.pMet);
    await page.locator('#yangfan-chart').scrollIntoViewIfNeeded();
    await expect.poll(() => chart.locator('figure svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await chart.locator('[data-testid="embed-heading"]').innerText()).toBe(
      '5G share of mobile internet access traffic',
    );
    expect(await chart.locator('#p-ratioDrift-range').count()).toBe(1);
    // Minimal chrome: no notebook header, share bar or cells.
    expect(
      await score.locator('[data-testid="page-header"], [data-testid="share-bar"], [data-testid^="cell-"]').count(),
    ).toBe(0);
    // The host applied a posted height (> 100 px) to each iframe.
    for (const id of ['#yangfan-scorecard', '#yangfan-chart']) {
      const frame = page.locator(id);
      await expect.poll(() => frame.getAttribute('data-height').then(Number), { timeout: 30_000 }).toBeGreaterThan(100);
      const applied = Number(await frame.getAttribute('data-height'));
      await expect
        .poll(() => frame.evaluate((el) => Math.round(el.getBoundingClientRect().height)))
        .toBeGreaterThanOrEqual(applied);
      expect(await frame.evaluate((el) => (el as HTMLElement).style.height)).toBe(`${applied}px`);
    }
    // The iframe's height follows its content: the scorecard's full height, not its fixed 720 px default.
    const content = await score
      .locator('[data-testid="embed"]')
      .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    expect(Number(await page.locator('#yangfan-scorecard').getAttribute('data-height'))).toBe(content);
    // Open in Yangfan: the full app, same scenario, in a new tab.
    const open = chart.locator('[data-testid="embed-open"]');
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('rel')).toBe('noopener');
    const href = (await open.getAttribute('href'))!;
    expect(href).not.toContain('embed=1');
    expect(href.startsWith(h.url)).toBe(true);
    const r = decodeLink(href);
    expect(r.ok && r.state.scenario.preset).toBe('plan-ambition');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works at a fixed height on a host page with no script', async () => {
    const context = await h.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const hash = encodeLink({ ...defaultLinkState('en'), scenario: presetById('cautious')!.scenario });
    await page.route(`${h.url}static-host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><title>host</title><iframe id="f" src="./?embed=1&view=card&indicator=base_stations_per_10k&lang=en&theme=dark${hash}" width="600" height="260" style="border:0"></iframe>`,
      }),
    );
    await page.goto(`${h.url}static-host.html`);
    const frame = page.frameLocator('#f');
    const node = runModel(presetById('cautious')!.scenario);
    await expect
      .poll(() => frame.locator('[data-testid="embed-pmet"]').getAttribute('data-p').then(Number), { timeout: 30_000 })
      .toBe(node.outputs.base_stations_per_10k.pMet);
    expect(await frame.locator('[data-testid="embed-pmet"]').innerText()).toBe(
      formatProb(node.outputs.base_stations_per_10k.pMet, 'en'),
    );
    expect(await frame.locator('[data-testid="embed-verdict"]').isVisible()).toBe(true);
    expect(await frame.locator('html').getAttribute('data-theme')).toBe('dark');
    // The iframe keeps its fixed height: nothing on the host listens.
    expect(await page.locator('#f').evaluate((el) => el.getBoundingClientRect().height)).toBe(260);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes the iframe snippet for the chosen view in the Embed dialog', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await page.fill('[data-testid="title"]', 'Embedded "scenario"');
    await page.click('[data-testid="open-embed"]');
    const dialog = page.locator('[data-testid="embed-dialog"]');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.check('[data-testid="embed-view-chart"]');
    await page.selectOption('[data-testid="embed-indicator"]', 'users');
    await page.check('[data-testid="embed-controls"]');
    const snippet = page.locator('[data-testid="embed-snippet"]');
    await expect.poll(() => snippet.inputValue()).toContain('view=chart&amp;indicator=users&amp;controls=1');
    const html = await snippet.inputValue();
    expect(html).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;view=chart&amp;indicator=users&amp;controls=1&amp;lang=en&amp;theme=light#v2\.baseline\.[\w-]+" /,
    );
    expect(html).toMatch(/height="\d+"/);
    expect(html).toContain('title="Yangfan · 5G users"');
    // The snippet's link carries the scenario (with its title).
    const src = /src="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    const r = decodeLink(src);
    expect(r.ok && r.state.scenario.title).toBe('Embedded "scenario"');
    // The live preview shows that frame at the snippet's height, and says the listener is included.
    const preview = page.locator('[data-testid="embed-preview-frame"]');
    await expect.poll(() => preview.getAttribute('src')).toBe(src);
    expect(await preview.getAttribute('height')).toBe(/height="(\d+)"/.exec(html)![1]);
    await expect
      .poll(
        () =>
          page.frameLocator('[data-testid="embed-preview-frame"]').locator('[data-testid="embed"] figure svg').count(),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    expect(html).toContain('<script>');
    expect(await page.locator('[data-testid="embed-help"]').innerText()).toContain('resize listener');
    await page.uncheck('[data-testid="embed-controls"]');
    await expect.poll(() => preview.getAttribute('src')).toContain('controls=0');
    expect(await snippet.inputValue()).not.toContain('<script');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // And it works: open the snippet's address.
    const embedded = await context.newPage();
    await embedded.goto(src);
    await waitForResult(embedded);
    await expect.poll(() => embedded.locator('figure svg').count()).toBeGreaterThan(0);
    expect(await embedded.locator('[data-testid="embed-title"]').innerText()).toContain('Embedded "scenario"');
    expect(errors).toEqual([]);
    await context.close();
  });
});
