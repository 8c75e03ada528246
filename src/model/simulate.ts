/**
 * The model's equations (DESIGN.md, "The model"), stepped month by month over many parameter sets at once.
 * State is one Float64Array per stock with one slot per sample, so a month's update is a tight loop over samples
 * and each output's values for that month are contiguous, ready for the summaries. The central path is the same code
 * run over one sample holding the point values. The one-step recurrences themselves are in recurrences.ts, shared
 * with the calibration, which steps them along the observations.
 */
import type { Anchors } from './anchors';
import { IOT_BASE } from './anchors';
import { ALL_OUTPUT_IDS, type OutputId } from './indicators';
import type { ParamId, TrafficFamily, UsersFamily } from './registry';
import type { Month } from './months';
import { exp, log1p, pow } from './math';
import {
  bassStep,
  gompertzDecay,
  gompertzStep,
  held,
  logisticShareStep,
  logisticUsersStep,
  marketPotential,
  monthlyAdditions,
  monthlyFactor,
} from './recurrences';

/** One column of values per parameter, all of the same length (the number of samples). */
export type ParamColumns = Readonly<Record<ParamId, Float64Array>>;

/** Receives each output's values for one month; `index` counts months from the output's start. */
export type MonthSink = (output: number, index: number, values: Float64Array) => void;

/** Output positions in the sink's first argument, in ALL_OUTPUT_IDS order (the 2021 plan's outputs first). */
export const OUT: Readonly<Record<OutputId, number>> = Object.fromEntries(
  ALL_OUTPUT_IDS.map((id, i) => [id, i]),
) as Record<OutputId, number>;

/** The programme targets: output, starting-count parameter, yearly-additions parameter. */
export const PROGRAMME = [
  ['solutions', 'solutionsStart', 'solutionsPerYear'],
  ['industry_standards', 'standardsStart', 'standardsPerYear'],
  ['security_demo_centers', 'securityStart', 'securityPerYear'],
  ['regional_benchmarks', 'regionalStart', 'regionalPerYear'],
] as const;

/**
 * Simulates `n` samples from the grid start to the horizon and hands every output's monthly values to `sink`.
 * The arrays passed to the sink are reused: copy what you keep.
 */
