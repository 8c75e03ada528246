/**
 * The PowerPoint deck (loaded on demand with pptxgenjs, never with the page): a title slide (scenario, summary,
 * the share link and its QR code), the scorecard as a native table, then one slide per output with its fan chart as
 * a 16:9 picture, the verdict sentence, its key assumptions (changes from the preset marked old → new) and the
 * source stamp, all in the page's language. Every text box has an explicit type size chosen to fit it (fit.ts; no
 * box shrinks its own text, which each viewer does differently), and pptxgenjs's output is tidied into what
 * PowerPoint opens without a repair prompt (ooxml.ts). tests/e2e/deck.test.ts checks the package and, where
 * LibreOffice is installed, converts the deck to PDF and checks every page.
 */
import type PptxGenJS from 'pptxgenjs';
import { PLANS, MODEL_VERSION, DATA_VERSION, observedPoints, type OutputId } from '../../model';
import { formatMargin, formatNumber, formatProb, formatValue, pick, type Translate } from '../../i18n';
import type { Scenario } from '../../scenario/schema';
import type { AppState } from '../app/app.svelte';
import type { UrlSync } from '../share/url-sync.svelte';
import { outputName, targetText, verdictSentence } from '../lib/labels';
import { loadPlot, type PlotLib } from '../lib/plot-loader';
import { fanChartOptions } from '../notebook/fan-chart';
import { cellParams } from '../notebook/cells';
import { withUnit } from '../../i18n/analysis-text';
import { basisScenario, changedAssumptions, changeLine, changesFor, changesText } from './changes';
import { exportFileName } from './filename';
import { qrSvg } from './qr';
import { svgToPng, type ExportContext, type ExportFile } from './run';
import { EXPORT_FONT, escapeXml, nestableSvg } from './svg';
import { INSET, LINE, fitText, fits, lineCount, lineWidthIn, linesHeight, type FitOptions } from './fit';
import { tidyPptx } from './ooxml';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { planKey } from '../app/plan-labels';

/** A deck is built from the same context as every other export. */
export type DeckInput = ExportContext;

/** The input of a deck from the app's state (the link made current). */
export async function deckInput(app: AppState, t: Translate, sync: UrlSync): Promise<DeckInput> {
  if (!app.result) throw new Error('no result yet');
  return {
    result: app.result,
    // A plain copy of the state (it is a reactive proxy).
    scenario: JSON.parse(JSON.stringify(app.scenario)) as Scenario,
    presetScenario: basisScenario(app.scenario.preset),
    presetName: app.basisName,
    lang: app.lang,
    t,
    link: (await sync.linkNow()).url,
    overlays: (id) => app.overlaysFor(id),
  };
}

/** The chart picture's size in CSS px (16:9), and its type size: large enough for a projector. */
export const DECK_CHART = { width: 1280, height: 720, fontSize: 22 } as const;

/** A fan chart alone (no frame) as a standalone SVG document on white. */
function chartSvg(Plot: PlotLib, d: DeckInput, id: OutputId): string {
  const options = fanChartOptions(Plot, {
    id,
    output: d.result.outputs[id],
    observed: observedPoints(id, d.scenario.asOf),
    lang: d.lang,
    t: d.t,
    width: DECK_CHART.width,
    height: DECK_CHART.height,
    dark: false,
    overlays: d.overlays(id),
    fontSize: DECK_CHART.fontSize,
    presentation: true,
  });
  const el = Plot.plot({ ...options, style: { ...(options.style as object), color: '#222', fontFamily: EXPORT_FONT } });
  const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg');
  if (!svg) throw new Error('the chart did not render');
  const { width: w, height: h } = DECK_CHART;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(EXPORT_FONT)}">` +
    `<rect width="${w}" height="${h}" fill="#fff"/>${nestableSvg(new XMLSerializer().serializeToString(svg))}</svg>`
  );
}

async function pngDataUrl(svg: string, width: number, height: number, scale = 1): Promise<string> {
  const blob = await svgToPng(svg, width, height, scale);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  // pptxgenjs takes "image/png;base64,…" (no "data:").
  return `image/png;base64,${btoa(bin)}`;
}

const INK = '1D1D1F';
const MUTED = '5C5C66';
const MET = '007A55';
const MISSED = 'B34700';

/** The source stamp's box at the foot of every slide (10 × 5.625 in). */
const STAMP = { x: 0.35, y: 4.8, w: 9.3, h: 0.75 } as const;
/** Table cells' insets in inches (top/bottom, left/right). */
const CELL = { y: 0.04, x: 0.08 } as const;

