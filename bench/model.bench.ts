/**
 * Benchmark of the Monte Carlo: `npm run bench [-- --full] [-- --json]`.
 *
 * In one process, at N = 1,000, 10,000 and 100,000 samples (100,000 only with --full when it is slow):
 *   model      runModel(baseline, N): simulation, bands, crossings, P(met), over every output to the horizon;
 *   reference  a plain typed-array loop over the same number of cells (Σ over outputs of N × months in its path):
 *              month-outer, sample-inner, one multiply-add per cell on Float64Array state;
 *   naive      bench/naive.ts: the same model one sample at a time, Math.* per cell, a full sort per month.
 * Each is timed as the median of repeated runs after warm-up. Before timing, the naive central values at the deadline
 * are checked against the real ones (1e-9 relative) so that the comparison is between implementations of one model.
 */
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
    if (!(rel <= 1e-9)) throw new Error(`naive and real central values differ for ${id}: ${y} vs ${x} (relative ${rel})`);
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

/** Times `fn`: `warm` runs, then runs until both `minRuns` and `minMs` are reached (capped at `maxRuns`); returns ms per run (median). */
function time(fn: () => number, warm: number, minRuns: number, minMs: number, maxRuns = 1000): { median: number; runs: number } {
  for (let i = 0; i < warm; i++) sink += fn();
  const ts: number[] = [];
  const t0 = performance.now();
  while (ts.length < maxRuns && (ts.length < minRuns || performance.now() - t0 < minMs)) {
    const t = performance.now();
    sink += fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  const mid = ts.length >> 1;
  return { median: ts.length % 2 ? ts[mid] : (ts[mid - 1] + ts[mid]) / 2, runs: ts.length };
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
}

const rows: Row[] = [];
const sizes = [1000, 10_000, 100_000];
for (const n of sizes) {
  const big = n >= 100_000;
  const cells = n * monthsTotal;
  const x = new Float64Array(n);
  const f = new Float64Array(n);
  for (let s = 0; s < n; s++) f[s] = 0.999 + (s % 7) * 1e-4;

  const model = time(() => runModel(baseline, n).pAllMet, big ? 1 : 3, big ? 3 : 9, big ? 0 : 1500, big && !full ? 3 : 1000);
  const ref = time(() => reference(n, monthsTotal, x, f), 3, big ? 5 : 15, 500);
  // The naive model is slow: fewer runs, and at 100,000 samples only with --full.
  const naive = big && !full ? null : time(() => naiveRun(baseline, n).pAllMet, 1, big ? 1 : 3, big ? 0 : 1000, big ? 1 : 20);
  rows.push({
    samples: n,
    cells,
    modelMs: model.median,
    referenceMs: ref.median,
    naiveMs: naive ? naive.median : null,
    modelNsPerCell: (model.median * 1e6) / cells,
    referenceNsPerCell: (ref.median * 1e6) / cells,
    naiveNsPerCell: naive ? (naive.median * 1e6) / cells : null,
    modelOverReference: model.median / ref.median,
    naiveOverModel: naive ? naive.median / model.median : null,
    runs: { model: model.runs, reference: ref.runs, naive: naive ? naive.runs : 0 },
  });
}

if (asJson) {
  console.log(JSON.stringify({ scenario: 'baseline', horizon: baseline.horizon, outputs: OUTPUT_IDS.length, monthsTotal, full, rows }, null, 2));
} else {
  const fmt = (v: number | null, d = 1) => (v === null ? '–' : v.toFixed(d));
  const head = ['samples', 'cells', 'model ms', 'ref ms', 'naive ms', 'model ns/cell', 'ref ns/cell', 'naive ns/cell', 'model/ref', 'naive/model'];
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
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(w[i])).join('  ');
  console.log(`runModel(baseline) to ${baseline.horizon}: ${OUTPUT_IDS.length} outputs, ${monthsTotal} output-months; median ms per run`);
  console.log(line(head));
  for (const b of body) console.log(line(b));
  console.log('naive central values at 2023-12 agree with the model to 1e-9 (checked)' + (full ? '' : '; naive at 100,000 with --full'));
}
if (sink === 42) console.log('');
