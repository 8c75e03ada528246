/**
 * A naive implementation of the same model, for the benchmark's comparison only: one sample at a time through every
 * month (sample-outer loops), Math.pow / Math.exp / Math.log recomputed per cell for every rate, every path stored
 * whole, and each month's quantiles from a full sort of a fresh Float64Array copy. It follows the equations of
 * src/model/simulate.ts step by step, so its central path agrees with the real one to rounding (the real model uses
 * the deterministic functions of src/model/math.ts, this one the engine's Math.*).
 */
import { resolveAnchors, IOT_BASE, type Anchors } from '../src/model/anchors';
import { OUTPUT_IDS, OUTPUTS, INDICATOR_IDS, meets } from '../src/model/indicators';
import { drawColumns, pointColumns } from '../src/model/monte-carlo';
import { PROGRAMME, type ParamColumns } from '../src/model/simulate';
import { QUANTILES, type ModelInput } from '../src/model/types';

export interface NaiveResult {
  /** Per output: every sample's path, sample-major (`paths[o][s * len + i]`). */
  paths: Float64Array[];
  central?: Float64Array[];
  bands: Float64Array[];
  pMet: number[];
  crossingCdf: Float64Array[];
  pAllMet: number;
}

/** Simulates one sample's paths into `paths[o]` at row `s` (each output from its own start month). */
function simulateOne(
  a: Anchors,
  families: ModelInput['families'],
  c: ParamColumns,
  s: number,
  paths: Float64Array[],
  lens: number[],
): void {
  const start = a.start;
  const structural = families.traffic === 'structural';
  const v = (id: keyof ParamColumns) => c[id][s];
  let P = 0;
  let M = 0;
  let U = 0;
  let S = 0;
  let r0 = 0;
  let E = 0;
  let L = 0;
  let B = 0;
  let V = 0;
  let K = 0;
  const prog = [0, 0, 0, 0];
  const put = (o: number, i: number, x: number) => {
    paths[o][s * lens[o] + i] = x;
  };
  for (let m = a.gridStart; m <= a.horizon; m++) {
    if (m > start.users) {
      const mk = (v('ceiling') / 100) * P;
      let next: number;
      if (families.users === 'bass') next = U + (v('bassP') + (v('bassQ') * U) / mk) * (mk - U);
      else if (families.users === 'logistic') next = U + v('logisticR') * U * (1 - U / mk);
      else next = mk * Math.exp(Math.log(U / mk) * Math.exp(-v('gompertzG')));
      if (next > U) U = next;
    }
    if (m > start.traffic_share && !structural) {
      const decay = 1 / Math.pow(1 + v('trafficK') / 100, 1 / 12);
      S = Math.min(100, Math.max(0, v('trafficMax') / (1 + (v('trafficMax') / S - 1) * decay)));
    }
    if (m > start.industrial_penetration) {
      const decay = 1 / Math.pow(1 + v('industrialK') / 100, 1 / 12);
      E = Math.min(100, Math.max(0, v('industrialMax') / (1 + (v('industrialMax') / E - 1) * decay)));
    }
    if (m > IOT_BASE) {
      const y = Math.floor((m - IOT_BASE - 1) / 12);
      const g = (v('iotGrowth') / 100) * Math.pow(1 - v('iotDecay') / 100, y);
      L += Math.log1p(g) / 12;
    }
    if (m > start.base_stations_per_10k) {
      const y = Math.floor((m - start.base_stations_per_10k - 1) / 12);
      B += (v('buildAnnual') * Math.pow(1 + v('buildGrowth') / 100, y)) / 12;
    }
    if (m > start.industry_vpn) {
      const y = Math.floor((m - start.industry_vpn - 1) / 12);
      const f = Math.pow(1 + (v('vpnGrowth') * Math.pow(1 - v('vpnDecay') / 100, y)) / 100, 1 / 12);
      const capped = Math.min(V * f, v('vpnCeiling'));
      if (capped > V) V = capped;
    }
    if (m > start.benchmarks_per_industry) K += v('benchPerYear') / 12;
    for (let j = 0; j < PROGRAMME.length; j++) if (m > start[PROGRAMME[j][0]]) prog[j] += v(PROGRAMME[j][2]) / 12;

    P = m <= a.population.last ? a.population.at(m) : P * Math.pow(1 + v('popGrowth') / 100, 1 / 12);
    M = m <= a.subscriptions.last ? a.subscriptions.at(m) : M * Math.pow(1 + v('subsGrowth') / 100, 1 / 12);

    if (m === start.users) U = a.users.at(m);
    if (m === start.traffic_share) {
      if (structural) {
        if (a.trafficObs === null) r0 = v('ratioStart');
        else {
          const u = Math.min(1, a.users.at(m) / a.subscriptions.at(m));
          r0 = (a.trafficObs * (1 - u)) / (u * (100 - a.trafficObs));
        }
      } else S = Math.min(100, a.trafficObs === null ? v('trafficStart') : a.trafficObs);
    }
    if (m === start.industrial_penetration) E = v('industrialStart');
    if (m === start.base_stations_per_10k) B = a.stations.at(m);
    if (m === start.industry_vpn) V = a.vpnObs !== null ? a.vpnObs : v('vpnStart');
    if (m === start.benchmarks_per_industry) K = v('benchStart');
    for (let j = 0; j < PROGRAMME.length; j++) if (m === start[PROGRAMME[j][0]]) prog[j] = v(PROGRAMME[j][1]);

    const o = (id: (typeof OUTPUT_IDS)[number]) => OUTPUT_IDS.indexOf(id);
    if (m >= start.users) {
      put(o('user_penetration'), m - start.user_penetration, (100 * U) / P);
      put(o('users'), m - start.users, U);
    }
    if (m >= start.traffic_share) {
      if (structural) {
        const users = m < start.users ? a.users.at(m) : U;
        const u = Math.min(1, users / M);
        const r = Math.max(0, r0 + (v('ratioDrift') * (m - start.traffic_share)) / 12);
        const den = u * r + 1 - u;
        S = Math.min(100, den > 0 ? (100 * u * r) / den : 100);
      }
      put(o('traffic_share'), m - start.traffic_share, S);
    }
    if (m >= start.industrial_penetration) put(o('industrial_penetration'), m - start.industrial_penetration, E);
    if (m >= start.iot_growth)
      put(o('iot_growth'), m - start.iot_growth, 100 * (Math.exp((12 * L) / (m - IOT_BASE)) - 1));
    if (m >= start.base_stations_per_10k)
      put(o('base_stations_per_10k'), m - start.base_stations_per_10k, (1e4 * B) / P);
    if (m >= start.industry_vpn) put(o('industry_vpn'), m - start.industry_vpn, V);
    if (m >= start.benchmarks_per_industry) put(o('benchmarks_per_industry'), m - start.benchmarks_per_industry, K);
    for (let j = 0; j < PROGRAMME.length; j++) {
      const id = PROGRAMME[j][0];
      if (m >= start[id]) put(o(id), m - start[id], prog[j]);
    }
  }
}

