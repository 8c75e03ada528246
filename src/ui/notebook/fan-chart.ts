/**
 * The fan chart of one output as pure Observable Plot options: observed points (solid dots, with their source in a
 * tooltip), the central path (a line), p5–p95 and p25–p75 bands (shaded areas), the target (a horizontal rule), the
 * deadline (a vertical rule) and the month the central path first meets the target. No DOM here: the mount
 * component calls Plot.plot with these options, and tests inspect them directly.
 */
import type * as PlotModule from '@observablehq/plot';

/** The Plot module is passed in: it is loaded lazily (lib/plot-loader.ts), so this builder must not import it. */
import type { PlotLib } from '../lib/plot-loader';
export type { PlotLib };
import {
  QUANTILES,
  OUTPUTS,
  targetLevel,
  type OutputId,
  type OutputResult,
  type ObservedPoint,
  type Month,
} from '../../model';
import { axisFormatter, formatMonthLong, formatValue, type Lang, type Translate } from '../../i18n';
import { outputName } from '../lib/labels';
import { PALETTE, TARGET_TEXT } from '../lib/palette';
import { HIDDEN } from '../lib/chart-a11y';
import { timeTicks } from './time-ticks';

/** The last day of a month ordinal as a UTC Date, for Plot's time scale. */
export const monthDate = (m: Month) => new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0));

export interface FanRow {
  date: Date;
  month: Month;
  central: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

/** Unpacks an output's central path and bands into one row per month. */
export function fanRows(o: OutputResult): FanRow[] {
  const rows: FanRow[] = [];
  const q = (k: number, i: number) => o.bands[k * o.length + i];
  // Band k of the result is quantile QUANTILES[k]: look the levels up rather than trusting their order.
  const [k5, k10, k25, k50, k75, k90, k95] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95].map((p) =>
    (QUANTILES as readonly number[]).indexOf(p),
  );
  for (let i = 0; i < o.length; i++) {
    const month = o.start + i;
    rows.push({
      date: monthDate(month),
      month,
      central: o.central[i],
      p5: q(k5, i),
      p10: q(k10, i),
      p25: q(k25, i),
      p50: q(k50, i),
      p75: q(k75, i),
      p90: q(k90, i),
      p95: q(k95, i),
    });
  }
  return rows;
}

/** Chart height for a width: fixed steps, so the page keeps its layout while charts draw lazily. */
export const chartHeight = (width: number) => (width < 480 ? 240 : 300);

export interface FanChartInput {
  id: OutputId;
  output: OutputResult;
  observed: readonly ObservedPoint[];
  lang: Lang;
  t: Translate;
  width: number;
  height?: number;
  /** Dark backgrounds need lighter ink. */
  dark?: boolean;
  /** Draw the figures published after the as-of date (the actuals) as their own series (default true). */
  showActuals?: boolean;
  /** Other scenarios' central paths to overlay (comparison). */
  overlays?: readonly { label: string; colour: string; output: OutputResult }[];
  /** The preset's own result, drawn as a thin grey reference line when the scenario differs from its preset. */
  baseline?: { readonly start: Month; readonly central: Float64Array } | null;
  /** Axis type size in px (default 12): the time ticks are chosen so their labels fit at this size. */
  fontSize?: number;
  marginLeft?: number;
  /** For a room: fewer gridlines, and percentages on a full 0–100 scale. */
  presentation?: boolean;
}

