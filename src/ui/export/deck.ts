/**
 * The PowerPoint deck (loaded on demand with pptxgenjs, never with the page): a title slide (scenario, summary,
 * the share link and its QR code), the scorecard as a native table, then one slide per output with its fan chart as
 * a 16:9 picture, the verdict sentence, its key assumptions (changes from the preset marked old → new) and the
 * source stamp, all in the page's language. PowerPoint, WPS and LibreOffice open it (tests/e2e/deck.test.ts unzips
 * it and checks the slide XML).
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

/** Builds the deck with a pptxgenjs constructor; returns it with the time each stage took. */
export async function buildDeck(
  Pptx: typeof PptxGenJS,
  Plot: PlotLib,
  create: typeof import('qrcode').create,
  d: DeckInput,
): Promise<{ blob: Blob; ms: { charts: number; write: number } }> {
  const { t, lang, result } = d;
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

  const addStamp = (slide: PptxGenJS.Slide, extra = '') =>
    slide.addText(`${stamp}${extra ? ' ' + extra : ''}`, {
      ...txt,
      x: 0.35,
      y: 5.05,
      w: 9.3,
      h: 0.5,
      fontSize: 7.5,
      color: MUTED,
      valign: 'bottom',
      fit: 'shrink',
    });

  // Title slide.
  const t0 = performance.now();
  const qr = qrSvg(create, d.link, 300);
  const qrPng = qr ? await pngDataUrl(qr, 300, 300) : null;
  const title = pres.addSlide();
  title.addText(name, { ...txt, x: 0.5, y: 0.6, w: 9, h: 1.0, fontSize: 36, bold: true });
  title.addText(`${t('appName')} · ${t('reportHeading')}`, {
    ...txt,
    x: 0.5,
    y: 1.6,
    w: 9,
    h: 0.4,
    fontSize: 16,
    color: MUTED,
  });
  title.addText(
    `${t('preset')}${colon}${d.presetName} · ${t('asOf')} ${d.scenario.asOf} · ${t('horizon')} ${d.scenario.horizon}`,
    { ...txt, x: 0.5, y: 2.1, w: qrPng ? 6.6 : 9, h: 0.4, fontSize: 14 },
  );
  const headline = PLANS[result.plan].headline;
  const met = headline.filter((k) => result.outputs[k].verdict.met).length;
  title.addText(t('reportMetCount', { met, total: headline.length, p: formatProb(result.pAllMet, lang) }), {
    ...txt,
    x: 0.5,
    y: 2.6,
    w: qrPng ? 6.6 : 9,
    h: 0.8,
    fontSize: 16,
  });
  title.addText(changesText(changes, lang, t, d.presetName), {
    ...txt,
    x: 0.5,
    y: 3.45,
    w: qrPng ? 6.6 : 9,
    h: 1.0,
    fontSize: 10,
    color: MUTED,
    valign: 'top',
    fit: 'shrink',
  });
  if (qrPng) {
    title.addImage({ data: qrPng, x: 7.5, y: 2.1, w: 2, h: 2, altText: t('reportScan') });
    title.addText(t('reportScan'), {
      ...txt,
      x: 7.3,
      y: 4.1,
      w: 2.4,
      h: 0.3,
      fontSize: 9,
      align: 'center',
      color: MUTED,
    });
  }
  addStamp(title, d.link.length <= 400 ? d.link : '');

  // The scorecard as a native table (editable in PowerPoint and WPS).
  const score = pres.addSlide();
  score.addText(`${t('scorecard')} · ${name}`, { ...txt, x: 0.35, y: 0.2, w: 9.3, h: 0.55, fontSize: 24, bold: true });
  const head = [t('indicator'), t(planKey('value2023', result.plan)), t('target'), t('verdict'), t('pMet')].map(
    (h) => ({
      text: h,
      options: { bold: true, color: MUTED },
    }),
  );
  const rows = result.ids.map((id) => {
    const o = result.outputs[id];
    return [
      { text: outputName(id, lang) },
      { text: formatValue(id, o.value, lang), options: { align: 'right' as const } },
      { text: targetText(id, lang), options: { align: 'right' as const } },
      {
        text: `${o.verdict.met ? t('met') : t('missed')} ${formatMargin(id, o.verdict.margin, lang)}`,
        options: { color: o.verdict.met ? MET : MISSED, bold: true },
      },
      { text: formatProb(o.pMet, lang), options: { align: 'right' as const } },
    ];
  });
  score.addTable([head, ...rows], {
    ...txt,
    x: 0.35,
    y: 0.85,
    w: 9.3,
    colW: [3.6, 1.5, 1.3, 1.7, 1.2],
    fontSize: 10,
    rowH: 0.3,
    border: { type: 'solid', pt: 0.5, color: 'DDDDDD' },
  });
  score.addText(`${t('jointP')}${colon}${formatProb(result.pAllMet, lang)}`, {
    ...txt,
    x: 0.35,
    y: 4.75,
    w: 9.3,
    h: 0.3,
    fontSize: 11,
  });
  addStamp(score);

  // One slide per output.
  const charts: { id: OutputId; png: string }[] = [];
  for (const id of result.ids)
    charts.push({ id, png: await pngDataUrl(chartSvg(Plot, d, id), DECK_CHART.width, DECK_CHART.height) });
  const t1 = performance.now();
  for (const { id, png } of charts) {
    const o = result.outputs[id];
    const slide = pres.addSlide();
    slide.addText(outputName(id, lang), { ...txt, x: 0.35, y: 0.15, w: 9.3, h: 0.55, fontSize: 24, bold: true });
    slide.addText(
      [
        {
          text: `${o.verdict.met ? t('met') : t('missed')} ${formatMargin(id, o.verdict.margin, lang)}`,
          options: { bold: true, color: o.verdict.met ? MET : MISSED },
        },
        {
          text: ` · ${t('target')} ${targetText(id, lang)} · ${t(planKey('deadlineLabel', result.plan))} · ${t('pMet')}${colon}${formatProb(o.pMet, lang)}`,
        },
      ],
      { ...txt, x: 0.35, y: 0.7, w: 9.3, h: 0.35, fontSize: 13 },
    );
    // The chart at 16:9.
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
    const lines = [
      {
        text: verdictSentence(id, o, lang, t, result.horizon),
        options: { fontSize: 11, breakLine: true, paraSpaceAfter: 6 },
      },
      { text: t('keyAssumptions'), options: { bold: true, fontSize: 11, breakLine: true } },
      ...params
        .filter((p) => !ownKeys.has(p.id))
        .map((p) => ({
          text: `${pick(p.label, lang)}${colon}${withUnit(p.id, d.scenario.params[p.id].value, lang)}`,
          options: { fontSize: 9.5, bullet: true, breakLine: true },
        })),
      ...own.map((c) => ({
        text: changeLine(c, lang),
        options: { fontSize: 9.5, bullet: true, bold: true, breakLine: true },
      })),
    ];
    slide.addText(lines, { ...txt, x: 6.95, y: 1.1, w: 2.75, h: 3.6, valign: 'top', fit: 'shrink' });
    addStamp(slide, changes.length ? changesText(changes, lang, t, d.presetName) : '');
  }
  const t2 = performance.now();
  const blob = (await pres.write({ outputType: 'blob', compression: true })) as Blob;
  const t3 = performance.now();
  return { blob, ms: { charts: t1 - t0, write: t3 - t2 } };
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
