/**
 * Benchmark of the Monte Carlo: `npm run bench [-- --full] [-- --json]`.
 *
 * In one process, at N = 1,000, 10,000 and 100,000 samples:
 *   model      runModel(baseline, N): simulation, bands, crossings, P(met), over every output to the horizon;
 *   reference  a plain typed-array loop over the same number of cells (Σ over outputs of N × months in its path):
 *              month-outer, sample-inner, one multiply-add per cell on Float64Array state;
 *   naive      bench/naive.ts: the same model one sample at a time, Math.* per cell, a full sort per month.
 * Each is timed as the median of repeated runs after warm-up; the model and the reference alternate run by run, so
 * that load from other processes falls on both alike. The naive model runs at 100,000 samples only with --full (it
 * takes half a minute there). Before timing, the naive central values at the deadline are checked against the real
 * ones (1e-9 relative), so that the comparison is between two implementations of one model.
 */
import { runSquigglePeer } from './squiggle-peer';
import { quarterEnds, runBacktest } from '../src/model/backtest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/schema';
import { runModel, runCentral } from '../src/model/monte-carlo';
import { resolveAnchors } from '../src/model/anchors';
import { OUTPUT_IDS } from '../src/model/indicators';
import { naiveCentral, naiveRun } from './naive';

const args = process.argv.slice(2);
const full = args.includes('--full');
const asJson = args.includes('--json');
for (const a of args) {
  if (a !== '--full' && a !== '--json') {
    console.error(`unknown option ${a}; usage: npm run bench [-- --full] [-- --json]`);
    process.exit(2);
  }
}

