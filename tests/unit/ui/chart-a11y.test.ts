/**
 * Charts and assistive technology, in Node on the pure option builders: every chart is one labelled image (its
 * mount gives the figure role="img" and the data table as description), so every mark Plot draws is hidden from the
 * accessibility tree (Plot's aria-label on a roleless <g> is a prohibited attribute), each chart's label names the
 * indicator in the interface language, and the target's label text keeps WCAG AA contrast in both themes.
 */
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { OUTPUT_IDS, observedPoints, runModel } from '../../../src/model';
import { calibrate, type FittedCalibration } from '../../../src/model/calibrate';
import { sensitivity } from '../../../src/model/sensitivity';
import { PRESETS } from '../../../src/scenario/presets';
import { translator } from '../../../src/i18n';
import { fanChartOptions } from '../../../src/ui/notebook/fan-chart';
import { tornadoOptions } from '../../../src/ui/analysis/tornado-chart';
import { fitChartOptions } from '../../../src/ui/analysis/fit-chart';
import { outputName } from '../../../src/ui/lib/labels';
import { PALETTE, TARGET_TEXT } from '../../../src/ui/lib/palette';

const scenario = PRESETS[0].scenario;
const result = runModel(scenario, 500);
const en = translator('en');
const zh = translator('zh-CN');

/** Each mark's aria-hidden as Plot will write it, with the mark's type. */
const hiddenOf = (o: Plot.PlotOptions) =>
  (o.marks as unknown as { ariaHidden?: string; constructor: { name: string } }[]).map(
    (m) => `${m.constructor.name}:${m.ariaHidden}`,
  );

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('chart accessibility', () => {
  it('hides every mark of every fan chart, with comparison overlays and the crossing, in both languages', () => {
    for (const id of OUTPUT_IDS) {
      for (const [lang, t] of [
        ['en', en],
        ['zh-CN', zh],
      ] as const) {
        const o = fanChartOptions(Plot, {
          id,
          output: result.outputs[id],
          observed: observedPoints(id, scenario.asOf),
          lang,
          t,
          width: 640,
          overlays: [{ label: 'x', colour: PALETTE.orange, output: result.outputs[id] }],
        });
        const marks = hiddenOf(o);
        expect(marks.length).toBeGreaterThanOrEqual(8);
        expect(
          marks.filter((m) => !m.endsWith(':true')),
          `${id} ${lang}`,
        ).toEqual([]);
        // The chart's name is the indicator's, never its internal id.
        expect(o.ariaLabel).toBe(t('chartTitle', { name: outputName(id, lang) }));
        expect(o.ariaLabel!.startsWith(`${id}:`)).toBe(false);
        if (lang === 'zh-CN') expect(o.ariaLabel).toMatch(/^[^:]*[\u4e00-\u9fff][^:]*：/);
      }
    }
  });

  it('hides every mark of the tornado and the fit chart', () => {
    const s = sensitivity(scenario, 'base_stations_per_10k');
    const tornado = tornadoOptions(Plot, {
      id: 'base_stations_per_10k',
      base: s.base,
      rows: s.rows,
      lang: 'zh-CN',
      t: zh,
      width: 520,
    });
    expect(hiddenOf(tornado)).toEqual(['BarX:true', 'BarX:true', 'RuleX:true', 'RuleX:true', 'Text:true']);
    const cal = calibrate(scenario, 'users') as FittedCalibration;
    const fit = fitChartOptions(Plot, { id: 'users', points: cal.fitted, lang: 'en', t: en, width: 400, dark: true });
    expect(hiddenOf(fit)).toEqual(['Line:true', 'Dot:true', 'Tip:true']);
  });

  it('writes the target label in colours with at least 4.5:1 contrast on both themes’ page and card backgrounds', () => {
    for (const bg of ['#ffffff', '#fbfbf9']) expect(contrast(TARGET_TEXT.light, bg)).toBeGreaterThanOrEqual(4.5);
    for (const bg of ['#15161a', '#1f2026']) expect(contrast(TARGET_TEXT.dark, bg)).toBeGreaterThanOrEqual(4.5);
    // The plain palette colour would not do for text on the light page (it stays for the rules, which are graphics).
    expect(contrast(PALETTE.vermillion, '#fbfbf9')).toBeLessThan(4.5);
    const o = fanChartOptions(Plot, {
      id: 'users',
      output: result.outputs.users,
      observed: [],
      lang: 'en',
      t: en,
      width: 640,
      dark: true,
    });
    const fills = (o.marks as unknown as { constructor: { name: string }; fill?: string }[])
      .filter((m) => m.constructor.name === 'Text')
      .map((m) => m.fill);
    expect(fills).toContain(TARGET_TEXT.dark);
  });
});