/** Builds the deck with a pptxgenjs constructor; returns it with the time each stage took. */
export async function buildDeck(
  Pptx: typeof PptxGenJS,
  Plot: PlotLib,
  create: typeof import('qrcode').create,
  d: DeckInput,
): Promise<{ blob: Blob; ms: { charts: number; write: number } }> {
  const { t, lang, result } = d;
  // Explicit fonts in every run: Microsoft YaHei for Chinese (Windows, and WPS and Office everywhere; other viewers
  // substitute their own Chinese sans, e.g. Noto Sans CJK SC), Calibri for English.
  const font = lang === 'zh-CN' ? 'Microsoft YaHei' : 'Calibri';
  const txt = { fontFace: font, lang: lang === 'zh-CN' ? 'zh-CN' : 'en-US', color: INK } as const;
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const name = d.scenario.title.trim() || d.presetName;
  const changes = changedAssumptions(d.scenario, d.presetScenario, lang, t);
  const versions = t('exportVersions', {
    mv: MODEL_VERSION,
    dv: DATA_VERSION,
    seed: d.scenario.seed,
    n: formatNumber(result.samples, lang),
  });
  const stamp = `${t('exportSource')} ${versions}`;

  const pres = new Pptx();
  pres.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
  pres.title = `${name} · ${t('appName')}`;
  pres.author = t('appName');
  pres.company = t('appName');
  pres.subject = t('reportHeading');

  /** A text box whose type size is chosen to fit it (the text cut with "…" below `min`); never shrunk by the viewer. */
  const fitted = (
    slide: PptxGenJS.Slide,
    text: string,
    box: { x: number; y: number; w: number; h: number },
    max: number,
    min: number,
    options: PptxGenJS.TextPropsOptions = {},
  ) => {
    const f = fitText(text, box.w, box.h, max, min, { bold: !!options.bold });
    slide.addText(f.text, { ...txt, ...box, ...options, fontSize: f.fontSize });
  };

  /** The source stamp at the foot of a slide; `extra` (the link, the changes) is dropped first when space is short. */
  const addStamp = (slide: PptxGenJS.Slide, extra = '') => {
    const full = `${stamp}${extra ? ' ' + extra : ''}`;
    const text = extra && !fits(full, STAMP.w, STAMP.h, 6) ? stamp : full;
    fitted(slide, text, STAMP, 7.5, 6, { color: MUTED, valign: 'bottom' });
  };

  // Title slide.
  const t0 = performance.now();
  const qr = qrSvg(create, d.link, 300);
  const qrPng = qr ? await pngDataUrl(qr, 300, 300) : null;
  const textW = qrPng ? 6.6 : 9;
  const title = pres.addSlide();
  fitted(title, name, { x: 0.5, y: 0.45, w: 9, h: 1.2 }, 36, 20, { bold: true, valign: 'bottom' });
  fitted(title, `${t('appName')} · ${t('reportHeading')}`, { x: 0.5, y: 1.68, w: 9, h: 0.45 }, 16, 12, {
    color: MUTED,
  });
  fitted(
    title,
    `${t('preset')}${colon}${d.presetName} · ${t('asOf')} ${d.scenario.asOf} · ${t('horizon')} ${d.scenario.horizon}`,
    { x: 0.5, y: 2.15, w: textW, h: 0.4 },
    14,
    10,
  );
  const headline = PLANS[result.plan].headline;
  const met = headline.filter((k) => result.outputs[k].verdict.met).length;
  fitted(
    title,
    t('reportMetCount', { met, total: headline.length, p: formatProb(result.pAllMet, lang) }),
    { x: 0.5, y: 2.6, w: textW, h: 0.75 },
    16,
    12,
  );
  fitted(title, changesText(changes, lang, t, d.presetName), { x: 0.5, y: 3.4, w: textW, h: 1.35 }, 10, 7, {
    color: MUTED,
    valign: 'top',
  });
  if (qrPng) {
    title.addImage({ data: qrPng, x: 7.5, y: 2.1, w: 2, h: 2, altText: t('reportScan') });
    fitted(title, t('reportScan'), { x: 7.3, y: 4.1, w: 2.4, h: 0.3 }, 9, 7, { align: 'center', color: MUTED });
  }
  addStamp(title, d.link.length <= 400 ? d.link : '');

  // The scorecard as a native table (editable in PowerPoint and WPS), every row as high as its text needs.
  const score = pres.addSlide();
  fitted(score, `${t('scorecard')} · ${name}`, { x: 0.35, y: 0.15, w: 9.3, h: 0.6 }, 24, 14, { bold: true });
  const verdictText = (id: OutputId) =>
    `${result.outputs[id].verdict.met ? t('met') : t('missed')} ${formatMargin(id, result.outputs[id].verdict.margin, lang)}`;
  const cells: { text: string; bold?: boolean; color?: string; align?: 'right' }[][] = [
    [t('indicator'), t(planKey('value2023', result.plan)), t('target'), t('verdict'), t('pMet')].map((h) => ({
      text: h,
      bold: true,
      color: MUTED,
    })),
    ...result.ids.map((id) => {
      const o = result.outputs[id];
      return [
        { text: outputName(id, lang) },
        { text: formatValue(id, o.value, lang), align: 'right' as const },
        { text: targetText(id, lang), align: 'right' as const },
        { text: verdictText(id), color: o.verdict.met ? MET : MISSED, bold: true },
        { text: formatProb(o.pMet, lang), align: 'right' as const },
      ];
    }),
  ];
  const table = { x: 0.35, y: 0.85, w: 9.3, bottom: 4.4 };
  // The largest type at which the table fits: the number columns as wide as their widest cell, the names the rest.
  let layout = { fontSize: 8, colW: [] as number[], rowH: [] as number[] };
  for (let pt = 10.5; pt >= 8; pt -= 0.5) {
    const widths = [1, 2, 3, 4].map((c) =>
      Math.max(...cells.map((r) => lineWidthIn(r[c].text, pt, !!r[c].bold) + 2 * CELL.x + 0.05)),
    );
    const colW = [table.w - widths.reduce((a, b) => a + b, 0), ...widths];
    const rowH = cells.map((r) =>
      Math.max(
        ...r.map((c, i) => linesHeight(lineCount(c.text, colW[i], pt, { bold: !!c.bold, insetX: CELL.x }), pt, CELL.y)),
      ),
    );
    layout = { fontSize: pt, colW, rowH };
    if (colW[0] >= 1.5 && table.y + rowH.reduce((a, b) => a + b, 0) <= table.bottom) break;
  }
  score.addTable(
    cells.map((r) =>
      r.map((c) => ({
        text: c.text,
        options: {
          lang: txt.lang,
          valign: 'middle' as const,
          ...(c.bold ? { bold: true } : {}),
          ...(c.color ? { color: c.color } : {}),
          ...(c.align ? { align: c.align } : {}),
        },
      })),
    ),
    {
      ...txt,
      x: table.x,
      y: table.y,
      w: table.w,
      colW: layout.colW,
      rowH: layout.rowH,
      fontSize: layout.fontSize,
      margin: [CELL.y, CELL.x, CELL.y, CELL.x],
      border: { type: 'solid', pt: 0.5, color: 'DDDDDD' },
    },
  );
  const tableBottom = table.y + layout.rowH.reduce((a, b) => a + b, 0);
  fitted(
    score,
    `${t('jointP')}${colon}${formatProb(result.pAllMet, lang)}`,
    { x: 0.35, y: Math.min(tableBottom + 0.08, STAMP.y - 0.4), w: 9.3, h: 0.35 },
    11,
    9,
  );
  addStamp(score);

  // One slide per output.
  const charts: { id: OutputId; png: string }[] = [];
  for (const id of result.ids)
    charts.push({ id, png: await pngDataUrl(chartSvg(Plot, d, id), DECK_CHART.width, DECK_CHART.height) });
  const t1 = performance.now();
  const side = { x: 6.95, y: 1.1, w: 2.7, h: 3.6 };
  for (const { id, png } of charts) {
    const o = result.outputs[id];
    const slide = pres.addSlide();
    fitted(slide, outputName(id, lang), { x: 0.35, y: 0.12, w: 9.3, h: 0.6 }, 24, 16, { bold: true });
    // The verdict (in its colour) and the target on one line, at the size at which the whole line fits.
    const verdict = verdictText(id);
    const rest = ` · ${t('target')} ${targetText(id, lang)} · ${t(planKey('deadlineLabel', result.plan))} · ${t('pMet')}${colon}${formatProb(o.pMet, lang)}`;
    const line = fitText(verdict + rest, 9.3, 0.38, 13, 9, { bold: true });
    slide.addText(
      [
        { text: verdict, options: { bold: true, color: o.verdict.met ? MET : MISSED } },
        { text: line.text.slice(verdict.length) },
      ],
      { ...txt, x: 0.35, y: 0.72, w: 9.3, h: 0.38, fontSize: line.fontSize },
    );
    // The chart at 16:9, the same shape as its picture.
    slide.addImage({
      data: png,
      x: 0.35,
      y: 1.1,
      w: 6.4,
      h: 3.6,
      altText: `${outputName(id, lang)}: ${verdictSentence(id, o, lang, t, result.horizon)}`,
    });
    const params = cellParams(id, d.scenario.families, d.scenario.asOf);
    const own = changesFor(
      id,
      changes,
      params.map((p) => p.id),
    );
    const ownKeys = new Set(own.map((c) => c.key));
    const items = [
      ...params
        .filter((p) => !ownKeys.has(p.id))
        .map((p) => ({
          text: `${pick(p.label, lang)}${colon}${withUnit(p.id, d.scenario.params[p.id].value, lang)}`,
          bold: false,
        })),
      ...own.map((c) => ({ text: changeLine(c, lang), bold: true })),
    ];
    slide.addText(sideColumn(verdictSentence(id, o, lang, t, result.horizon), t('keyAssumptions'), items, side), {
      ...txt,
      ...side,
      valign: 'top',
    });
    addStamp(slide, changes.length ? changesText(changes, lang, t, d.presetName) : '');
  }
  const t2 = performance.now();
  // pptxgenjs writes the parts uncompressed; they are tidied for PowerPoint (ooxml.ts) and zipped here, the XML
  // deflated and the pictures (PNG, compressed already) stored.
  const raw = (await pres.write({ outputType: 'uint8array' })) as Uint8Array;
  const parts = tidyPptx(unzipSync(raw));
  const zipped = zipSync(
    Object.fromEntries(
      Object.entries(parts).map(([n, data]) => [n, [data, { level: /\.(png|jpe?g)$/i.test(n) ? 0 : 6 }] as const]),
    ) as Zippable,
  );
  const blob = new Blob([zipped as Uint8Array<ArrayBuffer>]);
  const t3 = performance.now();
  return { blob, ms: { charts: t1 - t0, write: t3 - t2 } };
}