const parsed = parseScenario(JSON.parse(readFileSync(new URL('../scenarios/baseline.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const baseline = parsed.scenario;
const anchors = resolveAnchors(baseline.asOf, baseline.horizon);
const lens = OUTPUT_IDS.map((id) => anchors.horizon - anchors.start[id] + 1);
const monthsTotal = lens.reduce((a, b) => a + b, 0);

// --- The honesty check: the naive model computes the same central path. ---------------------------------------------
{
  const real = runCentral(baseline, anchors);
  const naive = naiveCentral(baseline);
  OUTPUT_IDS.forEach((id, o) => {
    const d = anchors.deadline - anchors.start[id];
    const x = real[id][d];
    const y = naive[o][d];
    const rel = Math.abs(x - y) / Math.max(Math.abs(x), 1e-300);
    if (!(rel <= 1e-9))
      throw new Error(`naive and real central values differ for ${id}: ${y} vs ${x} (relative ${rel})`);
  });
}

// --- The reference loop. -----------------------------------------------------------------------------------------
/** One multiply-add per cell: `months` steps over `n` slots of state; returns a checksum the JIT must compute. */
function reference(n: number, months: number, x: Float64Array, f: Float64Array): number {
  for (let s = 0; s < n; s++) x[s] = 1 + s * 1e-9;
  for (let t = 0; t < months; t++) {
    const c = 1e-7 * t;
    for (let s = 0; s < n; s++) x[s] = x[s] * f[s] + c;
  }
  let sum = 0;
  for (let s = 0; s < n; s++) sum += x[s];
  return sum;
}

let sink = 0;

/** Returns the median of a list of numbers. */
function median(xs: number[]): number {
  const ts = [...xs].sort((a, b) => a - b);
  const mid = ts.length >> 1;
  return ts.length % 2 ? ts[mid] : (ts[mid - 1] + ts[mid]) / 2;
}

/**
 * Times several functions in alternation (so that load from other processes falls on all of them alike): `warm`
 * rounds first, then rounds until both `minRounds` and `minMs` are reached (at most `maxRounds`). Returns each
 * function's median ms per run, and the number of rounds.
 */
function timeTogether(
  fns: (() => number)[],
  warm: number,
  minRounds: number,
  minMs: number,
  maxRounds = 1000,
): { medians: number[]; rounds: number } {
  for (let i = 0; i < warm; i++) for (const fn of fns) sink += fn();
  const ts: number[][] = fns.map(() => []);
  const t0 = performance.now();
  let rounds = 0;
  while (rounds < maxRounds && (rounds < minRounds || performance.now() - t0 < minMs)) {
    fns.forEach((fn, j) => {
      const t = performance.now();
      sink += fn();
      ts[j].push(performance.now() - t);
    });
    rounds++;
  }
  return { medians: ts.map(median), rounds };
}

interface Row {
  samples: number;
  cells: number;
  modelMs: number;
  referenceMs: number;
  naiveMs: number | null;
  modelNsPerCell: number;
  referenceNsPerCell: number;
  naiveNsPerCell: number | null;
  modelOverReference: number;
  naiveOverModel: number | null;
  runs: { model: number; reference: number; naive: number };
  /** Squiggle computing every output's monthly quantiles (bench/squiggle-peer.ts) at the same sample count, or null. */
  squiggleMs: number | null;
  squiggleOverModel: number | null;
}

const rows: Row[] = [];
const sizes = [1000, 10_000, 100_000];
for (const n of sizes) {
  const big = n >= 100_000;
  const cells = n * monthsTotal;
  const x = new Float64Array(n);
  const f = new Float64Array(n);
  for (let s = 0; s < n; s++) f[s] = 0.999 + (s % 7) * 1e-4;

  // The model and the reference loop alternate; the naive model is slow: fewer runs, and at 100,000 only with --full.
  const together = timeTogether(
    [() => runModel(baseline, n).pAllMet, () => reference(n, monthsTotal, x, f)],
    big ? 1 : 3,
    big ? 3 : 11,
    big ? 0 : 2000,
    big ? 3 : 1000,
  );
  const [modelMs, refMs] = together.medians;
  const model = { median: modelMs, runs: together.rounds };
  const ref = { median: refMs, runs: together.rounds };
  const naive =
    big && !full
      ? null
      : timeTogether([() => naiveRun(baseline, n).pAllMet], n <= 1000 ? 2 : 0, big ? 1 : 3, 0, big ? 1 : 3);
  const naiveMs = naive ? naive.medians[0] : null;
  // The peer: Squiggle doing the same work (every output's seven quantiles in every month), same sample count.
  let squiggleMs: number | null = null;
  if (!big || full) {
    await runSquigglePeer(baseline, anchors, n);
    const times: number[] = [];
    for (let k = 0; k < (n >= 10_000 ? 2 : 3); k++) times.push((await runSquigglePeer(baseline, anchors, n)).ms);
    squiggleMs = median(times);
  }
  rows.push({
    squiggleMs,
    squiggleOverModel: squiggleMs === null ? null : squiggleMs / model.median,
    samples: n,
    cells,
    modelMs: model.median,
    referenceMs: ref.median,
    naiveMs,
    modelNsPerCell: (model.median * 1e6) / cells,
    referenceNsPerCell: (ref.median * 1e6) / cells,
    naiveNsPerCell: naiveMs === null ? null : (naiveMs * 1e6) / cells,
    modelOverReference: model.median / ref.median,
    naiveOverModel: naiveMs === null ? null : naiveMs / model.median,
    runs: { model: model.runs, reference: ref.runs, naive: naive ? naive.rounds : 0 },
  });
}

// --- The backtest beside a single run: every vintage (quarter ends 2021-06 … last data) at 10,000 samples. ---------
const BT_SAMPLES = 10_000;
runBacktest(baseline, { samples: 1000, vintages: quarterEnds().slice(0, 2) });
const single = timeTogether([() => runModel(baseline, BT_SAMPLES).pAllMet], 1, 3, 0, 5).medians[0];
const btTimes: number[] = [];
let vintageCount = 0;
for (let k = 0; k < 2; k++) {
  const t = performance.now();
  vintageCount = runBacktest(baseline, { samples: BT_SAMPLES }).vintages.length;
  btTimes.push(performance.now() - t);
}
const backtest = {
  samples: BT_SAMPLES,
  vintages: vintageCount,
  ms: median(btTimes),
  singleRunMs: single,
  overSingle: median(btTimes) / single,
};

if (asJson) {
  console.log(
    JSON.stringify(
      {
        scenario: 'baseline',
        horizon: baseline.horizon,
        outputs: OUTPUT_IDS.length,
        monthsTotal,
        full,
        rows,
        backtest,
      },
      null,
      2,
    ),
  );
} else {
  const fmt = (v: number | null, d = 1) => (v === null ? '–' : v.toFixed(d));
  const head = [
    'samples',
    'cells',
    'model ms',
    'ref ms',
    'naive ms',
    'model ns/cell',
    'ref ns/cell',
    'naive ns/cell',
    'model/ref',
    'naive/model',
    'squiggle ms',
    'squiggle/model',
  ];
  const body = rows.map((r) => [
    r.samples.toLocaleString('en'),
    r.cells.toLocaleString('en'),
    fmt(r.modelMs),
    fmt(r.referenceMs, 2),
    fmt(r.naiveMs, 0),
    fmt(r.modelNsPerCell, 2),
    fmt(r.referenceNsPerCell, 2),
    fmt(r.naiveNsPerCell, 1),
    fmt(r.modelOverReference, 1) + '×',
    r.naiveOverModel === null ? '–' : fmt(r.naiveOverModel, 1) + '×',
    fmt(r.squiggleMs, 0),
    r.squiggleOverModel === null ? '–' : fmt(r.squiggleOverModel, 1) + '×',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(w[i])).join('  ');
  console.log(
    `runModel(baseline) to ${baseline.horizon}: ${OUTPUT_IDS.length} outputs, ${monthsTotal} output-months; median ms per run`,
  );
  console.log(line(head));
  for (const b of body) console.log(line(b));
  console.log(
    'naive central values at 2023-12 agree with the model to 1e-9 (checked)' +
      (full ? '' : '; naive and Squiggle at 100,000 with --full'),
  );
  console.log(
    'squiggle: @quri/squiggle-lang computing the same outputs month by month with their seven quantiles each month (bench/squiggle-peer.ts), on sample sets of the same size',
  );
  console.log(
    `backtest: ${backtest.vintages} vintages × ${BT_SAMPLES.toLocaleString('en')} samples in one thread: ${backtest.ms.toFixed(0)} ms; one full run at ${BT_SAMPLES.toLocaleString('en')}: ${backtest.singleRunMs.toFixed(0)} ms (${backtest.overSingle.toFixed(1)}× a single run; the browser spreads the vintages over a pool of workers)`,
  );
}
if (sink === 42) console.log('');
