/**
 * The backtest's forecast-evolution chart in Node (options inspected, not drawn): under the 2021 plan it draws the
 * target and names the actual at 2023-12 with P(met) in the tips; under the upgrade plan (no outcome yet) it draws no
 * target, labels the latest published figure and names no P(met).
 */
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { runBacktest, type BacktestId } from '../../../src/model/backtest';
import type { ModelInput } from '../../../src/model/types';
import { translator } from '../../../src/i18n';
import { evolutionChartOptions } from '../../../src/ui/backtest/evolution-chart';
import { PRESETS, UPGRADE_PRESETS } from '../../../src/scenario/presets';

const zh = translator('zh-CN');
const vintages = ['2022-06-30', '2023-06-30'];
const names = (o: Plot.PlotOptions) => (o.marks as { constructor: { name: string } }[]).map((m) => m.constructor.name);
/** The texts a text mark draws (its `text` channel is a function of the datum). */
const texts = (o: Plot.PlotOptions) =>
  (o.marks as unknown as { constructor: { name: string }; data: unknown[]; channels: { text?: { value: unknown } } }[])
    .filter((m) => m.constructor.name === 'Text')
    .map((m) => {
      const f = m.channels.text?.value;
      return typeof f === 'function' ? String((f as (d: unknown) => unknown)(m.data[0])) : '';
    });

/** Backtests a scenario over the two vintages and builds the evolution chart of one of its graded indicators. */
function chartOf(scenario: ModelInput, id: BacktestId) {
  const r = runBacktest(scenario, { samples: 200, vintages });
  const ind = r.indicators[id]!;
  const o = evolutionChartOptions(Plot, {
    ind,
    outcomes: r.outcomes,
    bands: 'assumption',
    lang: 'zh-CN',
    t: zh,
    width: 400,
  });
  return { ind, o };
}

describe('the evolution chart', () => {
  it('under the upgrade plan: no target rule, the latest published figure labelled, no P(met)', () => {
    const { ind, o } = chartOf(UPGRADE_PRESETS[0].scenario, 'base_stations_per_10k_2027');
    // Two bands, the central line and dots, the tip, and the published figure (a rule and its label): no target.
    expect(names(o).filter((n) => n === 'RuleY')).toHaveLength(1);
    expect(texts(o)).toEqual([`2024年10月公布值 ${ind.reference.actual!.toFixed(1)}`]);
    expect(ind.evolution.every((e) => e.pMet === null)).toBe(true);
  });

  it('under the 2021 plan: the target rule and the actual at 2023-12', () => {
    const { ind, o } = chartOf(PRESETS[0].scenario, 'base_stations_per_10k');
    expect(names(o).filter((n) => n === 'RuleY')).toHaveLength(2);
    expect(texts(o)[0]).toMatch(/^2023年12月实际值 /);
    expect(ind.evolution.every((e) => typeof e.pMet === 'number')).toBe(true);
  });
});