/** Runs the central path alone, naively: one Float64Array per output. */
export function naiveCentral(input: ModelInput): Float64Array[] {
  const a = resolveAnchors(input.asOf, input.horizon);
  const lens = OUTPUT_IDS.map((id) => a.horizon - a.start[id] + 1);
  const paths = lens.map((len) => new Float64Array(len));
  simulateOne(a, input.families, pointColumns(input), 0, paths, lens);
  return paths;
}

/** Runs the whole Monte Carlo naively: per-sample simulation, then per month a sorted copy for the quantiles. */
export function naiveRun(input: ModelInput, n: number): NaiveResult {
  const a = resolveAnchors(input.asOf, input.horizon);
  const lens = OUTPUT_IDS.map((id) => a.horizon - a.start[id] + 1);
  const cols = drawColumns(input, n);
  const paths = lens.map((len) => new Float64Array(len * n));
  for (let s = 0; s < n; s++) simulateOne(a, input.families, cols, s, paths, lens);

  const bands: Float64Array[] = [];
  const crossingCdf: Float64Array[] = [];
  const pMet: number[] = [];
  const metFlags: Uint8Array[] = [];
  OUTPUT_IDS.forEach((id, o) => {
    const len = lens[o];
    const target = OUTPUTS[id].target;
    const band = new Float64Array(QUANTILES.length * len);
    const cdf = new Float64Array(len);
    const col = new Float64Array(n);
    for (let i = 0; i < len; i++) {
      for (let s = 0; s < n; s++) col[s] = paths[o][s * len + i];
      const sorted = Float64Array.from(col).sort();
      QUANTILES.forEach((p, q) => {
        const h = (n - 1) * p;
        const lo = Math.floor(h);
        band[q * len + i] = lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
      });
    }
    // First crossing of each sample, then its distribution.
    for (let s = 0; s < n; s++) {
      for (let i = 0; i < len; i++) {
        if (meets(target, paths[o][s * len + i])) {
          for (let j = i; j < len; j++) cdf[j] += 1 / n;
          break;
        }
      }
    }
    const d = a.deadline - a.start[id];
    const flags = new Uint8Array(n);
    let met = 0;
    for (let s = 0; s < n; s++) met += flags[s] = meets(target, paths[o][s * len + d]) ? 1 : 0;
    metFlags.push(flags);
    bands.push(band);
    crossingCdf.push(cdf);
    pMet.push(met / n);
  });
  let all = 0;
  for (let s = 0; s < n; s++) all += INDICATOR_IDS.every((id) => metFlags[OUTPUT_IDS.indexOf(id)][s] === 1) ? 1 : 0;
  return { paths, bands, pMet, crossingCdf, pAllMet: all / n };
}
