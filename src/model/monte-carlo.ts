/**
 * Monte Carlo over a scenario: the central path, quantile bands per month, verdicts, P(met), first-crossing months
 * and their distribution, and the joint probability that every headline target is met.
 */
import { resolveAnchors, type Anchors } from './anchors';
import { OUTPUT_IDS, OUTPUTS, INDICATOR_IDS, marginOf, targetLevel, type OutputId, type Target } from './indicators';
import { PARAM_IDS, PARAMS, type ParamId } from './registry';
import { sampleParam } from './random';
import { simulate, OUT, type ParamColumns } from './simulate';
import { QUANTILES, type ModelInput, type OutputResult, type RunResult } from './types';
import { MODEL_VERSION, DATA_VERSION } from './version';
import { createQuantiler } from './quantiles';

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
export function runCentral(input: ModelInput, anchors: Anchors = resolveAnchors(input.asOf, input.horizon)): Record<OutputId, Float64Array> {
  const paths = {} as Record<OutputId, Float64Array>;
  for (const id of OUTPUT_IDS) paths[id] = new Float64Array(anchors.horizon - anchors.start[id] + 1);
  simulate(anchors, input.families, pointColumns(input), 1, (o, i, v) => {
    paths[OUTPUT_IDS[o]][i] = v[0];
  });
  return paths;
}

/** Runs the whole Monte Carlo of a (validated) scenario. */
export function runModel(input: ModelInput, samples: number = input.samples): RunResult {
  const a = resolveAnchors(input.asOf, input.horizon);
  const n = samples;
  const central = runCentral(input, a);

  const lens = OUTPUT_IDS.map((id) => a.horizon - a.start[id] + 1);
  const deadlineIdx = OUTPUT_IDS.map((id) => a.deadline - a.start[id]);
  const bands = lens.map((len) => new Float64Array(QS.length * len));
  const firstCross = OUTPUT_IDS.map(() => new Int32Array(n).fill(-1));
  const crossed = OUTPUT_IDS.map(() => 0);
  const cdf = lens.map((len) => new Float64Array(len));
  const atDeadline = OUTPUT_IDS.map(() => new Float64Array(n));
  const tests = OUTPUT_IDS.map((id) => tester(OUTPUTS[id].target));
  const quantiles = createQuantiler(n, QS);
  const bounds = OUTPUT_IDS.map((id) => thresholds(OUTPUTS[id].target));

  simulate(a, input.families, drawColumns(input, n), n, (o, i, v) => {
    const len = lens[o];
    const band = bands[o];
    // Bands: all seven quantiles from one multi-select (quantiles.ts), skipped where every sample agrees.
    let lo = v[0];
    let hi = v[0];
    for (let s = 1; s < n; s++) {
      const x = v[s];
      if (x < lo) lo = x;
      else if (x > hi) hi = x;
    }
    if (lo === hi) for (let q = 0; q < QS.length; q++) band[q * len + i] = lo;
    else quantiles(v, band, i, len);
    // First crossings: each sample's first month meeting the target (inlined comparisons: this is the hot loop).
    const fc = firstCross[o];
    const [tlo, thi, strict] = bounds[o];
    let c = crossed[o];
    for (let s = 0; s < n; s++) {
      const x = v[s];
      if (fc[s] < 0 && (strict ? x > tlo : x >= tlo) && x <= thi) {
        fc[s] = i;
        c++;
      }
    }
    crossed[o] = c;
    cdf[o][i] = c / n;
    if (i === deadlineIdx[o]) atDeadline[o].set(v);
  });

  const outputs = {} as Record<OutputId, OutputResult>;
  const metAtDeadline = OUTPUT_IDS.map((_, o) => {
    const flags = new Uint8Array(n);
    const test = tests[o];
    const d = atDeadline[o];
    for (let s = 0; s < n; s++) flags[s] = test(d[s]) ? 1 : 0;
    return flags;
  });
  OUTPUT_IDS.forEach((id, o) => {
    const path = central[id];
    const target = OUTPUTS[id].target;
    const value = path[deadlineIdx[o]];
    const margin = marginOf(target, value);
    let met = 0;
    for (let s = 0; s < n; s++) met += metAtDeadline[o][s];
    let crossing: number | null = null;
    for (let i = 0; i < path.length; i++) {
      if (tests[o](path[i])) {
        crossing = a.start[id] + i;
        break;
      }
    }
    let crossingMedian: number | null = null;
    for (let i = 0; i < cdf[o].length; i++) {
      if (cdf[o][i] >= 0.5) {
        crossingMedian = a.start[id] + i;
        break;
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
  });

  const headline = INDICATOR_IDS.map((id) => metAtDeadline[OUT[id]]);
  let all = 0;
  for (let s = 0; s < n; s++) {
    let ok = 1;
    for (const h of headline) ok &= h[s];
    all += ok;
  }
  return {
    samples: n,
    seed: input.seed,
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
  for (const id of OUTPUT_IDS) {
    const o = r.outputs[id];
    out.push(o.central.buffer as ArrayBuffer, o.bands.buffer as ArrayBuffer, o.crossingCdf.buffer as ArrayBuffer, o.deadlineSamples.buffer as ArrayBuffer);
  }
  return out;
}