export function simulate(
  a: Anchors,
  families: { users: UsersFamily; traffic: TrafficFamily },
  c: ParamColumns,
  n: number,
  sink: MonthSink,
): void {
  const { start } = a;
  const P = new Float64Array(n); // population
  const M = new Float64Array(n); // mobile subscriptions
  const popF = new Float64Array(n);
  const subsF = new Float64Array(n);
  const U = new Float64Array(n); // 5G users
  const S = new Float64Array(n); // traffic share, %
  const r0 = new Float64Array(n); // traffic ratio at the traffic anchor
  const E = new Float64Array(n); // large-enterprise penetration, %
  const eK = new Float64Array(n); // (1 + k)^(−1/12) of the industrial rate
  const L = new Float64Array(n); // ln(I(t) / I(2020-12))
  const iotStep = new Float64Array(n); // monthly increment of L in the current plan year
  const B = new Float64Array(n); // base stations
  const bAdd = new Float64Array(n); // monthly additions in the current year
  const V = new Float64Array(n); // industry networks
  const vF = new Float64Array(n); // monthly growth factor in the current year
  const K = new Float64Array(n); // benchmarks per industry
  const prog = PROGRAMME.map(() => new Float64Array(n));
  const out = new Float64Array(n); // scratch for derived outputs
  const trafficK = new Float64Array(n); // (1 + k)^(−1/12) of the traffic rate
  // The upgrade plan's stocks (allocated and stepped only in its runs).
  const up = a.plan === 'upgrade-2024';
  const nu = up ? n : 0;
  const C = new Float64Array(nu); // 5G IoT connections
  const cF = new Float64Array(nu); // their monthly growth factor in the current year after the anchor
  const LM = new Float64Array(nu); // large and medium industrial penetration, %
  const lmF = new Float64Array(nu); // (1 + lmK)^(−1/12)
  const EDGE = new Float64Array(nu); // edge computing nodes
  const CITY = new Float64Array(nu); // 5G scale-application cities
  // Per-sample constants of the monthly steps, computed once (the same operations, so the same bits, as computing
  // them inside the monthly loops).
  const mkShare = new Float64Array(n); // ceiling / 100
  const kStep = new Float64Array(n); // benchPerYear / 12
  const progStep = PROGRAMME.map(() => new Float64Array(n)); // perYear / 12
  for (let s = 0; s < n; s++) {
    mkShare[s] = c.ceiling[s] / 100;
    kStep[s] = c.benchPerYear[s] / 12;
  }
  for (let j = 0; j < PROGRAMME.length; j++) {
    const py = c[PROGRAMME[j][2]];
    const step = progStep[j];
    for (let s = 0; s < n; s++) step[s] = py[s] / 12;
  }
  const usersDecay = families.users === 'gompertz' ? new Float64Array(n) : null; // e^(−g)
  if (usersDecay) for (let s = 0; s < n; s++) usersDecay[s] = gompertzDecay(c.gompertzG[s]);
  for (let s = 0; s < n; s++) {
    popF[s] = monthlyFactor(c.popGrowth[s]);
    subsF[s] = monthlyFactor(c.subsGrowth[s]);
    // Logistic shares step by the exact solution over one month, x' = max / (1 + (max/x − 1)·e^(−ρ)), with
    // e^(−ρ) = (1 + k)^(−1/12): far below the ceiling a share grows by k a year, and unlike the explicit Euler step
    // it never overshoots the ceiling, so a higher start or rate never ends lower (from below the ceiling).
    eK[s] = 1 / monthlyFactor(c.industrialK[s]);
  }

  for (let s = 0; s < nu; s++) lmF[s] = 1 / monthlyFactor(c.lmK[s]);

  const usersFamily = families.users;
  const structural = families.traffic === 'structural';
  if (!structural) for (let s = 0; s < n; s++) trafficK[s] = 1 / monthlyFactor(c.trafficK[s]); // only the logistic share uses it

  // hold[id] is the anchor; it differs from start[id] only when the anchor falls after the deadline, and between the two
  // the path follows the observations (see anchors.ts).
  const hold = a.hold;
  for (let m: Month = a.gridStart; m <= a.horizon; m++) {
    // 1. Stocks step from m−1 to m, using last month's population (Mk(t) = ceiling × P(t)).
    if (m > hold.users) stepUsers(usersFamily, U, P, mkShare, usersDecay, c, n);
    if (m > hold.traffic_share && !structural) {
      for (let s = 0; s < n; s++) S[s] = logisticShareStep(S[s], c.trafficMax[s], trafficK[s]);
    }
    if (m > start.industrial_penetration) {
      for (let s = 0; s < n; s++) E[s] = logisticShareStep(E[s], c.industrialMax[s], eK[s]);
    }
    if (m > IOT_BASE) {
      const k = m - IOT_BASE;
      if ((k - 1) % 12 === 0) {
        // A new plan year: growth g·(1 − decay)^y, applied monthly.
        iotYear(iotStep, c.iotGrowth, c.iotDecay, (k - 1) / 12, n);
      }
      for (let s = 0; s < n; s++) L[s] += iotStep[s];
    }
    if (m > hold.base_stations_per_10k) {
      const k = m - hold.base_stations_per_10k;
      if ((k - 1) % 12 === 0) {
        buildYear(bAdd, c.buildAnnual, c.buildGrowth, (k - 1) / 12, n);
      }
      for (let s = 0; s < n; s++) B[s] += bAdd[s];
    }
    if (m > hold.industry_vpn) {
      const k = m - hold.industry_vpn;
      if ((k - 1) % 12 === 0) {
        vpnYear(vF, c.vpnGrowth, c.vpnDecay, (k - 1) / 12, n);
      }
      for (let s = 0; s < n; s++) {
        const grown = V[s] * vF[s];
        const capped = grown < c.vpnCeiling[s] ? grown : c.vpnCeiling[s];
        if (capped > V[s]) V[s] = capped; // a ceiling below today's count holds it: counts never fall
      }
    }
    if (m > start.benchmarks_per_industry) for (let s = 0; s < n; s++) K[s] += kStep[s];
    for (let j = 0; j < PROGRAMME.length; j++) {
      if (m > start[PROGRAMME[j][0]]) {
        const x = prog[j];
        const step = progStep[j];
        for (let s = 0; s < n; s++) x[s] += step[s];
      }
    }
    if (up) stepUpgrade(a, m, c, C, cF, LM, lmF, EDGE, CITY, n);

    // 2. Context series at m: observed (interpolated) up to their last observation, then projected.
    project(P, popF, a.population, m, n);
    project(M, subsF, a.subscriptions, m, n);

    // 3. Outputs that start this month take their anchor values.
    if (m >= start.users && m <= hold.users) U.fill(a.users.at(m));
    if (m === hold.traffic_share) initTraffic(a, m, structural, c, S, r0, n);
    if (m === start.industrial_penetration) E.set(c.industrialStart);
    if (m >= start.base_stations_per_10k && m <= hold.base_stations_per_10k) B.fill(a.stations.at(m));
    if (m >= start.industry_vpn && m <= hold.industry_vpn) {
      if (a.vpn !== null) V.fill(m === hold.industry_vpn ? (a.vpnObs as number) : a.vpn.at(m));
      else V.set(c.vpnStart);
    }
    if (m === start.benchmarks_per_industry) K.set(c.benchStart);
    for (let j = 0; j < PROGRAMME.length; j++) if (m === start[PROGRAMME[j][0]]) prog[j].set(c[PROGRAMME[j][1]]);
    if (up) {
      if (m >= start.iot_connections && m <= hold.iot_connections) {
        if (a.iotConn !== null) C.fill(a.iotConn.at(m));
        else C.set(c.iotConnStart);
      }
      if (m === start.industrial_penetration_lm) LM.set(c.lmStart);
      if (m === start.edge_nodes) EDGE.set(c.edgeStart);
      if (m === start.scale_cities) CITY.set(c.citiesStart);
    }

    // 4. Emit this month's values.
    if (m >= start.users) {
      for (let s = 0; s < n; s++) out[s] = (100 * U[s]) / P[s];
      sink(OUT.user_penetration, m - start.user_penetration, out);
      sink(OUT.users, m - start.users, U);
    }
    if (m >= start.traffic_share) {
      if (m < hold.traffic_share) S.fill(a.traffic!.at(m));
      else if (structural) {
        const k = m - hold.traffic_share;
        const observedUsers = m < start.users ? a.users.at(m) : -1;
        for (let s = 0; s < n; s++) {
          const users = observedUsers >= 0 ? observedUsers : U[s];
          const u = Math.min(1, users / M[s]);
          let r = r0[s] + (c.ratioDrift[s] * k) / 12;
          if (r < 0) r = 0;
          const den = u * r + 1 - u;
          const x = den > 0 ? (100 * u * r) / den : 100;
          S[s] = x > 100 ? 100 : x; // rounding can give 100.00000000000001 when every subscription is 5G
        }
      }
      sink(OUT.traffic_share, m - start.traffic_share, S);
    }
    if (m >= start.industrial_penetration) sink(OUT.industrial_penetration, m - start.industrial_penetration, E);
    if (m >= start.iot_growth) {
      iotGrowthOut(out, L, m - IOT_BASE, n);
      sink(OUT.iot_growth, m - start.iot_growth, out);
    }
    if (m >= start.base_stations_per_10k) {
      for (let s = 0; s < n; s++) out[s] = (1e4 * B[s]) / P[s];
      sink(OUT.base_stations_per_10k, m - start.base_stations_per_10k, out);
    }
    if (m >= start.industry_vpn) sink(OUT.industry_vpn, m - start.industry_vpn, V);
    if (m >= start.benchmarks_per_industry) sink(OUT.benchmarks_per_industry, m - start.benchmarks_per_industry, K);
    for (let j = 0; j < PROGRAMME.length; j++) {
      const id = PROGRAMME[j][0];
      if (m >= start[id]) sink(OUT[id], m - start[id], prog[j]);
    }
    if (up) {
      // Shared stocks under the upgrade plan's targets; each starts no earlier than its 2021 twin, so the stock is current.
      if (m >= start.personal_user_penetration) {
        for (let s = 0; s < n; s++) out[s] = ((100 * U[s]) / P[s]) * (1 - c.personalGap[s] / 100);
        sink(OUT.personal_user_penetration, m - start.personal_user_penetration, out);
      }
      if (m >= start.traffic_share_2027) sink(OUT.traffic_share_2027, m - start.traffic_share_2027, S);
      if (m >= start.base_stations_per_10k_2027) {
        for (let s = 0; s < n; s++) out[s] = (1e4 * B[s]) / P[s];
        sink(OUT.base_stations_per_10k_2027, m - start.base_stations_per_10k_2027, out);
      }
      if (m >= start.industry_vpn_2027) sink(OUT.industry_vpn_2027, m - start.industry_vpn_2027, V);
      if (m >= start.iot_connections) sink(OUT.iot_connections, m - start.iot_connections, C);
      if (m >= start.industrial_penetration_lm)
        sink(OUT.industrial_penetration_lm, m - start.industrial_penetration_lm, LM);
      if (m >= start.edge_nodes) sink(OUT.edge_nodes, m - start.edge_nodes, EDGE);
      if (m >= start.scale_cities) sink(OUT.scale_cities, m - start.scale_cities, CITY);
    }
  }
}

