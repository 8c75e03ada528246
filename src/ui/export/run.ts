/**
 * Exports in the browser (loaded on first use): fan charts and the scorecard as SVG and PNG (2× pixels, or a
 * 1920 × 1080 slide), a chart's bands as CSV, the scenario as JSON. Pictures are composed as SVG text by the pure
 * builders beside this file; a PNG is that SVG drawn onto a canvas through an Image from a Blob URL (allowed by the
 * CSP's img-src blob:), so the same system fonts, Chinese included, render in both.
 */
import {
  PLANS,
  OUTPUTS,
  DATA_VERSION,
  MODEL_VERSION,
  observedPoints,
  targetLevel,
  type OutputId,
  type OutputResult,
  type RunResult,
} from '../../model';
import {
  colon,
  paren,
  formatDateLong,
  formatMonthLong,
  formatNumber,
  formatProb,
  formatValue,
  formatMargin,
  type Lang,
  type Translate,
} from '../../i18n';
import type { Scenario } from '../../scenario/schema';
import { exportScenarioJson } from '../../scenario/file';
import { crossingMark, fanChartOptions } from '../notebook/fan-chart';
import { loadPlot } from '../lib/plot-loader';
import { PALETTE } from '../lib/palette';
import { outputName, targetText, timingTexts, verdictSentence } from '../lib/labels';
import { planKey } from '../app/plan-labels';
import { composeExportSvg, exportLayout, type ExportSize, type ExportStamp, type LegendItem } from './svg';
import { scorecardHeight, scorecardSvg, type ScorecardTable } from './scorecard-svg';
import { chartCsv } from '../../export/csv';
import { changedAssumptions, changesText } from './changes';
import { exportFileName } from './filename';

/** `slide`: a 1920 × 1080 PNG; `slide-svg`: the same slide as SVG (vector, for Keynote and PowerPoint). */
export type PictureFormat = 'png' | 'slide' | 'svg' | 'slide-svg';
export type ChartFormat = PictureFormat | 'csv' | 'json';

export interface ExportContext {
  result: RunResult;
  scenario: Scenario;
  /** The preset's own scenario: the stamp lists what differs from it. */
  presetScenario: Scenario;
  presetName: string;
  lang: Lang;
  t: Translate;
  /** The share link of the state shown. */
  link: string;
  overlays: (id: OutputId) => { label: string; colour: string; output: OutputResult }[];
  /** The preset's central path of an output while the scenario differs from its preset (drawn grey), else null. */
  baseline?: (id: OutputId) => { start: number; central: Float64Array } | null;
}

export interface ExportFile {
  filename: string;
  blob: Blob;
  /** Pixel size of a picture. */
  width?: number;
  height?: number;
}

/** The PNG scale of a standard picture (2 device pixels per CSS pixel). */
export const PNG_SCALE = 2;
/** How much larger a slide's chart is drawn than laid out. */
const SLIDE_CHART_SCALE = 1.6;

/** The stamp of every export: title, scenario, source, versions, changed assumptions and link. */
export function stamp(ctx: ExportContext, title: string, verdict?: string): ExportStamp {
  const { t, scenario, lang } = ctx;
  const name = scenario.title.trim() ? `${scenario.title.trim()}${paren(ctx.presetName, lang)}` : ctx.presetName;
  return {
    title,
    scenario: `${t('exportScenario')}${colon(lang)}${name} · ${t('asOf')} ${formatDateLong(scenario.asOf, lang)}`,
    verdict,
    source: t('exportSource'),
    versions: t('exportVersions', {
      mv: MODEL_VERSION,
      dv: DATA_VERSION,
      seed: scenario.seed,
      n: formatNumber(ctx.result.samples, lang),
    }),
    changes: changesText(changedAssumptions(scenario, ctx.presetScenario, lang, t), lang, t, ctx.presetName),
    link: ctx.link,
    lang,
  };
}

/** A file name from the scenario's title (or preset name), a part (an indicator's name) and today's date. */
export function fileName(
  ctx: Pick<ExportContext, 'scenario' | 'presetName'>,
  part: string | undefined,
  ext: string,
  suffix?: string,
): string {
  return exportFileName({ title: ctx.scenario.title, presetName: ctx.presetName, part, date: new Date(), ext, suffix });
}