/**
 * The column beside a chart: the verdict sentence, the key-assumptions heading and one bullet per assumption (changes
 * from the preset in bold), at the largest scale (1 down to 0.7) at which all of it fits the box; below that the
 * list is cut and ends in "…".
 */
function sideColumn(
  sentence: string,
  heading: string,
  items: { text: string; bold: boolean }[],
  box: { w: number; h: number },
): PptxGenJS.TextProps[] {
  const BULLET_INDENT = 12; // pt
  const SPACE_AFTER = 6; // pt, after the sentence
  const size = (s: number) => ({ sentence: 11 * s, heading: 11 * s, item: 9.5 * s });
  const heightPt = (s: number, list: typeof items) => {
    const z = size(s);
    const lines = (text: string, pt: number, o: FitOptions = {}) => lineCount(text, box.w, pt, o) * pt * LINE;
    return (
      lines(sentence, z.sentence) +
      SPACE_AFTER +
      lines(heading, z.heading, { bold: true }) +
      list.reduce((a, it) => a + lines(it.text, z.item, { bold: it.bold, indentPt: BULLET_INDENT }), 0)
    );
  };
  const room = (box.h - 2 * INSET.y) * 72;
  let scale = 1;
  while (scale > 0.7 && heightPt(scale, items) > room) scale = Math.round((scale - 0.05) * 100) / 100;
  // Still too long: the unchanged assumptions go first (from the last), then the changes; "…" says so.
  const unchanged = items.filter((it) => !it.bold);
  const changed = items.filter((it) => it.bold);
  let list = items;
  while (list.length > 1 && heightPt(scale, list) > room) {
    if (unchanged.length) unchanged.pop();
    else changed.pop();
    list = [...unchanged, ...changed, { text: '…', bold: false }];
  }
  const z = size(scale);
  return [
    { text: sentence, options: { fontSize: z.sentence, breakLine: true, paraSpaceAfter: SPACE_AFTER } },
    { text: heading, options: { bold: true, fontSize: z.heading, breakLine: true } },
    ...list.map((it) => ({
      text: it.text,
      options: {
        fontSize: z.item,
        bullet: { indent: BULLET_INDENT },
        breakLine: true,
        ...(it.bold ? { bold: true } : {}),
      },
    })),
  ];
}

/** Builds the deck of the scenario shown, loading pptxgenjs, Plot and qrcode on first use. */
export async function exportDeck(
  d: DeckInput,
): Promise<ExportFile & { ms: { total: number; charts: number; write: number } }> {
  const start = performance.now();
  const [{ default: Pptx }, Plot, qrcode] = await Promise.all([import('pptxgenjs'), loadPlot(), import('qrcode')]);
  const { blob, ms } = await buildDeck(Pptx, Plot, qrcode.create, d);
  const filename = exportFileName({ title: d.scenario.title, presetName: d.presetName, date: new Date(), ext: 'pptx' });
  return {
    filename,
    blob: new Blob([blob], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' }),
    ms: { total: performance.now() - start, ...ms },
  };
}