/**
 * The upgrade plan's outputs (plans.ts; targets at 2027-12), stepped only in its runs so that a 2021 run does exactly
 * the work, and gives exactly the bits, it always did:
 * - `personal_user_penetration = 100·U·(1 − personalGap/100)/P`: the 5G phone users of the users model (the only
 *   series) over population is a proxy of personal users; the gap between them is an assumption.
 * - `traffic_share_2027`, `base_stations_per_10k_2027`, `industry_vpn_2027`: the 2021 equations of S, 1e4·B/P and V,
 *   read against the upgrade plan's targets at its deadline.
 * - `iot_connections` `C(t)`: from the last official 5G IoT connections figure known at as-of (or `iotConnStart` at
 *   as-of where none is known), compound growth `iotConnGrowth` per year in the first year after the anchor,
 *   multiplied by `(1 − iotConnDecay)` each following year, applied monthly: in year y after the anchor,
 *   `C(t+1) = C(t)·(1 + g·(1 − d)^y)^(1/12)`. A count: it never falls.
 * - `industrial_penetration_lm` `L(t)`: logistic on the share, start `lmStart` at as-of (an assumption: no official
 *   series), annual rate `lmK`, ceiling `lmMax`, stepped by the exact monthly solution as `E(t)`.
 * - `edge_nodes`, `scale_cities`: linear counts, start at as-of plus `perYear/12` a month.
 */
