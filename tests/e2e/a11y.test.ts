/**
 * Accessibility checked by axe-core on the production build, after every chart has drawn: the notebook with an open
 * analysis panel, the compare view, present mode, the print view (print media) and the three embed views, in zh-CN
 * and en, light and dark. No serious or critical violation may remain; a failing rule's message names its nodes.
 * axe-core is a dev dependency only: its source is evaluated in the page under test, never bundled in the app.
 * Chart text (SVG, which axe's colour-contrast rule does not read) is checked for contrast against the page here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { startHarness, openPage, waitForResult, type Harness } from '../../tools/harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A violation reduced to what a failing test must say: the rule, its impact, its help text and the nodes. */
interface Finding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Where and what to audit: a part of the page (CSS selectors; the whole document by default) and some rules (all by default). */
interface Scope {
  include?: string[];
  rules?: string[];
}

/**
 * The rules whose outcome depends on the page's styles, not only on its markup: what a change of media (print) can
 * change. Markup rules have already run on the same page on screen.
 */
const STYLE_RULES = [
  'color-contrast',
  'link-in-text-block',
  'scrollable-region-focusable',
  'aria-hidden-focus',
  'region',
];

/**
 * Runs axe-core on the page (injected by evaluation: the app's CSP allows no inline script) and returns the serious
 * and critical violations.
 */
