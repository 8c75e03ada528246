/**
 * Monte Carlo over a scenario: the central path, quantile bands per month, verdicts, P(met), first-crossing months
 * and their distribution, and the joint probability that every headline target is met.
 */
import { deadlineIndex, resolveAnchors, type Anchors } from './anchors';
import { ALL_OUTPUT_IDS, OUTPUTS, marginOf, targetLevel, type OutputId, type Target } from './indicators';
import { DEFAULT_PLAN, PLANS, planOutputs } from './plans';
import { PARAM_IDS, PARAMS, type ParamId } from './registry';
import { sampleParam } from './random';
import { simulate, OUT, type ParamColumns } from './simulate';
import { QUANTILES, type ModelInput, type OutputResult, type RunResult } from './types';
import { MODEL_VERSION, DATA_VERSION } from './version';
import type { DataStore } from '../data/vintage';
import { Quantiler } from './quantiles';
import { observedPoints } from './observed';
import type { Month } from './months';

const QS = [...QUANTILES];

/** Draws every parameter's column of `n` samples (fixed ones filled with their point value). */
export function drawColumns(input: ModelInput, n: number): ParamColumns {
  const cols = {} as Record<ParamId, Float64Array>;
  for (const id of PARAM_IDS) {
    const p = input.params[id];
    const d = PARAMS[id];
    cols[id] = sampleParam(id, p.dist, p.value, d.min, d.max, n, input.seed);
  }
  return cols;
}

/** Returns one-sample columns holding every parameter's point value. */
export function pointColumns(input: ModelInput): ParamColumns {
  const cols = {} as Record<ParamId, Float64Array>;
  for (const id of PARAM_IDS) cols[id] = Float64Array.of(input.params[id].value);
  return cols;
}

/** Returns a fast test of a target, specialised to its comparator. */
function tester(t: Target): (v: number) => boolean {
  switch (t.comparator) {
    case '>':
      return (v) => v > t.value;
    case '>=':
      return (v) => v >= t.value;
    case 'range':
      return (v) => v >= t.lo && v <= t.hi;
    default:
      return t satisfies never;
  }
}

/** Returns a target as (lower bound, upper bound, strict lower bound), for loops that test many values. */
function thresholds(t: Target): [number, number, boolean] {
  return t.comparator === 'range' ? [t.lo, t.hi, false] : [t.value, Infinity, t.comparator === '>'];
}

/** Runs the central path alone: one Float64Array per output, from its start month to the horizon. */
export function runCentral(
  input: ModelInput,
  anchors: Anchors = resolveAnchors(input.asOf, input.horizon, undefined, input.plan),
): Record<OutputId, Float64Array> {
  const paths = {} as Record<OutputId, Float64Array>;
  for (const id of ALL_OUTPUT_IDS) paths[id] = new Float64Array(Math.max(0, anchors.horizon - anchors.start[id] + 1));
  simulate(anchors, input.families, pointColumns(input), 1, (o, i, v) => {
    paths[ALL_OUTPUT_IDS[o]][i] = v[0];
  });
  return paths;
}

/**
 * Accumulates the per-month summaries of a run. A class with one shared method (not a closure per run) so that its
 * optimised code survives from one run to the next; every helper it calls is a module-level function for the same reason.
 */
class Summaries {
  readonly bands: Float64Array[];
  /** Per output and sample: 1 once the sample's path has met the target. */
  readonly done: Uint8Array[];
  readonly crossed: Int32Array;
  readonly cdf: Float64Array[];
  readonly atDeadline: Float64Array[];
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly strict: Uint8Array;
  readonly quantiler: Quantiler;
  /** 1 for the outputs whose bands and crossings this run computes (a pool splits the outputs between workers). */
  readonly active: Uint8Array;
  /** Scratch for the scans: lowest value, highest value, 1 if a NaN was seen. */
  readonly mm = new Float64Array(3);

  constructor(
    readonly n: number,
    readonly lens: readonly number[],
    readonly deadlineIdx: readonly number[],
    active: readonly OutputId[],
    /** The run's outputs (its plan's): the others are not summarised at all. */
    used: readonly OutputId[],
  ) {
    this.active = Uint8Array.from(ALL_OUTPUT_IDS, (id) => (active.includes(id) ? 1 : used.includes(id) ? 2 : 0));
    this.bands = lens.map((len, o) => new Float64Array(this.active[o] === 0 ? 0 : QS.length * len));
    this.done = ALL_OUTPUT_IDS.map((_, o) => new Uint8Array(this.active[o] === 0 ? 0 : n));
    this.crossed = new Int32Array(ALL_OUTPUT_IDS.length);
    this.cdf = lens.map((len, o) => new Float64Array(this.active[o] === 0 ? 0 : len));
    this.atDeadline = ALL_OUTPUT_IDS.map((_, o) => new Float64Array(this.active[o] === 0 ? 0 : n));
    this.lo = new Float64Array(ALL_OUTPUT_IDS.length);
    this.hi = new Float64Array(ALL_OUTPUT_IDS.length);
    this.strict = new Uint8Array(ALL_OUTPUT_IDS.length);
    ALL_OUTPUT_IDS.forEach((id, o) => {
      const [lo, hi, strict] = thresholds(OUTPUTS[id].target);
      this.lo[o] = lo;
      this.hi[o] = hi;
      this.strict[o] = strict ? 1 : 0;
    });
    this.quantiler = new Quantiler(n, QS);
  }