const MARGIN_RIGHT = 16;
/** The source's qualifiers of a figure for a tooltip: its period (traffic shares), bound and whether it is bridged. */
export function pointQualifiers(p: ObservedPoint, t: Translate): string {
  const parts: string[] = [];
  if (p.period !== 'end') parts.push(t(`period_${p.period}`));
  if (p.bound) parts.push(t(`bound_${p.bound}`));
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The actuals of a chart (figures published after the as-of date) as rows with their tooltip: value, date, source. */
export function actualRows(id: OutputId, observed: readonly ObservedPoint[], lang: Lang, t: Translate) {
  return observed
    .filter((p) => !p.known)
    .map((p) => ({
      date: monthDate(p.month),
      value: p.value,
      label: `${t('legendActual')}\n${formatDay(p.date, lang)}: ${formatValue(id, p.value, lang)}${pointQualifiers(p, t)}\n${t('knownFrom')}: ${formatDay(p.knownFrom, lang)}\n${t('source')}: ${p.source} (${t(p.basis)})${p.url ? `\n${p.url}` : ''}`,
    }));
}

/** Formats an ISO date: 2023年9月30日 / 30 Sep 2023. */
function formatDay(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'zh-CN') return `${y}年${m}月${d}日`;
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

/**
 * Where an output's chart marks the month its central path first meets the target, or null (no crossing, or an
 * output read at the deadline only). A target met on figures published before the path starts is marked on the
 * first figure that met it.
 */
export function crossingMark(
  id: OutputId,
  output: OutputResult,
  observed: readonly ObservedPoint[],
): { month: number; value: number } | null {
  const m = output.crossing;
  if (m === null || OUTPUTS[id].kind === 'rate') return null;
  const value =
    m >= output.start ? output.central[m - output.start] : observed.find((p) => p.known && p.month === m)?.value;
  return value === undefined ? null : { month: m, value };
}

/** Builds the Plot options of an output's fan chart. */
export function fanChartOptions(Plot: PlotLib, input: FanChartInput): PlotModule.PlotOptions {
  const { id, output, observed, lang, t, width } = input;
  const rows = fanRows(output);
  const target = OUTPUTS[id].target;
  const level = targetLevel(target);
  const ink = input.dark ? '#e8e8e8' : '#222';
  const band = input.dark ? PALETTE.sky : PALETTE.blue;
  const fmt = axisFormatter(id, lang);
  const obs = observed
    .filter((p) => p.known)
    .map((p) => ({
      date: monthDate(p.month),
      value: p.value,
      label: `${formatMonthLong(p.month, lang)}${lang === 'zh-CN' ? '：' : ': '}${formatValue(id, p.value, lang)}${pointQualifiers(p, t)}\n${t('source')}${lang === 'zh-CN' ? '：' : ': '}${p.source}${lang === 'zh-CN' ? '（' : ' ('}${t(p.basis)}${lang === 'zh-CN' ? '）' : ')'}`,
    }));
  const actuals = input.showActuals === false ? [] : actualRows(id, observed, lang, t);
  const deadline = monthDate(output.start + output.deadlineIndex);
  const fontSize = input.fontSize ?? 12;
  const marginLeft = input.marginLeft ?? Math.round(56 * Math.max(1, fontSize / 12));
  // The axis spans the run and any observation before it (Plot's domain is the data's extent).
  let first = rows[0].date;
  for (const p of obs) if (p.date < first) first = p.date;
  const ticks = timeTicks(first, rows[rows.length - 1].date, width - marginLeft - MARGIN_RIGHT, lang, fontSize);
  const kind = OUTPUTS[id].kind;
  const marks: PlotModule.Markish[] = [
    Plot.areaY(rows, {
      x: 'date',
      y1: 'p5',
      y2: 'p95',
      fill: band,
      fillOpacity: input.dark ? 0.18 : 0.14,
      curve: 'linear',
      ...HIDDEN,
    }),
    Plot.areaY(rows, {
      x: 'date',
      y1: 'p25',
      y2: 'p75',
      fill: band,
      fillOpacity: input.dark ? 0.32 : 0.26,
      curve: 'linear',
      ...HIDDEN,
    }),
    Plot.ruleY([level], { stroke: PALETTE.vermillion, strokeDasharray: '5,4', strokeWidth: 1.5, ...HIDDEN }),
    ...(target.comparator === 'range'
      ? [Plot.ruleY([target.hi], { stroke: PALETTE.vermillion, strokeDasharray: '5,4', strokeWidth: 1.5, ...HIDDEN })]
      : []),
    Plot.ruleX([deadline], { stroke: ink, strokeOpacity: 0.5, strokeDasharray: '2,3', ...HIDDEN }),
    Plot.text([{ date: rows[0].date, y: level }], {
      x: 'date',
      y: 'y',
      text: () => `${t('legendTarget')} ${formatValue(id, level, lang)}`,
      dy: -8,
      dx: 2,
      textAnchor: 'start',
      fill: input.dark ? TARGET_TEXT.dark : TARGET_TEXT.light,
      fontSize: Math.max(11, Math.round(fontSize * 0.9)),
      ...HIDDEN,
    }),
    ...(input.baseline
      ? [
          Plot.lineY(
            Array.from(input.baseline.central, (v, i) => ({ date: monthDate(input.baseline!.start + i), central: v })),
            {
              x: 'date',
              y: 'central',
              stroke: PALETTE.grey,
              strokeWidth: 1.25,
              strokeOpacity: 0.9,
              className: 'ghost-baseline',
            },
          ),
        ]
      : []),
    ...(input.overlays ?? []).map((ov) =>
      Plot.lineY(fanRows(ov.output), {
        x: 'date',
        y: 'central',
        stroke: ov.colour,
        strokeWidth: 2,
        strokeDasharray: '6,3',
        ...HIDDEN,
      }),
    ),
    Plot.lineY(rows, { x: 'date', y: 'central', stroke: band, strokeWidth: 2.5, ...HIDDEN }),
    Plot.dot(obs, {
      x: 'date',
      y: 'value',
      fill: ink,
      r: 3.5,
      stroke: input.dark ? '#000' : '#fff',
      strokeWidth: 1,
      ...HIDDEN,
    }),
    // The actuals: hollow green diamonds joined by a thin line, distinct from the data the run used.
    ...(actuals.length
      ? [
          Plot.lineY(actuals, {
            x: 'date',
            y: 'value',
            stroke: PALETTE.green,
            strokeWidth: 1,
            strokeOpacity: 0.7,
            className: 'actual-line',
            ...HIDDEN,
          }),
          Plot.dot(actuals, {
            x: 'date',
            y: 'value',
            symbol: 'diamond2',
            r: 4,
            stroke: PALETTE.green,
            strokeWidth: 1.5,
            fill: input.dark ? '#000' : '#fff',
            className: 'actual-dots',
            ...HIDDEN,
          }),
        ]
      : []),
    Plot.tip([...obs, ...actuals], Plot.pointer({ x: 'date', y: 'value', title: 'label', fontSize: 12, ...HIDDEN })),
  ];
  // The first-met month is named in the legend beside the diamond (crossingMark), not written on the chart: a label
  // there sat on the target line and, near the chart's edges, on the axis labels.
  const mark = crossingMark(id, output, observed);
  if (mark)
    marks.push(
      Plot.dot([{ date: monthDate(mark.month), value: mark.value }], {
        x: 'date',
        y: 'value',
        symbol: 'diamond',
        r: 6,
        fill: PALETTE.orange,
        stroke: ink,
        ...HIDDEN,
      }),
    );
  return {
    width,
    height: input.height ?? chartHeight(width),
    marginLeft,
    marginRight: MARGIN_RIGHT,
    // Room for two-line (month, year) ticks.
    marginBottom: Math.round(fontSize * (ticks.lines === 2 ? 2.9 : 1.9)),
    style: { background: 'transparent', color: ink, fontSize: `${fontSize}px`, fontFamily: 'inherit' },
    x: { type: 'utc', label: null, grid: false, ticks: ticks.ticks, tickFormat: ticks.tickFormat },
    y: {
      label: null,
      grid: true,
      tickFormat: fmt,
      nice: true,
      zero: kind !== 'rate',
      // The lowest y label reaches about 0.6 em below its line; the first x label's box starts about 5 px under the
      // frame: lift the scale so the two never touch where the first x tick sits at the axis.
      insetBottom: Math.max(0, Math.round(fontSize * 0.8 - 4)),
      ...(input.presentation && { ticks: 4 }),
      // A share cannot pass 100 %: in a presentation its axis is the whole scale.
      ...(input.presentation && kind === 'share' && { domain: [0, 100] }),
    },
    marks,
    ariaLabel: t('chartTitle', { name: outputName(id, lang) }),
  };
}
