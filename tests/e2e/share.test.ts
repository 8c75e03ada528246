/**
 * Sharing in real Chromium on the production build: a link carries the whole state and reproduces identical
 * results in a fresh browser; malformed, truncated, tampered, newer and hostile links are reported (translated, with
 * the error code) and a working scenario opens; older links are migrated with their notes; hashchange is handled;
 * corrupted saved scenarios never stop the app; saved scenarios can be saved, renamed, opened and deleted; a bad
 * scenario file changes nothing; undo and redo work from the keyboard; a comparison overlays other scenarios' paths
 * and sets their figures side by side, run with common random numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import type { Page } from 'playwright-core';
import { startHarness, openPage, waitForResult, sliderThumb, type Harness } from '../../tools/harness';
import { decodeLink, encodeLink, toBase64Url } from '../../src/scenario/link';
import { defaultLinkState } from '../../src/scenario/link-state';
import { exportScenarioJson } from '../../src/scenario/file';
import { PRESETS, presetById } from '../../src/scenario/presets';
import { OUTPUT_IDS, runModel, MODEL_VERSION } from '../../src/model';
import { CORRUPT_KEY_PREFIX, SAVED_KEY } from '../../src/scenario/storage';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const generation = (page: Page) => page.getAttribute('[data-testid="status"]', 'data-generation').then(Number);
const pOf = (page: Page, id: string) => page.getAttribute(`[data-testid="pmet-${id}"]`, 'data-p').then(Number);

/** Types a value into a parameter's number field and waits for its full run. */
async function setParam(page: Page, id: string, value: string) {
  const g = await generation(page);
  await page.fill(`#p-${id}-number`, value);
  await page.press(`#p-${id}-number`, 'Enter');
  await waitForResult(page, g + 1);
}

/** Waits until the address bar holds a link whose decoded state satisfies `test`. */
async function waitForLink(page: Page, test: (hash: string) => boolean) {
  await expect.poll(() => page.evaluate(() => location.hash).then(test), { timeout: 5000 }).toBe(true);
  return page.evaluate(() => location.hash);
}

