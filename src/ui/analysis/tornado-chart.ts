/**
 * The tornado of one output as pure Observable Plot options: per parameter, a bar from the central value at the
 * output's deadline to the value with that parameter at its low swing and one to the value at its high swing,
 * parameters ranked by the size of their effect (largest on top), the central value as a solid rule and the target as
 * a dashed rule. Labels are the registry's, in the interface language. No DOM here; tests inspect the options.
 */
import type * as PlotModule from '@observablehq/plot';
import { OUTPUTS, PARAMS, targetLevel, type OutputId, type SensitivityRow } from '../../model';
import { formatNumber, formatValue, pick, type Lang, type Translate } from '../../i18n';
import type { PlotLib } from '../notebook/fan-chart';
import { PALETTE, TARGET_TEXT } from '../lib/palette';
import { HIDDEN } from '../lib/chart-a11y';
import { outputName } from '../lib/labels';
import { deadlineText } from '../../i18n/analysis-text';

/** Colours of the low and high swings. */
export const TORNADO_COLOURS = { low: PALETTE.orange, high: PALETTE.blue, highDark: PALETTE.sky } as const;

export interface TornadoInput {
  id: OutputId;
  base: number;
  rows: readonly SensitivityRow[];
  lang: Lang;
  t: Translate;
  width: number;
  dark?: boolean;
}

export interface TornadoBar {
  param: string;
  label: string;
  rank: number;
  side: 'low' | 'high';
  x1: number;
  x2: number;
  /** The parameter's value at this swing. */
  at: number;
  title: string;
}

/** Row height of the chart, in pixels. */
const ROW = 30;

/** The chart's height for a number of parameters. */
export const tornadoHeight = (n: number) => 56 + ROW * Math.max(1, n);

/** Parameter labels in rank order (the y domain). */
export function tornadoLabels(rows: readonly SensitivityRow[], lang: Lang): string[] {
  return rows.map((r) => pick(PARAMS[r.param].label, lang));
}

/** The bars: two per parameter, from the base value to the output at the low and at the high swing. */
export function tornadoBars(input: Pick<TornadoInput, 'id' | 'base' | 'rows' | 'lang' | 't'>): TornadoBar[] {
  const { id, base, rows, lang, t } = input;
  const labels = tornadoLabels(rows, lang);
  return rows.flatMap((r, rank) =>
    (['low', 'high'] as const).map((side) => {
      const at = side === 'low' ? r.low : r.high;
      const out = side === 'low' ? r.outputLow : r.outputHigh;
      return {
        param: r.param,
        label: labels[rank],
        rank,
        side,
        x1: base,
        x2: out,
        at,
        title: `${labels[rank]} = ${String(Number(at.toPrecision(6)))} (${t(side === 'low' ? 'anSensLow' : 'anSensHigh')}) → ${formatValue(id, out, lang)}`,
      };
    }),
  );
}

/** Left margin wide enough for the longest label (CJK glyphs are about twice as wide). */
export function labelMargin(labels: readonly string[]): number {
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.6), 0);
  return Math.round(Math.min(240, Math.max(72, 14 + Math.max(0, ...labels.map(width)))));
}

/**
 * Tick labels of the value axis: the swings are narrow, so ticks need more precision than the fan chart's axis
 * (about three significant figures); users in 亿 or millions.
 */
export function tornadoTickFormat(id: OutputId, lang: Lang): (v: number) => string {
  if (id === 'users') {
    return lang === 'zh-CN' ? (v) => `${formatNumber(v / 1e8, lang)}亿` : (v) => `${formatNumber(v / 1e6, lang)}M`;
  }
  const k = OUTPUTS[id].kind;
  return k === 'share' || k === 'rate' ? (v) => `${formatNumber(v, lang)}%` : (v) => formatNumber(v, lang);
}

/** Builds the Plot options of an output's tornado. */
export function tornadoOptions(Plot: PlotLib, input: TornadoInput): PlotModule.PlotOptions {
  const { id, base, rows, lang, t, width } = input;
  const bars = tornadoBars(input);
  const labels = tornadoLabels(rows, lang);
  const target = OUTPUTS[id].target;
  const level = targetLevel(target);
  const ink = input.dark ? '#e8e8e8' : '#222';
  const high = input.dark ? TORNADO_COLOURS.highDark : TORNADO_COLOURS.high;
  const side = (s: 'low' | 'high') => bars.filter((b) => b.side === s);
  const targets = target.comparator === 'range' ? [target.lo, target.hi] : [level];
  return {
    width,
    height: tornadoHeight(rows.length),
    marginLeft: labelMargin(labels),
    marginRight: 24,
    marginTop: 24,
    style: { background: 'transparent', color: ink, fontSize: '12px', fontFamily: 'inherit' },
    x: {
      label: null,
      grid: true,
      tickFormat: tornadoTickFormat(id, lang),
      nice: true,
      ticks: Math.max(3, Math.floor(width / 110)),
    },
    y: { label: null, domain: labels, tickSize: 0 },
    marks: [
      Plot.barX(side('low'), {
        y: 'label',
        x1: 'x1',
        x2: 'x2',
        fill: TORNADO_COLOURS.low,
        title: 'title',
        insetTop: 4,
        insetBottom: 4,
        ...HIDDEN,
      }),
      Plot.barX(side('high'), {
        y: 'label',
        x1: 'x1',
        x2: 'x2',
        fill: high,
        title: 'title',
        insetTop: 4,
        insetBottom: 4,
        ...HIDDEN,
      }),
      Plot.ruleX([base], { stroke: ink, strokeWidth: 1.5, ...HIDDEN }),
      Plot.ruleX(targets, { stroke: PALETTE.vermillion, strokeDasharray: '5,4', strokeWidth: 1.5, ...HIDDEN }),
      Plot.text(targets, {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: -14,
        text: (d: number) => `${t('legendTarget')} ${formatValue(id, d, lang)}`,
        fill: input.dark ? TARGET_TEXT.dark : TARGET_TEXT.light,
        fontSize: 11,
        ...HIDDEN,
      }),
    ],
    ariaLabel: t('anSensChart', { name: outputName(id, lang), deadline: deadlineText(id, lang) }),
  };
}