  /** Takes output `o`'s values in its month `i`. */
  month(o: number, i: number, v: Float64Array): void {
    const act = this.active[o];
    if (act === 0) return; // not an output of the run's plan
    if (act === 2) {
      // Another worker summarises this output; the deadline values still count towards P(all met).
      if (i === this.deadlineIdx[o]) this.atDeadline[o].set(v);
      return;
    }
    const n = this.n;
    const mm = this.mm;
    // One pass: the values' extent, and each sample's first month meeting the target (once all have, extent alone).
    let c = this.crossed[o];
    if (c === n) extent(v, n, mm);
    else if (this.strict[o]) c += scanStrict(v, n, this.done[o], this.lo[o], this.hi[o], mm);
    else c += scanAtLeast(v, n, this.done[o], this.lo[o], this.hi[o], mm);
    this.crossed[o] = c;
    this.cdf[o][i] = c / n;
    // Bands: all seven quantiles from one bucket select (quantiles.ts), skipped where every sample agrees.
    const len = this.lens[o];
    const band = this.bands[o];
    const lo = mm[0];
    const hi = mm[1];
    if (lo === hi) for (let q = 0; q < QS.length; q++) band[q * len + i] = lo;
    else if (mm[2] === 0) this.quantiler.quantilesWithin(v, lo, hi, band, i, len);
    else this.quantiler.quantiles(v, band, i, len);
    if (i === this.deadlineIdx[o]) this.atDeadline[o].set(v);
  }
}

/**
 * Writes the lowest and highest of the first `n` values to `mm[0]`, `mm[1]`, and whether any is NaN to `mm[2]`.
 * NaNs are passed over, as comparisons pass them over (lowest = highest then still means the bands are flat).
 */
function extent(v: Float64Array, n: number, mm: Float64Array): void {
  let lo = v[0];
  let hi = lo;
  let nan = lo !== lo;
  for (let s = 1; s < n; s++) {
    const x = v[s];
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
    else if (x !== x) nan = true;
  }
  mm[0] = lo;
  mm[1] = hi;
  mm[2] = nan ? 1 : 0;
}

// The two scans below are `extent` fused with the first-crossing test, which is written without branches (it is
// unpredictable while samples are crossing): a sample newly meeting `lo < x ≤ hi` (or `lo ≤ x ≤ hi`) is marked done
// and counted.

/** `extent`, and marks the samples first meeting `lo < x ≤ hi`; returns how many. */
function scanStrict(v: Float64Array, n: number, done: Uint8Array, tlo: number, thi: number, mm: Float64Array): number {
  let lo = v[0];
  let hi = lo;
  let nan = lo !== lo;
  let c = 0;
  for (let s = 0; s < n; s++) {
    const x = v[s];
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
    else if (x !== x) nan = true;
    const d = done[s];
    const m = +(x > tlo) & +(x <= thi) & (d ^ 1);
    done[s] = d | m;
    c += m;
  }
  mm[0] = lo;
  mm[1] = hi;
  mm[2] = nan ? 1 : 0;
  return c;
}

/** `extent`, and marks the samples first meeting `lo ≤ x ≤ hi`; returns how many. */
function scanAtLeast(v: Float64Array, n: number, done: Uint8Array, tlo: number, thi: number, mm: Float64Array): number {
  let lo = v[0];
  let hi = lo;
  let nan = lo !== lo;
  let c = 0;
  for (let s = 0; s < n; s++) {
    const x = v[s];
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
    else if (x !== x) nan = true;
    const d = done[s];
    const m = +(x >= tlo) & +(x <= thi) & (d ^ 1);
    done[s] = d | m;
    c += m;
  }
  mm[0] = lo;
  mm[1] = hi;
  mm[2] = nan ? 1 : 0;
  return c;
}

/**
 * The month of the first figure known at the as-of date, up to the output's anchor, that meets its target, or null
 * (no figure meets it, or the output has no official series).
 */
function firstKnownMeeting(
  id: OutputId,
  asOf: string,
  a: Anchors,
  meets: (v: number) => boolean,
  store: DataStore | undefined,
): Month | null {
  for (const p of observedPoints(id, asOf, store))
    if (p.known && p.month <= a.hold[id] && meets(p.value)) return p.month;
  return null;
}

export interface RunOptions {
  /**
   * The outputs whose bands, crossings and P(met) to compute (default all). The others come back with empty bands:
   * a worker pool gives each worker a share of the outputs and merges the results, which stay bit-identical.
   */
  readonly outputs?: readonly OutputId[];
  /** Called with the fraction done, every few simulated months. */
  readonly onProgress?: (fraction: number) => void;
  /** The observations to anchor on (default the shipped data): the backtest's leakage test passes its own. */
  readonly store?: DataStore;
}

