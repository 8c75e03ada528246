/**
 * Nothing lost, in real Chromium on the production build: notes that make the share link too long are kept as a
 * draft in the tab and come back after a reload (the banner says why the address is not updated); a damaged store of
 * saved scenarios that cannot be backed up (the storage is full) is offered as a download, then cleared.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** 4,000 CJK characters that deflate poorly (a linear congruential walk over the CJK block): too long for a link. */
function longNotes(): string {
  let x = 12345;
  let s = '';
  for (let i = 0; i < 4000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += String.fromCharCode(0x4e00 + (x % 20000));
  }
  return s;
}

describe('nothing lost', () => {
  it('keeps notes too long for the link as a draft of the tab and restores them after a reload', async () => {
    const { page, context, errors } = await openPage(h);
    await waitForResult(page);
    // The address holds the first link once it is written.
    await expect.poll(() => page.evaluate(() => location.hash.startsWith('#v'))).toBe(true);
    const link = await page.evaluate(() => location.hash);
    const notes = longNotes();
    await page.locator('[data-testid="notes-field"] > summary').click();
    await page.locator('[data-testid="notes"]').fill(notes);
    await expect.poll(() => page.locator('[data-testid="link-too-long"]').count()).toBe(1);
    expect(await page.locator('[data-testid="link-draft-kept"]').innerText()).toBe(
      '您的修改已作为草稿保存在本浏览器标签页中，重新加载后会恢复。',
    );
    // The address keeps the last link that fits.
    expect(await page.evaluate(() => location.hash)).toBe(link);

    await page.reload();
    await waitForResult(page);
    await expect.poll(() => page.locator('[data-testid="notice-draft"]').count()).toBe(1);
    expect(await page.locator('[data-testid="notice-draft"]').innerText()).toContain('备注使链接过长');
    await page.locator('[data-testid="notes-field"] > summary').click();
    expect(await page.locator('[data-testid="notes"]').inputValue()).toBe(notes);
    await expect.poll(() => page.locator('[data-testid="link-too-long"]').count()).toBe(1);
    expect(await page.evaluate(() => location.hash)).toBe(link);

    // Shortened notes fit again: the link is written and the draft dropped (a reload then shows no draft).
    await page.locator('[data-testid="notes"]').fill('短备注');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(link);
    await expect.poll(() => page.locator('[data-testid="link-too-long"]').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('yangfan.draft.v1'))).toBeNull();
    await page.reload();
    await waitForResult(page);
    await page.locator('[data-testid="notes-field"] > summary').click();
    expect(await page.locator('[data-testid="notes"]').inputValue()).toBe('短备注');
    expect(await page.locator('[data-testid="notice-draft"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers a damaged store that cannot be backed up as a download, then clears it', async () => {
    const damaged = '{"version":1,"items":[{"name":"季度复盘","savedAt":';
    const context = await h.browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    await context.addInitScript((raw) => {
      localStorage.setItem('yangfan.saved.v1', raw);
      // The storage is full for anything the saved scenarios would write (their backup included).
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (this === localStorage && key.startsWith('yangfan.saved'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    }, damaged);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(h.url);
    await waitForResult(page);
    const notice = page.locator('[data-testid="notice-storage"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getAttribute('data-code')).toBe('corrupt');
    const action = notice.locator('[data-testid="notice-action"]');
    expect(await action.innerText()).toBe('下载损坏的数据，然后清除');
    const [download] = await Promise.all([page.waitForEvent('download'), action.click()]);
    expect(download.suggestedFilename()).toMatch(/^yangfan-saved-damaged-.*\.json$/);
    expect(await readFile((await download.path())!, 'utf8')).toBe(damaged);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('yangfan.saved.v1'))).toBeNull();
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('info');
    expect(await notice.innerText()).toContain('已从浏览器存储中清除');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