async function audit(page: Page, scope: Scope = {}): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    ({ include, rules }) =>
      (window as unknown as { axe: { run(ctx: unknown, o: object): Promise<unknown> } }).axe.run(
        include ? { include: include.map((s) => [s]) } : document,
        {
          resultTypes: ['violations'],
          ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
        },
      ),
    scope,
  )) as AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      nodes: v.nodes.map(
        (n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`,
      ),
    }));
}

/** A readable report of findings: each rule with every node it failed on. */
function report(where: string, findings: Finding[]): string {
  return findings
    .map((f) => `${where}: ${f.rule} (${f.impact}) ${f.help}, on ${f.nodes.length} node(s):\n  ${f.nodes.join('\n  ')}`)
    .join('\n');
}

/**
 * The text of every drawn chart whose contrast with the background behind it is below WCAG AA (4.5:1 for text under
 * 18.66 px bold / 24 px): axe's colour-contrast rule does not read SVG text, so this does the same sum for it.
 */
async function lowContrastChartText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (s: string): [number, number, number, number] | null => {
      const m = s.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const c = [r, g, b].map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    // The first opaque background behind an element (the chart itself is transparent).
    const background = (el: Element): number[] => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0.99) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    for (const text of document.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect();
      if (!box.width || !text.textContent?.trim() || text.closest('[aria-hidden="true"]:not(svg *)')) continue;
      const style = getComputedStyle(text);
      const fill = rgb(style.fill);
      if (!fill) continue;
      // Opacity of the text and of every group above it inside the chart.
      let alpha = fill[3] * Number(style.fillOpacity || 1);
      for (let e: Element | null = text; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement)
        alpha *= Number(getComputedStyle(e).opacity || 1);
      const bg = background(text.closest('svg')!);
      const fg = fill.slice(0, 3).map((v, i) => v * alpha + bg[i] * (1 - alpha));
      const [a, b] = [lum(fg), lum(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        const chart = text.closest('svg')?.getAttribute('aria-label') ?? '?';
        out.push(
          `“${text.textContent.trim()}” in “${chart}”: ${ratio.toFixed(2)}:1 (${style.fill} on rgb(${bg.join(',')}))`,
        );
      }
    }
    return out;
  });
}

/** Every chart figure (role="img") must have a name and a description that is in the page and says something. */
async function undescribedCharts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure[role="img"]')].flatMap((f) => {
      const name = f.getAttribute('aria-label')?.trim();
      const ids = (f.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const text = ids
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
      return name && text
        ? []
        : [
            `figure “${name ?? '?'}” (aria-describedby="${ids.join(' ')}"): ${name ? 'no description in the page' : 'no name'}`,
          ];
    }),
  );
}

/** Scrolls every chart of the page into view in turn and waits until each has drawn its SVG. */
async function drawAllCharts(page: Page): Promise<number> {
  const hosts = page.locator('[data-testid="chart-host"]');
  const n = await hosts.count();
  for (let i = 0; i < n; i++) {
    const host = hosts.nth(i);
    await host.scrollIntoViewIfNeeded();
    await expect.poll(() => host.locator('svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  }
  await page.evaluate(() => scrollTo(0, 0));
  return n;
}

/** Audits the page (or a part of it) and its chart text, and collects what failed under a name. */
async function check(page: Page, where: string, failures: string[], scope: Scope = {}): Promise<void> {
  const findings = await audit(page, scope);
  if (findings.length) failures.push(report(where, findings));
  const bare = await undescribedCharts(page);
  if (bare.length) failures.push(`${where}: charts without a name or description:\n  ${bare.join('\n  ')}`);
  const low = await lowContrastChartText(page);
  if (low.length) failures.push(`${where}: chart text below 4.5:1 contrast:\n  ${low.join('\n  ')}`);
}

/**
 * Both languages in both themes. The markup depends on the language and the styles on the theme: the first two
 * combinations run every rule (each language once, each theme once), the other two the rules that styles decide
 * (their markup is the same as the first two's in the other theme), which keeps the run time down.
 */
const COMBOS: readonly { lang: string; locale: string; colorScheme: 'light' | 'dark'; rules?: string[] }[] = [
  { lang: 'zh-CN', locale: 'zh-CN', colorScheme: 'light' },
  { lang: 'en', locale: 'en-US', colorScheme: 'dark' },
  { lang: 'zh-CN', locale: 'zh-CN', colorScheme: 'dark', rules: STYLE_RULES },
  { lang: 'en', locale: 'en-US', colorScheme: 'light', rules: STYLE_RULES },
];

describe('accessibility (axe-core)', () => {
  for (const combo of COMBOS) {
    const what = combo.rules ? ' in the rules styles decide' : '';
    it(`has no serious or critical violation${what} in ${combo.lang}, ${combo.colorScheme}: notebook, analysis, compare, present, print`, async () => {
      const { page, context, errors } = await openPage(h, '', { locale: combo.locale, colorScheme: combo.colorScheme });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeDefined();
      await waitForResult(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(combo.lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(combo.colorScheme);
      const failures: string[] = [];

      // The notebook with one analysis panel open (its worker's tornado and calibration charts drawn).
      const id = 'users';
      const panel = page.locator(`[data-testid="analysis-${id}"]`);
      await panel.locator(':scope > summary').scrollIntoViewIfNeeded();
      await panel.locator(':scope > summary').click();
      await page.locator(`[data-testid="gs-central-${id}"]`).waitFor({ timeout: 60_000 });
      await page
        .locator(`[data-testid="tornado-${id}"] svg`)
        .waitFor({ state: 'attached', timeout: 60_000 })
        .catch(() => {});
      expect(await drawAllCharts(page)).toBeGreaterThanOrEqual(12);
      await check(page, `notebook + analysis (${combo.lang}, ${combo.colorScheme})`, failures, { rules: combo.rules });

      // The print view: print media, every chart still drawn; the rules that styles decide.
      await page.emulateMedia({ media: 'print' });
      await check(page, `print (${combo.lang}, ${combo.colorScheme})`, failures, { rules: STYLE_RULES });
      await page.emulateMedia({ media: 'screen' });

      // The compare view: a preset's central paths dashed on every chart, and the side-by-side table.
      await page.click('[data-testid="open-compare"]');
      await page.selectOption('[data-testid="compare-choice"]', 'plan-ambition');
      await page.click('[data-testid="compare-add"]');
      await expect
        .poll(() => page.locator('[data-testid="compare-chip"]').getAttribute('data-status'), { timeout: 60_000 })
        .toBe('done');
      await drawAllCharts(page);
      // What comparing adds or redraws: the panel with its table, and every chart with its dashed paths and key.
      await check(page, `compare (${combo.lang}, ${combo.colorScheme})`, failures, {
        include: ['[data-testid="compare-panel"]', '[data-testid^="cell-chart-"]'],
        rules: combo.rules,
      });

      // Present mode: the overview (the scorecard), then the first indicator's slide with its chart drawn.
      await page.click('[data-testid="open-present"]');
      const present = page.locator('[data-testid="present"]');
      await expect.poll(() => present.getAttribute('data-indicator')).toBe('overview');
      await check(page, `present overview (${combo.lang}, ${combo.colorScheme})`, failures, {
        include: ['[data-testid="present"]'],
        rules: combo.rules,
      });
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => present.locator('figure svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await check(page, `present (${combo.lang}, ${combo.colorScheme})`, failures, {
        include: ['[data-testid="present"]'],
        rules: combo.rules,
      });
      await page.keyboard.press('Escape');

      expect(failures.join('\n\n')).toBe('');
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`has no serious or critical violation${what} in the embed views in ${combo.lang}, ${combo.colorScheme}`, async () => {
      const failures: string[] = [];
      const context = await h.browser.newContext({
        locale: combo.locale,
        colorScheme: combo.colorScheme,
        viewport: { width: 900, height: 800 },
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      for (const [view, extra] of [
        ['scorecard', '&controls=1'],
        ['chart', '&indicator=traffic_share&controls=1'],
        ['card', '&indicator=users'],
      ] as const) {
        await page.goto(
          `${h.url}?embed=1&view=${view}${extra}&lang=${combo.lang}&theme=${combo.colorScheme}#v1.baseline`,
        );
        await waitForResult(page);
        if (view !== 'scorecard') await drawAllCharts(page);
        await check(page, `embed ${view} (${combo.lang}, ${combo.colorScheme})`, failures, { rules: combo.rules });
      }
      expect(failures.join('\n\n')).toBe('');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
