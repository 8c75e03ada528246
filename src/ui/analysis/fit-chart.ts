/**
 * The calibration chart of one output as pure Observable Plot options: the observations (dots) and the curve fitted
 * to them (a line through the fitted values at the observation months; the first point is the starting value and is
 * matched exactly). No DOM here; tests inspect the options.
 */
import type * as PlotModule from '@observablehq/plot';
import { parseMonth, type FittedPoint, type OutputId } from '../../model';
import { axisFormatter, colon, formatValue, timeAxis, type Lang, type Translate } from '../../i18n';
import { monthDate, type PlotLib } from '../notebook/fan-chart';
import { PALETTE } from '../lib/palette';
import { HIDDEN } from '../lib/chart-a11y';
import { outputName } from '../lib/labels';
import { isoMonthText } from '../../i18n/analysis-text';

export interface FitChartInput {
  id: OutputId;
  points: readonly FittedPoint[];
  lang: Lang;
  t: Translate;
  width: number;
  height?: number;
  dark?: boolean;
}

export interface FitRow {
  date: Date;
  month: string;
  observed: number;
  fitted: number;
  label: string;
}

/** One row per observation month, with a tooltip text. */
export function fitRows(input: Pick<FitChartInput, 'id' | 'points' | 'lang' | 't'>): FitRow[] {
  const { id, points, lang, t } = input;
  return points.map((p) => ({
    date: monthDate(parseMonth(p.month)),
    month: p.month,
    observed: p.observed,
    fitted: p.fitted,
    label: `${isoMonthText(p.month, lang)}\n${t('legendObserved')}${colon(lang)}${formatValue(id, p.observed, lang)}\n${t('anFittedLegend')}${colon(lang)}${formatValue(id, p.fitted, lang)}`,
  }));
}

/** Builds the Plot options of an output's calibration chart. */
export function fitChartOptions(Plot: PlotLib, input: FitChartInput): PlotModule.PlotOptions {
  const { id, lang, t, width } = input;
  const rows = fitRows(input);
  const ink = input.dark ? '#e8e8e8' : '#222';
  const line = input.dark ? PALETTE.sky : PALETTE.blue;
  return {
    width,
    height: input.height ?? 220,
    marginLeft: 56,
    marginRight: 16,
    style: { background: 'transparent', color: ink, fontSize: '12px', fontFamily: 'inherit' },
    x: { type: 'utc', label: null, ticks: Math.max(3, Math.floor(width / 120)), ...timeAxis(lang) },
    y: { label: null, grid: true, tickFormat: axisFormatter(id, lang), nice: true, zero: true },
    marks: [
      Plot.lineY(rows, { x: 'date', y: 'fitted', stroke: line, strokeWidth: 2.5, ...HIDDEN }),
      Plot.dot(rows, {
        x: 'date',
        y: 'observed',
        fill: ink,
        r: 3.5,
        stroke: input.dark ? '#000' : '#fff',
        strokeWidth: 1,
        ...HIDDEN,
      }),
      Plot.tip(rows, Plot.pointerX({ x: 'date', y: 'observed', title: 'label', fontSize: 12, ...HIDDEN })),
    ],
    ariaLabel: t('anFitChart', { name: outputName(id, lang) }),
  };
}
