/**
 * UI benchmark in headless Chromium on the production build served locally (`npm run build` first; `npm run
 * bench:ui`). Measures, at 10,000 samples:
 *  - a 60-step mouse drag of a slider: edit-to-painted-chart latency (median, p95), main-thread long tasks (≥ 50 ms)
 *    during the drag, and the drag's wall time;
 *  - 50 keyboard moves of a slider: the same latencies;
 *  - the same page with the model on the main thread (`?runner=main`) as the peer, in the same run;
 *  - cold load: time from navigation to the first chart;
 *  - presentation exports: the PowerPoint deck (导出PPT: 14 slides, 12 chart pictures) from the click to the
 *    download, against the reference of one chart's slide export (a 1920 × 1080 PNG) in the same page, alternated,
 *    both after a warm-up; and the first deck of a fresh page (pptxgenjs loaded on demand).
 * Each scenario is repeated (default 3) and medians reported. `--json` prints machine-readable figures;
 * `--exports` measures only the exports.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startHarness, openPage, waitForResult, sliderThumb, type Harness } from '../tools/harness';
import type { Page } from 'playwright-core';
import { encodeLink } from '../src/scenario/link';
import { defaultLinkState } from '../src/scenario/link-state';
import { PARAMS } from '../src/model';

const REPEATS = Number(process.argv.find((a) => a.startsWith('--repeats='))?.split('=')[1] ?? 3);
const JSON_OUT = process.argv.includes('--json');
const EXPORTS_ONLY = process.argv.includes('--exports');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
};

async function observeLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

async function resetPerf(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __yangfanPerf: { latencies: number[] } };
    w.__long = [];
    w.__yangfanPerf.latencies.length = 0;
  });
}

async function readPerf(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __yangfanPerf: { latencies: number[] } };
    return { latencies: [...w.__yangfanPerf.latencies], long: [...w.__long] };
  });
}

async function settle(page: Page) {
  await page.waitForTimeout(600);
  await waitForResult(page);
  await page.waitForTimeout(200);
}

interface Trial {
  latencies: number[];
  long: number[];
  wallMs: number;
}

async function drag(page: Page): Promise<Trial> {
  const thumb = await sliderThumb(page, 'bassQ', 0.014, 0, 0.4);
  const x0 = thumb.x + 2;
  const y = thumb.y;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await resetPerf(page);
  const t0 = Date.now();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(x0 + i * 2, y);
    await page.waitForTimeout(16);
  }
  const wallMs = Date.now() - t0;
  await page.mouse.up();
  await settle(page);
  const r = await readPerf(page);
  return { ...r, wallMs };
}

async function keyboard(page: Page): Promise<Trial> {
  const slider = page.locator('#p-buildAnnual-range');
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  await resetPerf(page);
  const t0 = Date.now();
  for (let i = 0; i < 50; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForTimeout(60);
  }
  const wallMs = Date.now() - t0;
  await settle(page);
  return { ...(await readPerf(page)), wallMs };
}

/** Gzip sizes of the built JavaScript: the chunks index.html loads first (initial) and the rest (lazy). */
function chunkSizes(): { initialKb: number; chunks: { file: string; kb: number; initial: boolean }[] } {
  const html = readFileSync('dist/index.html', 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  // Static imports of the entry are initial too (modulepreload links, or imports in the entry chunk).
  for (const f of [...initial]) {
    const code = readFileSync(`dist/${f}`, 'utf8');
    for (const m of code.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) initial.add(`assets/${m[1]}`);
  }
  const chunks = readdirSync('dist/assets')
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({
      file: f,
      kb: gzipSync(readFileSync(`dist/assets/${f}`)).length / 1024,
      initial: initial.has(`assets/${f}`),
    }))
    .sort((a, b) => b.kb - a.kb);
  return { initialKb: chunks.filter((c) => c.initial).reduce((a, c) => a + c.kb, 0), chunks };
}