/** Runs the whole Monte Carlo of a (validated) scenario. */
export function runModel(input: ModelInput, samples: number = input.samples, options: RunOptions = {}): RunResult {
  const plan = input.plan ?? DEFAULT_PLAN;
  const a = resolveAnchors(input.asOf, input.horizon, options.store, plan);
  const n = samples;
  const central = runCentral(input, a);
  const ids = planOutputs(plan);

  const lens = ALL_OUTPUT_IDS.map((id) => Math.max(0, a.horizon - a.start[id] + 1));
  const deadlineIdx = ALL_OUTPUT_IDS.map((id) => deadlineIndex(a, id));
  const tests = ALL_OUTPUT_IDS.map((id) => tester(OUTPUTS[id].target));
  const acc = new Summaries(n, lens, deadlineIdx, options.outputs ?? ids, ids);
  const progress = options.onProgress;
  if (progress) {
    // Users are emitted every month from their anchor: report every sixth of them.
    const o = OUT.users;
    const total = lens[o];
    simulate(a, input.families, drawColumns(input, n), n, (k, i, v) => {
      acc.month(k, i, v);
      if (k === o && i % 6 === 5) progress((i + 1) / total);
    });
    progress(1);
  } else {
    simulate(a, input.families, drawColumns(input, n), n, (o, i, v) => acc.month(o, i, v));
  }
  const { bands, cdf, atDeadline } = acc;

  const outputs = {} as Record<OutputId, OutputResult>;
  const metAtDeadline = ALL_OUTPUT_IDS.map((_, o) => {
    const flags = new Uint8Array(atDeadline[o].length);
    const test = tests[o];
    const d = atDeadline[o];
    for (let s = 0; s < d.length; s++) flags[s] = test(d[s]) ? 1 : 0;
    return flags;
  });
  for (const id of ids) {
    const o = OUT[id];
    const path = central[id];
    const target = OUTPUTS[id].target;
    const value = path[deadlineIdx[o]];
    const margin = marginOf(target, value);
    let met = 0;
    for (let s = 0; s < n; s++) met += metAtDeadline[o][s];
    // A growth rate averaged over 2021-2023 (IoT) is read at the deadline only: its early months (the first year's
    // growth alone) would "meet" a target the three-year average may still miss, so it has no crossing at all.
    // Elsewhere a path that meets the target on the figures the scenario knows (at or before its anchor, the last
    // observation) was met when the first known figure met it, as published: that month, even before the path starts
    // (a run as of 2024 starts its 2021-plan paths at the 2023 deadline). A path first meeting it on assumptions
    // (an output without data, or months the model fills before the as-of month) is dated at the as-of month: no
    // crossing is ever dated before what the scenario knows.
    const readAtDeadline = OUTPUTS[id].kind === 'rate';
    let crossing: number | null = null;
    let crossingMedian: number | null = null;
    if (!readAtDeadline) {
      // The figures are looked up only for a crossing on the observed part of the path (rare: most runs start below
      // their targets), and once per output.
      let known: Month | null | undefined;
      const date = (i: number) => {
        const m = a.start[id] + i;
        if (m > a.hold[id]) return Math.max(a.asOf, m);
        if (known === undefined) known = firstKnownMeeting(id, input.asOf, a, tests[o], options.store);
        return known ?? Math.max(a.asOf, m);
      };
      for (let i = 0; i < path.length; i++) {
        if (tests[o](path[i])) {
          crossing = date(i);
          break;
        }
      }
      for (let i = 0; i < cdf[o].length; i++) {
        if (cdf[o][i] >= 0.5) {
          crossingMedian = date(i);
          break;
        }
      }
    }
    outputs[id] = {
      id,
      start: a.start[id],
      length: lens[o],
      central: path,
      bands: bands[o],
      deadlineIndex: deadlineIdx[o],
      value,
      verdict: { met: tests[o](value), margin, marginPct: (100 * margin) / targetLevel(target) },
      pMet: met / n,
      crossing,
      crossingCdf: cdf[o],
      crossingMedian,
      deadlineSamples: atDeadline[o],
    };
  }

  const headline = PLANS[plan].headline.map((id) => metAtDeadline[OUT[id]]);
  let all = 0;
  for (let s = 0; s < n; s++) {
    let ok = 1;
    for (const h of headline) ok &= h[s];
    all += ok;
  }
  return {
    samples: n,
    seed: input.seed,
    plan,
    ids,
    deadline: a.deadline,
    horizon: a.horizon,
    outputs,
    pAllMet: all / n,
    modelVersion: MODEL_VERSION,
    dataVersion: DATA_VERSION,
  };
}

/** Lists the Float64Arrays of a result, for transfer across a worker boundary. */
export function transferables(r: RunResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const id of r.ids) {
    const o = r.outputs[id];
    out.push(
      o.central.buffer as ArrayBuffer,
      o.bands.buffer as ArrayBuffer,
      o.crossingCdf.buffer as ArrayBuffer,
      o.deadlineSamples.buffer as ArrayBuffer,
    );
  }
  return out;
}