describe('share links', () => {
  it('reproduces the identical scenario and results from a copied link in a fresh browser', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    await waitForResult(page);
    await setParam(page, 'buildAnnual', '700000');
    await setParam(page, 'bassQ', '0.03');
    await page.fill('[data-testid="title"]', 'Faster build-out 加快建设');
    await page.click('[data-testid="notes-field"] > summary');
    await page.fill('[data-testid="notes"]', 'Two changes.');
    await waitForResult(page);
    await page.click('[data-testid="copy-link"]');
    await expect.poll(() => page.locator('[data-testid="copy-msg"]').innerText()).not.toBe('');
    let link = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
    if (!link) link = await page.inputValue('[data-testid="share-link"]');
    expect(link.startsWith(h.url + '#v2.baseline.')).toBe(true);
    expect(await page.inputValue('[data-testid="share-link"]')).toBe(link);
    expect(await page.evaluate(() => location.href)).toBe(link);
    // The link decodes to exactly what is on screen.
    const decoded = decodeLink(link);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.scenario.params.buildAnnual.value).toBe(700000);
    expect(decoded.state.scenario.params.bassQ.value).toBe(0.03);
    expect(decoded.state.scenario.title).toBe('Faster build-out 加快建设');
    expect(decoded.state.lang).toBe('en');
    // The scenario is the same; a verdict flipped by the edits is marked for a few seconds: compare once it settles.
    await expect.poll(() => page.locator('[data-testid^="flip-"]').count()).toBe(0);
    const scorecard = await page.locator('[data-testid="scorecard"]').innerText();
    const ps = await Promise.all(OUTPUT_IDS.map((id) => pOf(page, id)));

    // A fresh context: no storage, another default language.
    const fresh = await openPage(h, link.slice(h.url.length), { locale: 'zh-CN' });
    await waitForResult(fresh.page);
    expect(await fresh.page.locator('[data-testid="scorecard"]').innerText()).toBe(scorecard);
    expect(await Promise.all(OUTPUT_IDS.map((id) => pOf(fresh.page, id)))).toEqual(ps);
    expect(await fresh.page.inputValue('[data-testid="title"]')).toBe('Faster build-out 加快建设');
    expect(await fresh.page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('700000');
    expect(await fresh.page.evaluate(() => document.title)).toContain('Faster build-out 加快建设');
    expect(await fresh.page.locator('[data-testid="notice-link"]').count()).toBe(0);
    // The same figures as Node for the decoded scenario (same seed).
    const node = runModel(decoded.state.scenario);
    expect(ps).toEqual(OUTPUT_IDS.map((id) => node.outputs[id].pMet));
    // Opening the link changed nothing, so the address is still the same link.
    await fresh.page.waitForTimeout(400);
    expect(await fresh.page.evaluate(() => location.href)).toBe(link);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
    await context.close();
  });

  it('updates the address as the user works, without adding history entries', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    const entries = await page.evaluate(() => history.length);
    await setParam(page, 'buildAnnual', '650000');
    const hash = await waitForLink(page, (x) => {
      const r = decodeLink(x);
      return r.ok && r.state.scenario.params.buildAnnual.value === 650000;
    });
    await page.fill('[data-testid="title"]', 'abc');
    const short = await waitForLink(page, (x) => x !== hash);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // Notes too long for a link (random Chinese does not compress): said so; the address keeps the last link that fits.
    let seed = 7;
    const cjk = Array.from({ length: 3000 }, () =>
      String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000)),
    ).join('');
    await page.click('[data-testid="notes-field"] > summary');
    await page.fill('[data-testid="notes"]', cjk);
    await expect
      .poll(() => page.locator('[data-testid="link-too-long"]').innerText())
      .toMatch(/needs a link of \d+ characters, more than the 8000/);
    expect(await page.evaluate(() => location.hash)).toBe(short);
    await page.click('[data-testid="copy-link"]');
    await expect.poll(() => page.locator('[data-testid="copy-msg"]').innerText()).toContain('more than the 8000');
    await page.fill('[data-testid="notes"]', 'short again');
    await expect.poll(() => page.locator('[data-testid="link-too-long"]').count()).toBe(0);
    await waitForLink(page, (x) => x !== short && decodeLink(x).ok);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports malformed, newer, truncated and tampered links with their code and opens a working scenario', async () => {
    const good = encodeLink({
      ...defaultLinkState('en'),
      scenario: { ...PRESETS[0].scenario, title: 'Good one', seed: 7 },
    });
    const cases = [
      { hash: '#v1.baseline.@@@', code: 'payload' },
      { hash: '#v9.x', code: 'version' },
      { hash: good.slice(0, good.length - 9), code: /payload|json/ },
      { hash: good.slice(0, -3) + (good.endsWith('A') ? 'BBB' : 'AAA'), code: /payload|json|schema/ },
      { hash: '#v1.no-such-preset', code: 'preset' },
      { hash: '#garbage<script>', code: 'version' },
    ];
    for (const c of cases) {
      const { page, context, errors } = await openPage(h, c.hash, { locale: 'en-US' });
      const notice = page.locator('[data-testid="notice-link"]');
      await expect.poll(() => notice.count()).toBe(1);
      expect(await notice.getAttribute('data-kind')).toBe('error');
      const code = (await notice.getAttribute('data-code'))!;
      if (typeof c.code === 'string') expect(code).toBe(c.code);
      else expect(code).toMatch(c.code);
      const text = await notice.innerText();
      expect(text).toContain(`code: ${code}`);
      expect(text).toContain('The default scenario was opened instead.');
      // A working scenario: results arrive, the address becomes a good link.
      await waitForResult(page);
      expect(await page.locator('[data-testid^="score-"]').count()).toBe(OUTPUT_IDS.length);
      await waitForLink(page, (x) => decodeLink(x).ok);
      // Dismissable.
      await notice.locator('[data-testid="notice-dismiss"]').click();
      expect(await notice.count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('opens the last good scenario of this browser when a link is broken', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await page.fill('[data-testid="title"]', 'Last good');
    await waitForLink(
      page,
      (x) =>
        decodeLink(x).ok &&
        (decodeLink(x) as { state: { scenario: { title: string } } }).state.scenario.title === 'Last good',
    );
    // Another tab of this browser (its own sessionStorage; localStorage is shared) opens a broken link.
    const tab = await context.newPage();
    await tab.goto(h.url + '#v1.baseline.@@@');
    await expect
      .poll(() => tab.locator('[data-testid="notice-link"]').innerText())
      .toContain('The last scenario that worked in this browser was opened instead.');
    expect(await tab.inputValue('[data-testid="title"]')).toBe('Last good');
    await waitForResult(tab);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a hostile title and notes as text, never as markup', async () => {
    const state = defaultLinkState('en');
    state.scenario.title = '<img src=x onerror=alert(1)>';
    state.scenario.notes = '<script>alert(2)</script><b onclick=alert(3)>bold</b>';
    const { page, context, errors } = await openPage(h, encodeLink(state), { locale: 'en-US' });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForResult(page);
    expect(await page.inputValue('[data-testid="title"]')).toBe('<img src=x onerror=alert(1)>');
    await page.click('[data-testid="notes-field"] > summary');
    expect(await page.inputValue('[data-testid="notes"]')).toBe(state.scenario.notes);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main b, main script').count()).toBe(0);
    expect(await page.evaluate(() => document.title)).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid="notice-link"]').count()).toBe(0);
    // In the presentation and the saved list too.
    await page.click('[data-testid="open-saved"]');
    await page.fill('[data-testid="save-name"]', '<img src=y onerror=alert(4)>');
    await page.click('[data-testid="save-button"]');
    await expect
      .poll(() => page.locator('[data-testid="saved-item"] [data-testid="saved-name"]').innerText())
      .toBe('<img src=y onerror=alert(4)>');
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('migrates an old (v0) link and names an older model version', async () => {
    const v0 = { ...PRESETS[2].scenario, as_of: '2021-07-31', lang: 'en', title: 'Old link' } as Record<
      string,
      unknown
    >;
    delete v0.asOf;
    const { page, context, errors } = await openPage(
      h,
      `#v0=${toBase64Url(new TextEncoder().encode(JSON.stringify(v0)))}`,
      { locale: 'en-US' },
    );
    const notice = page.locator('[data-testid="notice-link"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getAttribute('data-kind')).toBe('warning');
    const text = await notice.innerText();
    expect(text).toContain('link format v0');
    expect(text).toContain(`model ${MODEL_VERSION}`);
    await waitForResult(page);
    expect(await page.inputValue('[data-testid="preset"]')).toBe('cautious');
    expect(await page.inputValue('[data-testid="title"]')).toBe('Old link');
    // The address is upgraded to the current format.
    await waitForLink(page, (x) => x.startsWith('#v2.cautious.'));
    await context.close();

    const json = JSON.stringify({ mv: '1.0.0', dv: '2021-07', t: 'Made with 1.0.0', l: 'en' });
    const old = await openPage(h, `#v1.baseline.${toBase64Url(deflateSync(new TextEncoder().encode(json)))}`, {
      locale: 'en-US',
    });
    await expect
      .poll(() => old.page.locator('[data-testid="notice-link"]').innerText())
      .toContain(`made with model version 1.0.0; this is ${MODEL_VERSION}`);
    await waitForResult(old.page);
    expect(await old.page.inputValue('[data-testid="title"]')).toBe('Made with 1.0.0');
    expect(errors).toEqual([]);
    expect(old.errors).toEqual([]);
    await old.context.close();
  });

  it('opens a link typed into the address bar (hashchange), and keeps the scenario when it is broken', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g = await waitForResult(page);
    // A link names its language (a bare `#v2.cautious` would be Chinese, the default).
    const cautious = encodeLink({ ...defaultLinkState('en'), scenario: presetById('cautious')!.scenario });
    await page.evaluate((x) => (location.hash = x), cautious);
    await expect.poll(() => page.inputValue('[data-testid="preset"]')).toBe('cautious');
    await waitForResult(page, g + 1);
    expect(await pOf(page, 'users')).toBe(runModel(presetById('cautious')!.scenario).outputs.users.pMet);
    await page.evaluate(() => (location.hash = '#v1.baseline.@@@'));
    const notice = page.locator('[data-testid="notice-link"]');
    await expect.poll(() => notice.getAttribute('data-code')).toBe('payload');
    expect(await notice.innerText()).toContain('Nothing was changed');
    expect(await page.inputValue('[data-testid="preset"]')).toBe('cautious');
    await waitForLink(page, (x) => x === cautious);
    // The page's own anchors still work and the link comes back.
    await page.evaluate(() => (location.hash = '#cells'));
    await waitForLink(page, (x) => x === cautious);
    expect(await page.locator('[data-testid="notice-link"]').getAttribute('data-code')).toBe('payload');
    // Opening a link is an undo step.
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.inputValue('[data-testid="preset"]')).toBe('baseline');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('saved scenarios and files', () => {
  it('loads despite a corrupted saved-scenarios value, reports it and keeps a backup; then saves, renames, opens, deletes', async () => {
    const context = await h.browser.newContext({ locale: 'en-US' });
    await context.addInitScript(
      ([key]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, '{"version":1,"items":[{"name":"ok"');
          sessionStorage.setItem('seeded', '1');
        }
      },
      [SAVED_KEY],
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(h.url);
    await waitForResult(page);
    const notice = page.locator('[data-testid="notice-storage"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getAttribute('data-code')).toBe('corrupt');
    const text = await notice.innerText();
    expect(text).toContain('The saved scenarios were damaged.');
    expect(text).toContain(CORRUPT_KEY_PREFIX);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    const backup = keys.find((k) => k.startsWith('yangfan.saved.corrupt.'))!;
    expect(text).toContain(backup);
    expect(await page.evaluate((k) => localStorage.getItem(k), backup)).toBe('{"version":1,"items":[{"name":"ok"');

    // Save, rename, open, delete.
    await page.click('[data-testid="open-saved"]');
    await expect.poll(() => page.locator('[data-testid="saved-empty"]').count()).toBe(1);
    await setParam(page, 'buildAnnual', '720000');
    await page.fill('[data-testid="save-name"]', 'Fast build');
    await page.click('[data-testid="save-button"]');
    const item = page.locator('[data-testid="saved-item"]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('Fast build');
    expect(await item.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await item.locator('[data-testid="saved-rename"]').click();
    await page.fill('[data-testid="rename-input"]', 'Faster build');
    await page.click('[data-testid="rename-commit"]');
    await expect.poll(() => item.getAttribute('data-name')).toBe('Faster build');
    await setParam(page, 'buildAnnual', '500000');
    await item.locator('[data-testid="saved-open"]').click();
    await expect.poll(() => page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('720000');
    await item.locator('[data-testid="saved-delete"]').click();
    await item.locator('[data-testid="saved-delete-confirm"]').click();
    await expect.poll(() => item.count()).toBe(0);
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), SAVED_KEY))!);
    expect(stored.items).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a corrupted scenario file with its errors and changes nothing; a good file is applied', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g = await waitForResult(page);
    await page.click('[data-testid="open-saved"]');
    const input = page.locator('[data-testid="import-file"]');
    const before = {
      q: await page.getAttribute('#p-bassQ-number', 'data-value'),
      title: await page.inputValue('[data-testid="title"]'),
      hash: await page.evaluate(() => location.hash),
    };
    const bad = [
      { name: 'broken.json', text: '{"version": 1, "params": {', code: 'json' },
      {
        name: 'out-of-range.json',
        text: JSON.stringify({ version: 1, title: 'Bad', params: { bassQ: { value: 99 } } }),
        code: 'schema',
        mention: 'params.bassQ.value',
      },
      { name: 'array.json', text: '[1,2,3]', code: 'not-object' },
      { name: 'empty.json', text: '', code: 'empty' },
    ];
    for (const f of bad) {
      await input.setInputFiles({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) });
      const err = page.locator('[data-testid="import-error"]');
      await expect.poll(() => err.getAttribute('data-code')).toBe(f.code);
      const text = await err.innerText();
      expect(text).toContain(f.name);
      expect(text).toContain('Nothing was changed.');
      if (f.mention) expect(text).toContain(f.mention);
    }
    await page.waitForTimeout(350);
    expect(await generation(page)).toBe(g);
    expect(await page.getAttribute('#p-bassQ-number', 'data-value')).toBe(before.q);
    expect(await page.inputValue('[data-testid="title"]')).toBe(before.title);
    expect(await page.evaluate(() => location.hash)).toBe(before.hash);
    expect(await page.locator('[data-testid="undo"]').isDisabled()).toBe(true);

    const good = exportScenarioJson({ ...presetById('plan-ambition')!.scenario, title: 'Imported' });
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await expect.poll(() => page.inputValue('[data-testid="title"]')).toBe('Imported');
    expect(await page.inputValue('[data-testid="preset"]')).toBe('plan-ambition');
    expect(await page.locator('[data-testid="import-error"]').count()).toBe(0);
    await waitForResult(page, g + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('undo and redo', () => {
  it('undoes and redoes edits with the keyboard, not while typing, and a slider drag is one step', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await setParam(page, 'buildAnnual', '610000');
    await setParam(page, 'buildAnnual', '620000');
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('610000');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('600000');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('610000');
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('620000');
    await waitForResult(page);
    const p620 = await pOf(page, 'base_stations_per_10k');

    // In a text field Ctrl+Z belongs to the field.
    await page.fill('[data-testid="title"]', 'typing');
    await page.focus('[data-testid="title"]');
    await page.keyboard.press('Control+z');
    expect(await page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('620000');
    await page.fill('[data-testid="title"]', 'typed');

    // A drag across many steps is one undo step.
    await page.locator('h1').click();
    const { x: x0, y } = await sliderThumb(page, 'ratioDrift', 0.25, -0.2, 1.5);
    await page.mouse.move(x0, y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(x0 + i * 4, y);
      await page.waitForTimeout(20);
    }
    await page.mouse.up();
    await expect.poll(() => page.getAttribute('#p-ratioDrift-number', 'data-value').then(Number)).toBeGreaterThan(0.25);
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getAttribute('#p-ratioDrift-number', 'data-value')).toBe('0.25');
    expect(await page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('620000');
    await waitForResult(page);
    await expect.poll(() => pOf(page, 'base_stations_per_10k')).toBe(p620);
    // The buttons do the same.
    await page.click('[data-testid="undo"]');
    await expect.poll(() => page.inputValue('[data-testid="title"]')).toBe('');
    await page.click('[data-testid="redo"]');
    await expect.poll(() => page.inputValue('[data-testid="title"]')).toBe('typed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resets to the preset, to the opened link and to the defaults', async () => {
    const state = defaultLinkState('en');
    state.scenario = { ...presetById('cautious')!.scenario, title: 'From a link' };
    state.scenario.params = {
      ...state.scenario.params,
      buildAnnual: { ...state.scenario.params.buildAnnual, value: 550000 },
    };
    const { page, context, errors } = await openPage(h, encodeLink(state), { locale: 'en-US' });
    await waitForResult(page);
    expect(await page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('550000');
    await setParam(page, 'buildAnnual', '800000');
    await page.click('[data-testid="reset-preset"]');
    await expect
      .poll(() => page.getAttribute('#p-buildAnnual-number', 'data-value'))
      .toBe(String(presetById('cautious')!.scenario.params.buildAnnual.value));
    expect(await page.inputValue('[data-testid="title"]')).toBe('From a link');
    await page.click('[data-testid="reset-link"]');
    await expect.poll(() => page.getAttribute('#p-buildAnnual-number', 'data-value')).toBe('550000');
    await page.click('[data-testid="reset-defaults"]');
    await expect.poll(() => page.inputValue('[data-testid="preset"]')).toBe('baseline');
    expect(await page.inputValue('[data-testid="title"]')).toBe('');
    expect(await page.getAttribute('[data-testid="reset-preset"]', 'title')).toContain('title and notes stay');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('compare', () => {
  it('overlays a preset’s central paths on every chart and sets its figures beside the current ones', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    // A different seed and sample count: the compared scenario runs with these (common random numbers).
    await page.click('[data-testid="advanced"] > summary');
    const g = await generation(page);
    await page.fill('[data-testid="seed"]', '42');
    await page.press('[data-testid="seed"]', 'Tab');
    await waitForResult(page, g + 1);
    await page.fill('[data-testid="samples"]', '2000');
    await page.press('[data-testid="samples"]', 'Tab');
    await waitForResult(page, g + 2);
    await page.click('[data-testid="open-compare"]');
    expect(await page.locator('[data-testid="compare-panel"]').innerText()).toContain('common random numbers');
    await page.selectOption('[data-testid="compare-choice"]', 'plan-ambition');
    await page.click('[data-testid="compare-add"]');
    await expect
      .poll(() => page.locator('[data-testid="compare-chip"]').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    // The side-by-side table: the compared preset's figures equal Node's run at this seed and sample count.
    const node = runModel({ ...presetById('plan-ambition')!.scenario, seed: 42, samples: 2000 });
    for (const id of OUTPUT_IDS) {
      const cell = page.locator(`[data-testid="cmp-p-${id}-0"]`);
      expect(Number(await cell.getAttribute('data-p'))).toBe(node.outputs[id].pMet);
      expect(Number(await cell.getAttribute('data-dp'))).toBeCloseTo(node.outputs[id].pMet - (await pOf(page, id)), 12);
    }
    expect(await page.locator('[data-testid="compare-head"]').innerText()).toContain('Plan ambition');
    // Dashed overlay paths on the charts.
    for (const id of ['users', 'traffic_share', 'industry_vpn']) {
      await page.locator(`#cell-${id} figure`).scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.locator(`#cell-${id} figure svg [stroke-dasharray="6,3"]`).count())
        .toBeGreaterThan(0);
      expect(await page.locator(`#cell-${id} figure svg [stroke-dasharray="6,3"]`).first().getAttribute('stroke')).toBe(
        '#E69F00',
      );
    }
    // The comparison is part of the link.
    const hash = await waitForLink(page, (x) => {
      const r = decodeLink(x);
      return r.ok && r.state.view.mode === 'compare' && r.state.compare?.[0] === 'plan-ambition';
    });
    // Closing it removes the overlays.
    await page.click('[data-testid="compare-close"]');
    await page.locator('#cell-users figure').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#cell-users figure svg [stroke-dasharray="6,3"]').count()).toBe(0);
    expect(hash).toContain('#v2.baseline.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