/** One fan chart framed and stamped, as SVG text. */
export async function chartPicture(
  ctx: ExportContext,
  id: OutputId,
  size: ExportSize,
): Promise<{ svg: string; width: number; height: number }> {
  const { t, lang } = ctx;
  const output = ctx.result.outputs[id];
  const name = outputName(id, lang);
  const overlays = ctx.overlays(id);
  const st = stamp(
    ctx,
    `${name} · ${t('target')} ${targetText(id, lang)} · ${t(planKey('deadlineLabel', ctx.result.plan))}`,
    verdictSentence(id, output, lang, t, ctx.result.horizon),
  );
  const layout = exportLayout(size, st);
  // A slide's chart is laid out smaller and drawn enlarged, so its type, marks and lines grow together.
  const scale = size === 'slide' ? SLIDE_CHART_SCALE : 1;
  const Plot = await loadPlot();
  const observed = observedPoints(id, ctx.scenario.asOf);
  const mark = crossingMark(id, output, observed);
  const options = fanChartOptions(Plot, {
    id,
    output,
    observed,
    lang,
    t,
    width: Math.floor(layout.body.width / scale),
    height: Math.floor(layout.body.height / scale),
    dark: false,
    overlays,
    baseline: ctx.baseline?.(id) ?? null,
    fontSize: 13,
    marginLeft: 64,
  });
  const el = Plot.plot({ ...options, style: { ...(options.style as object), color: '#222' } });
  const svgEl = el instanceof SVGSVGElement ? el : el.querySelector('svg');
  if (!svgEl) throw new Error('the chart did not render');
  const legend: LegendItem[] = [
    { label: t('legendObserved'), colour: '#222', kind: 'dot' },
    { label: t('legendCentral'), colour: PALETTE.blue, kind: 'line' },
    { label: t('legendBand50'), colour: PALETTE.blue, kind: 'band', opacity: 0.36 },
    { label: t('legendBand90'), colour: PALETTE.blue, kind: 'band', opacity: 0.14 },
    { label: t('legendTarget'), colour: PALETTE.vermillion, kind: 'rule' },
    ...(mark
      ? [
          {
            label: t('legendCrossingAt', { month: formatMonthLong(mark.month, lang) }),
            colour: PALETTE.orange,
            kind: 'diamond' as const,
          },
        ]
      : []),
    ...(ctx.baseline?.(id) ? [{ label: t('legendBaseline'), colour: PALETTE.grey, kind: 'line' as const }] : []),
    ...overlays.map((o) => ({ label: o.label, colour: o.colour, kind: 'dash' as const })),
  ];
  const svg = composeExportSvg({
    layout,
    stamp: st,
    body: new XMLSerializer().serializeToString(svgEl),
    bodyScale: scale,
    legend,
  });
  return { svg, width: layout.width, height: layout.height };
}

/** The scorecard's timing cell as one line: both figures with their names, or "read at the deadline only". */
function timingLine(o: OutputResult, lang: Lang, t: Translate): string {
  const tm = timingTexts(o, lang, t);
  if (!tm) return t('notMeaningful');
  const sep = lang === 'zh-CN' ? '：' : ': ';
  return `${t('legendCrossing')}${sep}${tm.central}\n${t('medianCrossing')}${sep}${tm.median}`;
}

export function scorecardTable(ctx: ExportContext): ScorecardTable {
  const { t, lang, result } = ctx;
  return {
    headers: [
      t('indicator'),
      t(planKey('value2023', ctx.result.plan)),
      t('target'),
      t('verdict'),
      t('pMet'),
      t('firstMet'),
      t('trend'),
    ],
    rows: ctx.result.ids.map((id) => {
      const o = result.outputs[id];
      return {
        name: outputName(id, lang),
        value: formatValue(id, o.value, lang),
        target: targetText(id, lang),
        verdict: `${o.verdict.met ? t('met') : t('missed')} ${formatMargin(id, o.verdict.margin, lang)}`,
        met: o.verdict.met,
        pMet: formatProb(o.pMet, lang),
        // As the scorecard: a rate (an average over the plan) is read at the deadline only.
        firstMet: timingLine(o, lang, t),
        spark: o.central,
        sparkTarget: targetLevel(OUTPUTS[id].target),
        deadlineIndex: o.deadlineIndex,
      };
    }),
    groupAt: PLANS[ctx.result.plan].headline.length,
    groupLabel: t(planKey('programme', ctx.result.plan)),
    note: `${t('jointP')}${colon(lang)}${formatProb(result.pAllMet, lang)}`,
  };
}