async function coldLoad(h: Harness): Promise<number> {
  const { page, context } = await openPage(h);
  // The first chart on screen: the scorecard's sparklines (the fan charts start below the fold).
  await page.waitForSelector('[data-testid="scorecard"] [data-testid="sparkline"]', { timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

async function measure(h: Harness, path: string) {
  const drags: Trial[] = [];
  const keys: Trial[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const { page, context, errors } = await openPage(h, path);
    await waitForResult(page);
    await observeLongTasks(page);
    drags.push(await drag(page));
    keys.push(await keyboard(page));
    if (errors.length) throw new Error(errors.join('\n'));
    await context.close();
  }
  const sum = (ts: Trial[]) => ({
    medianMs: median(ts.map((t) => median(t.latencies))),
    p95Ms: median(ts.map((t) => pct(t.latencies, 0.95))),
    longTasks: median(ts.map((t) => t.long.length)),
    longestTaskMs: median(ts.map((t) => Math.max(0, ...t.long))),
    wallMs: median(ts.map((t) => t.wallMs)),
    edits: median(ts.map((t) => t.latencies.length)),
  });
  return { drag: sum(drags), keyboard: sum(keys) };
}

/**
 * The deck against one slide export, in one page (zh-CN, the README's named scenario): a deck first (cold: pptxgenjs,
 * Plot and the export code load), a warm-up of each, then REPEATS of each, alternated so load falls on both alike.
 */
async function exports(h: Harness) {
  const s = defaultLinkState('zh-CN');
  s.scenario.title = '基站加快建设';
  s.scenario.params.buildGrowth.value = Math.min(
    PARAMS.buildGrowth.max,
    s.scenario.params.buildGrowth.value + 10 * PARAMS.buildGrowth.step,
  );
  const { page, context, errors } = await openPage(h, encodeLink(s), { locale: 'zh-CN' });
  await waitForResult(page);
  const deckButton = '[data-testid="export-deck"]';
  const idle = (await page.textContent(deckButton))!;
  const timed = async (selector: string) => {
    const t0 = performance.now();
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(selector)]);
    const ms = performance.now() - t0;
    const bytes = readFileSync((await d.path())!).length;
    // The deck button is busy until its download has been handed over.
    await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent === text, [deckButton, idle]);
    return { ms, bytes };
  };
  const cold = await timed(deckButton);
  await page.locator('#cell-base_stations_per_10k figure').scrollIntoViewIfNeeded();
  await page.click('[data-testid="export-base_stations_per_10k"]');
  const slideButton = '[data-testid="export-slide-base_stations_per_10k"]';
  await timed(slideButton);
  await timed(deckButton);
  const deck: number[] = [];
  const slide: number[] = [];
  let deckBytes = cold.bytes;
  for (let r = 0; r < REPEATS; r++) {
    const dk = await timed(deckButton);
    deck.push(dk.ms);
    deckBytes = dk.bytes;
    slide.push((await timed(slideButton)).ms);
  }
  if (errors.length) throw new Error(errors.join('\n'));
  await context.close();
  return {
    coldDeckMs: cold.ms,
    deckMs: median(deck),
    slideMs: median(slide),
    deckPerSlide: median(deck) / median(slide),
    deckRuns: deck,
    slideRuns: slide,
    deckBytes,
  };
}

const h = await startHarness();
try {
  if (EXPORTS_ONLY) {
    const x = await exports(h);
    if (JSON_OUT) console.log(JSON.stringify({ repeats: REPEATS, exports: x }, null, 2));
    else printExports(x);
    process.exit(0);
  }
  const loads: number[] = [];
  for (let r = 0; r < REPEATS; r++) loads.push(await coldLoad(h));
  const worker = await measure(h, '');
  const mainThread = await measure(h, '?runner=main');
  const exportTimes = await exports(h);
  const sizes = chunkSizes();
  const out = {
    repeats: REPEATS,
    firstChartMs: median(loads),
    initialJsGzipKb: sizes.initialKb,
    chunks: sizes.chunks,
    worker,
    mainThread,
    exports: exportTimes,
  };
  if (JSON_OUT) console.log(JSON.stringify(out, null, 2));
  else {
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0).padStart(6) : '     –');
    console.log(
      `UI benchmark, headless Chromium, production build, 10,000 samples (1,000 while dragging), median of ${REPEATS}`,
    );
    console.log(`first chart after navigation: ${median(loads).toFixed(0)} ms`);
    console.log(`initial JavaScript: ${sizes.initialKb.toFixed(1)} KB gzip; chunks (gzip KB):`);
    for (const c of sizes.chunks)
      console.log(`  ${c.initial ? 'initial' : 'lazy   '}  ${c.kb.toFixed(1).padStart(6)}  ${c.file}`);
    console.log('                       median ms  p95 ms  long tasks  longest ms  wall ms  edits');
    for (const [name, m] of [
      ['worker', worker],
      ['main thread (peer)', mainThread],
    ] as const) {
      for (const k of ['drag', 'keyboard'] as const) {
        const x = m[k];
        console.log(
          `${(name + ' ' + k).padEnd(26)}${f(x.medianMs)}  ${f(x.p95Ms)}  ${f(x.longTasks)}      ${f(x.longestTaskMs)}  ${f(x.wallMs)}  ${f(x.edits)}`,
        );
      }
    }
    printExports(exportTimes);
  }
} finally {
  await h.close();
}

function printExports(x: Awaited<ReturnType<typeof exports>>) {
  const runs = (xs: number[]) => xs.map((v) => v.toFixed(0)).join(', ');
  console.log(
    `PowerPoint deck (14 slides): ${x.deckMs.toFixed(0)} ms median (${runs(x.deckRuns)}), ` +
      `${(x.deckBytes / 1e6).toFixed(2)} MB; the first of a fresh page ${x.coldDeckMs.toFixed(0)} ms`,
  );
  console.log(
    `reference, one slide export (1920 × 1080 PNG): ${x.slideMs.toFixed(0)} ms median (${runs(x.slideRuns)})`,
  );
  console.log(`deck / slide export: ${x.deckPerSlide.toFixed(1)}×`);
}
