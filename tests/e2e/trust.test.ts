/**
 * Numbers a planner can trust, in real Chromium on the production build: typed formats in a field (grouping, 万,
 * full-width; a decimal comma refused with a message and the value kept), percentage points in zh and en, IoT growth
 * without a crossing month, the sticky status showing a flip after a drag far from the scorecard, the preset's grey
 * reference line after an edit, and the verdicts on the first screen of a 375 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, waitForResult, sliderThumb, type Harness } from '../../tools/harness';
import type { Page } from 'playwright-core';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const valueOf = (page: Page, param: string) => page.getAttribute(`#p-${param}-number`, 'data-value').then(Number);

async function typeInto(page: Page, selector: string, text: string) {
  const input = page.locator(selector);
  await input.scrollIntoViewIfNeeded();
  await input.fill(text);
  await input.press('Enter');
}

describe('numbers a planner can trust', () => {
  it('reads grouped, 万 and full-width numbers in a field, refuses a decimal comma and keeps the value', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    const g0 = await waitForResult(page);
    await typeInto(page, '#p-buildAnnual-number', '65万');
    await expect.poll(() => valueOf(page, 'buildAnnual')).toBe(650000);
    await waitForResult(page, g0 + 1);
    await typeInto(page, '#p-buildAnnual-number', '700,000');
    await expect.poll(() => valueOf(page, 'buildAnnual')).toBe(700000);
    await typeInto(page, '#p-buildAnnual-number', '７２００００');
    await expect.poll(() => valueOf(page, 'buildAnnual')).toBe(720000);
    // Unfocused, the field shows the value readably: 72万 in Chinese.
    await page.locator('h1').click();
    expect(await page.inputValue('#p-buildAnnual-number')).toBe('72万');
    // A decimal comma is refused with what was understood and the allowed range; the value stays.
    await typeInto(page, '#p-buildAnnual-number', '600,00');
    await expect.poll(() => page.locator('#p-buildAnnual-msg').innerText()).toContain('逗号只能是小数点');
    expect(await page.locator('#p-buildAnnual-msg').innerText()).toContain('允许范围：0 至 150万 站/年');
    expect(await page.getAttribute('#p-buildAnnual-number', 'aria-invalid')).toBe('true');
    expect(await valueOf(page, 'buildAnnual')).toBe(720000);
    expect(await page.inputValue('#p-buildAnnual-range')).toBe('720000');
    // The uncertainty fields read the same formats: open the editor on demand, type 60万 as the minimum.
    const summary = page.locator('[data-testid="dist-summary-buildAnnual"]');
    expect(await summary.innerText()).toMatch(/^不确定性：三角分布 /);
    await page.locator('[data-testid="param-buildAnnual"] button[aria-controls="p-buildAnnual-dist-editor"]').click();
    await typeInto(page, '#p-buildAnnual-dist-min', '60万');
    await expect.poll(() => summary.innerText()).toMatch(/^不确定性：三角分布 60万–/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows 7-digit values whole in English, and the unit beside them', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    await waitForResult(page);
    await typeInto(page, '#p-buildAnnual-number', '1 500 000');
    await expect.poll(() => valueOf(page, 'buildAnnual')).toBe(1500000);
    await page.locator('h1').click();
    expect(await page.inputValue('#p-buildAnnual-number')).toBe('1,500,000');
    const fits = await page.locator('#p-buildAnnual-number').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    await page.locator('[data-testid="param-buildAnnual"] button[aria-controls="p-buildAnnual-dist-editor"]').click();
    const minFits = await page.locator('#p-buildAnnual-dist-min').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(minFits).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes differences of percentages in 个百分点 and pp', async () => {
    for (const [locale, unit] of [
      ['zh-CN', '个百分点'],
      ['en-US', 'pp'],
    ] as const) {
      const { page, context, errors } = await openPage(h, '', { locale });
      await waitForResult(page);
      for (const id of ['user_penetration', 'traffic_share', 'industrial_penetration', 'iot_growth']) {
        const margin = await page.locator(`[data-testid="margin-${id}"]`).innerText();
        expect(margin, `${locale} ${id}`).toMatch(new RegExp(`^[+−]\\d+(\\.\\d)? ${unit}$`));
      }
      // And the summary line above the scorecard.
      const summary = await page.locator('[data-testid="summary-line"]').innerText();
      expect(summary).toMatch(
        locale === 'zh-CN'
          ? /^8项主要指标中\d项在中心路径下达标 · 全部达标概率 /
          : /^\d of 8 headline targets met on the central path · P\(all met\) /,
      );
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('gives IoT growth no crossing month in the scorecard, the cell or its chart', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    await waitForResult(page);
    expect(await page.locator('[data-testid="timing-iot_growth"]').innerText()).toBe(
      '仅在截止时判断（2021–2023年平均）',
    );
    await page.locator('#cell-iot_growth figure').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#cell-iot_growth figure svg').count()).toBeGreaterThan(0);
    const stats = await page.locator('[data-testid="stats-iot_growth"]').innerText();
    expect(stats.replace('2023年12月数值', '')).not.toMatch(/\d{4}年\d{1,2}月/);
    expect(stats).not.toContain('半数样本达标');
    expect(await page.locator('[data-testid="verdict-iot_growth"]').innerText()).not.toMatch(/\d{4}年\d{1,2}月/);
    expect(await page.locator('#cell-iot_growth figure svg').innerHTML()).not.toContain('中心路径首次达标');
    // Other indicators name both months, in Chinese dates.
    expect(await page.locator('[data-testid="timing-users"]').innerText()).toMatch(
      /中心路径首次达标：\d{4}年\d{1,2}月\s+半数样本达标：\d{4}年\d{1,2}月/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the verdicts in view while a slider far from the scorecard is dragged, and shows the flip', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'zh-CN' });
    const g0 = await waitForResult(page);
    expect(await page.locator('[data-testid="sticky-status"]').count()).toBe(0);
    expect(await page.locator('[data-testid="verdict-badge-base_stations_per_10k"]').innerText()).toBe('未达标');
    // Drag the annual additions from 600,000 to about 900,000 (the scorecard is then far out of view).
    const a = await sliderThumb(page, 'buildAnnual', 600000, 0, 1.5e6);
    const b = await sliderThumb(page, 'buildAnnual', 900000, 0, 1.5e6);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 10 });
    await page.mouse.up();
    await waitForResult(page, g0 + 1);
    const sticky = page.locator('[data-testid="sticky-status"]');
    await expect.poll(() => sticky.isVisible()).toBe(true);
    expect(
      await page.locator('[data-testid="scorecard-section"]').evaluate((el) => el.getBoundingClientRect().bottom < 0),
    ).toBe(true);
    await expect
      .poll(() => page.locator('[data-testid="sticky-flip-base_stations_per_10k"]').textContent(), { timeout: 10_000 })
      .toBe('未达标 → 达标');
    expect(await page.locator('[data-testid="chip-users"]').innerText()).toContain('用户数');
    expect(await page.locator('[data-testid="sticky-edited"]').innerText()).toMatch(
      /^每万人拥有5G基站数：[\d.]+ · 达标概率 /,
    );
    // The scorecard row says the same.
    expect(await page.locator('[data-testid="flip-base_stations_per_10k"]').innerText()).toBe('未达标 → 达标');
    // For a few seconds only.
    await expect
      .poll(() => page.locator('[data-testid="sticky-flip-base_stations_per_10k"]').count(), { timeout: 12_000 })
      .toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the preset’s central path as a grey reference line once the scenario differs, with a legend entry', async () => {
    const { page, context, errors } = await openPage(h, '', { locale: 'en-US' });
    const g0 = await waitForResult(page);
    const fig = page.locator('#cell-base_stations_per_10k figure');
    await fig.scrollIntoViewIfNeeded();
    await expect.poll(() => fig.locator('svg').count()).toBeGreaterThan(0);
    // `ghost-baseline` is the className fan-chart.ts gives the Plot mark: Plot's SVG has no markup of ours to put a
    // data-testid on, and a mark takes a className but no data attributes.
    expect(await fig.locator('.ghost-baseline').count()).toBe(0);
    expect(await page.locator('#cell-base_stations_per_10k [data-testid="legend-baseline"]').count()).toBe(0);
    await typeInto(page, '#p-buildAnnual-number', '900,000');
    await waitForResult(page, g0 + 1);
    await expect.poll(() => fig.locator('.ghost-baseline').count()).toBeGreaterThan(0);
    expect(await page.locator('#cell-base_stations_per_10k [data-testid="legend-baseline"]').innerText()).toBe(
      'preset baseline',
    );
    // Every fan chart has it, not only the edited one.
    const other = page.locator('#cell-users figure');
    await other.scrollIntoViewIfNeeded();
    await expect.poll(() => other.locator('.ghost-baseline').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Back at the preset, it goes.
    await page.locator('[data-testid="reset-preset"]').click();
    // (Charts redraw only on screen: bring the figure back into view after the click scrolled to the button.)
    await other.scrollIntoViewIfNeeded();
    await expect.poll(() => other.locator('.ghost-baseline').count(), { timeout: 15_000 }).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the verdicts on the first screen of a 375 px phone', async () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page, context, errors } = await openPage(h, '', { locale, viewport: { width: 375, height: 740 } });
      await waitForResult(page);
      const box = await page.locator('[data-testid="verdict-badge-users"]').boundingBox();
      expect(box, locale).not.toBeNull();
      expect(box!.y + box!.height, locale).toBeLessThanOrEqual(740);
      const summary = await page.locator('[data-testid="summary-line"]').boundingBox();
      expect(summary!.y).toBeLessThan(740);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