/** The scorecard framed and stamped, as SVG text. */
export function scorecardPicture(ctx: ExportContext, size: ExportSize): { svg: string; width: number; height: number } {
  const { t } = ctx;
  const table = scorecardTable(ctx);
  const st = stamp(ctx, `${t('scorecard')} · ${t(planKey('scorecardCaption', ctx.result.plan))}`);
  // The body's width does not depend on its height: lay out once to learn it, then at the table's height.
  const natural = scorecardHeight(table, exportLayout(size, st, 0, false).body.width, 15);
  const layout = exportLayout(size, st, natural, false);
  const body = scorecardSvg(table, layout.body.width, layout.body.height, size === 'slide' ? 30 : 15);
  return { svg: composeExportSvg({ layout, stamp: st, body }), width: layout.width, height: layout.height };
}

/** Draws an SVG document onto a canvas at a scale and returns the PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function picture(
  ctx: ExportContext,
  p: { svg: string; width: number; height: number },
  format: PictureFormat,
  part: string,
): Promise<ExportFile> {
  if (format === 'svg' || format === 'slide-svg')
    return {
      filename: fileName(ctx, part, 'svg', format === 'slide-svg' ? '-1920x1080' : ''),
      blob: new Blob([p.svg], { type: 'image/svg+xml;charset=utf-8' }),
      width: p.width,
      height: p.height,
    };
  const scale = format === 'slide' ? 1 : PNG_SCALE;
  const blob = await svgToPng(p.svg, p.width, p.height, scale);
  return {
    filename: fileName(ctx, part, 'png', format === 'slide' ? '-1920x1080' : ''),
    blob,
    width: p.width * scale,
    height: p.height * scale,
  };
}

/** One fan chart as a picture, its bands as CSV, or the scenario as JSON. */
export async function exportChart(ctx: ExportContext, id: OutputId, format: ChartFormat): Promise<ExportFile> {
  const part = outputName(id, ctx.lang);
  if (format === 'csv')
    return {
      filename: fileName(ctx, part, 'csv'),
      blob: new Blob([chartCsv(ctx.result.outputs[id], id, ctx.lang, ctx.t)], { type: 'text/csv;charset=utf-8' }),
    };
  if (format === 'json') return scenarioFile(ctx);
  return picture(
    ctx,
    await chartPicture(ctx, id, format === 'slide' || format === 'slide-svg' ? 'slide' : 'standard'),
    format,
    part,
  );
}

/** The scorecard as a picture, or the scenario as JSON. */
export async function exportScorecard(ctx: ExportContext, format: PictureFormat | 'json'): Promise<ExportFile> {
  if (format === 'json') return scenarioFile(ctx);
  return picture(
    ctx,
    scorecardPicture(ctx, format === 'slide' || format === 'slide-svg' ? 'slide' : 'standard'),
    format,
    ctx.t('scorecard'),
  );
}

/** The scenario file (src/scenario/file.ts). */
export function scenarioFile(
  ctx: Pick<ExportContext, 'scenario'> & { presetName?: string },
  savedName?: string,
): ExportFile {
  const json = exportScenarioJson(ctx.scenario, savedName === undefined ? {} : { savedName });
  const title = savedName ?? ctx.scenario.title;
  return {
    filename: fileName(
      { scenario: { ...ctx.scenario, title }, presetName: ctx.presetName ?? ctx.scenario.preset },
      undefined,
      'json',
    ),
    blob: new Blob([json], { type: 'application/json' }),
  };
}

/** Saves a file through a temporary Blob URL and a download link. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
