/**
 * The peer in the model benchmark: Squiggle (@quri/squiggle-lang) doing the model's work on sample sets of the same
 * size: every output of a scenario (5G users and penetration, the structural traffic share, industrial penetration,
 * IoT growth, base stations per 10,000, industry networks, benchmarks and the four programme counts), month by month
 * from the anchor to the horizon, with the seven quantiles (p5 … p95) of every output in every month, as runModel
 * gives. Squiggle's arithmetic on sample-set distributions is element-wise, so each line is the model's recurrence
 * over the same number of samples (DESIGN.md's equations; every path starts at the users' anchor month).
 */
import { run } from '@quri/squiggle-lang';
import type { Scenario } from '../src/scenario/schema';
import type { Dist } from '../src/model';
import type { Anchors } from '../src/model/anchors';

function sq(d: Dist, point: number): string {
  switch (d.kind) {
    case 'fixed':
      return `(${point})`;
    case 'uniform':
      return `uniform(${d.min}, ${d.max})`;
    case 'triangular':
      return `triangular(${d.min}, ${d.mode}, ${d.max})`;
    case 'normal':
      return `normal(${d.mean}, ${d.sd})`;
    case 'lognormal':
      return `lognormal(${Math.log(d.median)}, ${d.sigma})`;
  }
}

/** The outputs the peer computes, in the order of its quantile lists. */
export const PEER_OUTPUTS = [
  'users',
  'user_penetration',
  'traffic_share',
  'industrial_penetration',
  'iot_growth',
  'base_stations_per_10k',
  'industry_vpn',
  'benchmarks_per_industry',
  'solutions',
  'industry_standards',
  'security_demo_centers',
  'regional_benchmarks',
] as const;

/** Returns the Squiggle program: `months` monthly steps from the anchors, with every output's quantiles each month. */
export function peerProgram(s: Scenario, a: Anchors, months: number): string {
  const p = s.params;
  const d = (id: keyof typeof p) => sq(p[id].dist, p[id].value);
  const m0 = a.start.users;
  const u0 = a.users.at(m0);
  const pop0 = a.population.at(m0);
  const subs0 = a.subscriptions.at(m0);
  const s0 = a.trafficObs ?? p.trafficStart.value;
  const share0 = Math.min(1, u0 / subs0);
  const r0 = (s0 * (1 - share0)) / (share0 * (100 - s0));
  const iotMonths0 = m0 - (a.start.iot_growth - 1); // months of IoT growth already behind at the anchor
  return `
popG = ${d('popGrowth')}
subsG = ${d('subsGrowth')}
ceil = ${d('ceiling')}
bp = ${d('bassP')}
bq = ${d('bassQ')}
drift = ${d('ratioDrift')}
e0 = ${d('industrialStart')}
ek = ${d('industrialK')}
emax = ${d('industrialMax')}
ig = ${d('iotGrowth')}
idc = ${d('iotDecay')}
ba = ${d('buildAnnual')}
bg = ${d('buildGrowth')}
vg = ${d('vpnGrowth')}
vd = ${d('vpnDecay')}
k0 = ${d('benchStart')}
kp = ${d('benchPerYear')}
sp = ${d('solutionsPerYear')}
stp = ${d('standardsPerYear')}
scp = ${d('securityPerYear')}
rp = ${d('regionalPerYear')}
popF = (1 + popG / 100) ^ (1 / 12)
subsF = (1 + subsG / 100) ^ (1 / 12)
eF = (1 + ek / 100) ^ (-1 / 12)
qs(x) = [quantile(x, 0.05), quantile(x, 0.1), quantile(x, 0.25), quantile(x, 0.5), quantile(x, 0.75), quantile(x, 0.9), quantile(x, 0.95)]
step(st, i) = {
  y = floor((i - 1) / 12)
  pop = st.pop * popF
  subs = st.subs * subsF
  mk = ceil / 100 * st.pop
  u = st.u + (bp + bq * st.u / mk) * (mk - st.u)
  share = u / subs
  r = ${r0} + drift * i / 12
  traffic = 100 * share * r / (share * r + 1 - share)
  e = emax / (1 + (emax / st.e - 1) * eF)
  iy = floor((i + ${iotMonths0} - 1) / 12)
  li = st.li + log(1 + ig / 100 * (1 - idc / 100) ^ iy) / 12
  iot = 100 * (exp(12 * li / (i + ${iotMonths0})) - 1)
  b = st.b + ba * (1 + bg / 100) ^ y / 12
  v = st.v * (1 + vg / 100 * (1 - vd / 100) ^ y) ^ (1 / 12)
  k = k0 + kp * i / 12
  out = [qs(u), qs(100 * u / pop), qs(traffic), qs(e), qs(iot), qs(10000 * b / pop), qs(v), qs(k), qs(sp * i / 12), qs(stp * i / 12), qs(scp * i / 12), qs(rp * i / 12)]
  {pop: pop, subs: subs, u: u, e: e, li: li, b: b, v: v, qs: List.concat(st.qs, [out])}
}
final = List.reduce(List.upTo(1, ${months}), {pop: ${pop0} + popG * 0, subs: ${subs0} + subsG * 0, u: ${u0} + bp * 0, e: e0, li: ${(iotMonths0 * Math.log(1 + p.iotGrowth.value / 100)) / 12} + ig * 0, b: ${a.stations.at(m0)} + ba * 0, v: ${a.vpnObs ?? p.vpnStart.value} + vg * 0, qs: []}, step)
final.qs
`;
}

/** Runs the Squiggle peer once: every output's seven quantiles in every month to the horizon. */
export async function runSquigglePeer(
  s: Scenario,
  a: Anchors,
  samples: number,
): Promise<{ ms: number; months: number; quantiles: number; answer: string }> {
  const months = a.horizon - a.start.users;
  const code = peerProgram(s, a, months);
  const t0 = performance.now();
  const r = await run(code, { environment: { sampleCount: samples, xyPointLength: 100, seed: String(s.seed) } });
  const ms = performance.now() - t0;
  if (!r.result.ok) throw new Error(`Squiggle failed: ${r.result.value.toString()}`);
  const answer = r.result.value.result.toString();
  return { ms, months, quantiles: months * PEER_OUTPUTS.length * 7, answer };
}