/** Steps the upgrade plan's own stocks from m−1 to m (the equations above). */
function stepUpgrade(
  a: Anchors,
  m: Month,
  c: ParamColumns,
  C: Float64Array,
  cF: Float64Array,
  LM: Float64Array,
  lmF: Float64Array,
  EDGE: Float64Array,
  CITY: Float64Array,
  n: number,
): void {
  const h = a.hold.iot_connections;
  if (m > h) {
    const k = m - h;
    if ((k - 1) % 12 === 0) vpnYear(cF, c.iotConnGrowth, c.iotConnDecay, (k - 1) / 12, n);
    for (let s = 0; s < n; s++) C[s] = held(C[s], C[s] * cF[s]);
  }
  if (m > a.start.industrial_penetration_lm) {
    for (let s = 0; s < n; s++) LM[s] = logisticShareStep(LM[s], c.lmMax[s], lmF[s]);
  }
  if (m > a.start.edge_nodes) for (let s = 0; s < n; s++) EDGE[s] += c.edgePerYear[s] / 12;
  if (m > a.start.scale_cities) for (let s = 0; s < n; s++) CITY[s] += c.citiesPerYear[s] / 12;
}

// The loops that call the deterministic exp, log and pow (math.ts) are small functions of their own: inside the large
// simulate() the compiler's inlining budget runs out and every call would go through a call and a boxed result.

