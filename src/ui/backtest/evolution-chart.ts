/**
 * The forecast-evolution chart of one indicator as pure Plot options: each vintage's forecast of the reference month's
 * value (x: the as-of date; central line and dots, 50 % and 90 % bands, assumption-driven or empirical) against the
 * figure published for it (a green horizontal line). The reference month is the deadline (2023-12) where the plan's
 * targets have outcomes, with the target as the dashed vermillion rule; under the upgrade plan it is the latest
 * published figure's month, and no target is drawn (its deadline, 2027-12, is not on the chart).
 */
import type * as PlotModule from '@observablehq/plot';
import type { PlotLib } from '../lib/plot-loader';
import { OUTPUTS, parseMonth, targetLevel } from '../../model';
import type { IndicatorBacktest } from '../../model/backtest';
import {
  axisFormatter,
  formatMonthIso,
  formatValue,
  formatProb,
  timeAxis,
  type Lang,
  type Translate,
} from '../../i18n';
import { PALETTE } from '../lib/palette';

export type BandSource = 'assumption' | 'empirical';

export interface EvolutionInput {
  ind: IndicatorBacktest;
  /** Whether the plan's targets have outcomes (BacktestResult.outcomes): then the target is drawn and P(met) named. */
  outcomes: boolean;
  bands: BandSource;
  lang: Lang;
  t: Translate;
  width: number;
  dark?: boolean;
}

/** One row per vintage, with the bands in use (null where the empirical band is missing). */
export function evolutionRows(ind: IndicatorBacktest, bands: BandSource) {
  return ind.evolution.map((e) => {
    const b = bands === 'empirical' ? e.empirical : e;
    return {
      date: new Date(e.asOf + 'T00:00:00Z'),
      asOf: e.asOf,
      central: e.central,
      pMet: e.pMet,
      bridged: e.bridged,
      p5: b ? b.p5 : NaN,
      p25: b ? b.p25 : NaN,
      p75: b ? b.p75 : NaN,
      p95: b ? b.p95 : NaN,
    };
  });
}

/** Builds the Plot options of an indicator's forecast-evolution chart. */
export function evolutionChartOptions(Plot: PlotLib, input: EvolutionInput): PlotModule.PlotOptions {
  const { ind, lang, t, width } = input;
  const id = ind.id;
  const rows = evolutionRows(ind, input.bands);
  const band = input.dark ? PALETTE.sky : PALETTE.blue;
  const ink = input.dark ? '#e8e8e8' : '#222';
  const level = targetLevel(OUTPUTS[id].target);
  const actual = ind.reference.actual;
  const month = formatMonthIso(parseMonth(ind.reference.month), lang);
  const withBand = rows.filter((r) => Number.isFinite(r.p5));
  const label = (r: (typeof rows)[number]) =>
    `${t('vintage')}: ${r.asOf}${r.bridged ? ` (${t('bridgedMark')})` : ''}\n${t('central')}: ${formatValue(id, r.central, lang)}` +
    (Number.isFinite(r.p5) ? `\np5–p95: ${formatValue(id, r.p5, lang)} – ${formatValue(id, r.p95, lang)}` : '') +
    (r.pMet === null ? '' : `\n${t('pMet')}: ${formatProb(r.pMet, lang)}`);
  const marks: PlotModule.Markish[] = [
    Plot.areaY(withBand, { x: 'date', y1: 'p5', y2: 'p95', fill: band, fillOpacity: 0.14 }),
    Plot.areaY(withBand, { x: 'date', y1: 'p25', y2: 'p75', fill: band, fillOpacity: 0.28 }),
    ...(input.outcomes
      ? [Plot.ruleY([level], { stroke: PALETTE.vermillion, strokeDasharray: '5,4', strokeWidth: 1.5 })]
      : []),
    Plot.lineY(rows, { x: 'date', y: 'central', stroke: band, strokeWidth: 2 }),
    Plot.dot(rows, {
      x: 'date',
      y: 'central',
      fill: band,
      r: 3,
      symbol: (r: (typeof rows)[number]) => (r.bridged ? 'square' : 'circle'),
    }),
    Plot.tip(rows, Plot.pointerX({ x: 'date', y: 'central', title: label, fontSize: 12 })),
  ];
  if (actual !== null) {
    marks.push(
      Plot.ruleY([actual], { stroke: PALETTE.green, strokeWidth: 2 }),
      Plot.text([{ date: rows[0].date, y: actual }], {
        x: 'date',
        y: 'y',
        text: () => `${t(input.outcomes ? 'actualLine' : 'publishedLine', { month })} ${formatValue(id, actual, lang)}`,
        dy: -7,
        textAnchor: 'start',
        fill: PALETTE.green,
        fontSize: 11,
      }),
    );
  }
  return {
    width,
    height: width < 480 ? 220 : 260,
    marginLeft: 56,
    marginRight: 16,
    style: { background: 'transparent', color: ink, fontSize: '12px', fontFamily: 'inherit' },
    x: { type: 'utc', label: null, ...timeAxis(lang) },
    y: { label: null, grid: true, tickFormat: axisFormatter(id, lang), nice: true, zero: OUTPUTS[id].kind !== 'rate' },
    marks,
  };
}