/** Monthly increment of ln I in plan year y: ln(1 + g·(1 − decay)^y) / 12. */
function iotYear(step: Float64Array, growth: Float64Array, decay: Float64Array, y: number, n: number): void {
  for (let s = 0; s < n; s++) {
    const g = (growth[s] / 100) * pow(1 - decay[s] / 100, y);
    step[s] = log1p(g) / 12;
  }
}

/** Monthly base-station additions in year y: annual · (1 + growth)^y / 12. */
function buildYear(add: Float64Array, annual: Float64Array, growth: Float64Array, y: number, n: number): void {
  for (let s = 0; s < n; s++) add[s] = monthlyAdditions(annual[s], growth[s], y);
}

/** Monthly growth factor of industry networks in year y: the monthly factor of growth · (1 − decay)^y. */
function vpnYear(f: Float64Array, growth: Float64Array, decay: Float64Array, y: number, n: number): void {
  for (let s = 0; s < n; s++) f[s] = monthlyFactor(growth[s] * pow(1 - decay[s] / 100, y));
}

/** IoT terminal growth as an average annual rate over the k months since the base year: 100 · (e^(12·L/k) − 1). */
function iotGrowthOut(out: Float64Array, L: Float64Array, k: number, n: number): void {
  for (let s = 0; s < n; s++) out[s] = 100 * (exp((12 * L[s]) / k) - 1);
}

/**
 * Steps 5G users one month under the chosen family; a step that would lower them holds them instead. `mkShare` is
 * ceiling / 100 and `decay` is e^(−g) (Gompertz only), per sample.
 */
function stepUsers(
  family: UsersFamily,
  U: Float64Array,
  P: Float64Array,
  mkShare: Float64Array,
  decay: Float64Array | null,
  c: ParamColumns,
  n: number,
): void {
  switch (family) {
    case 'bass': {
      const p = c.bassP;
      const q = c.bassQ;
      for (let s = 0; s < n; s++) U[s] = held(U[s], bassStep(U[s], marketPotential(mkShare[s], P[s]), p[s], q[s]));
      return;
    }
    case 'logistic': {
      const r = c.logisticR;
      for (let s = 0; s < n; s++) U[s] = held(U[s], logisticUsersStep(U[s], marketPotential(mkShare[s], P[s]), r[s]));
      return;
    }
    case 'gompertz': {
      const g = decay!;
      for (let s = 0; s < n; s++) U[s] = held(U[s], gompertzStep(U[s], marketPotential(mkShare[s], P[s]), g[s]));
      return;
    }
    default:
      family satisfies never;
  }
}

/** Sets a context series to its observed value at m, or compounds it by each sample's monthly factor after its last observation. */
function project(x: Float64Array, f: Float64Array, series: Anchors['population'], m: Month, n: number): void {
  if (m <= series.last) {
    x.fill(series.at(m));
    return;
  }
  for (let s = 0; s < n; s++) x[s] *= f[s];
}

/** Starts the traffic share at its anchor: from the observation where there is one, else from the assumed start. */
function initTraffic(
  a: Anchors,
  m: Month,
  structural: boolean,
  c: ParamColumns,
  S: Float64Array,
  r0: Float64Array,
  n: number,
): void {
  if (structural) {
    if (a.trafficObs === null) {
      r0.set(c.ratioStart);
      return;
    }
    // r that reproduces the anchor observation: S = 100·u·r / (u·r + 1 − u)  ⇒  r = S·(1 − u) / (u·(100 − S)).
    const u = Math.min(1, a.users.at(m) / a.subscriptions.at(m));
    const s0 = a.trafficObs;
    r0.fill((s0 * (1 - u)) / (u * (100 - s0)));
    return;
  }
  if (a.trafficObs === null) S.set(c.trafficStart);
  else S.fill(a.trafficObs);
  for (let s = 0; s < n; s++) if (S[s] > 100) S[s] = 100;
}
