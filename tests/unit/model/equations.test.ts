/**
 * The model's equations, re-implemented from the design's contract as plainly as possible (one scalar loop per
 * stock, observations looked up directly in the data) and compared with the model's central path. This file does
 * not import the model's internals: only the data, the public run functions and the scenario schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vintageRows } from '../../../src/data/vintage';
import { runCentral, runModel } from '../../../src/model/monte-carlo';
import { resolveAnchors } from '../../../src/model/anchors';
import { OUTPUT_IDS, type OutputId } from '../../../src/model/indicators';
import { PARAMS, PARAM_IDS, type ParamId, type TrafficFamily, type UsersFamily } from '../../../src/model/registry';
import { parseScenario, type Scenario } from '../../../src/scenario/schema';
import { PRESETS } from '../../../src/scenario/presets';

// ---------------------------------------------------------------------------------------------------------------
// Months: an integer count, year·12 + (month − 1), each standing for the month's last day.

const ym = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const ymText = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** The last month whose month-end is at or before an ISO date. */
function monthOfAsOf(asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  const mo = Number(asOf.slice(5, 7));
  const d = Number(asOf.slice(8, 10));
  return d >= daysIn(y, mo) ? ym(asOf) : ym(asOf) - 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Observations known at the as-of date.

interface Point {
  m: number;
  v: number;
}
/** The observations of a series in the real-time vintage of `asOf` (the data layer: what was published by then). */
function known(series: string, asOf: string): Point[] {
  return toPoints(vintageRows(asOf).filter((o) => o.series === series));
}
/**
 * 5G users known at `asOf`: handset connections until the first 5G phone-user figure is known; after it, phone users,
 * and the connections before it times the ratio at the overlap (phone users over the unpublished connections of that
 * month, taken at the log-midpoint between the last connections figure and that figure carried forward at its growth).
 */
function knownUsers(asOf: string): Point[] {
  const rows = vintageRows(asOf);
  const conns = rows.filter((o) => o.series === 'g5_handset_connections').sort((a, b) => (a.date < b.date ? -1 : 1));
  const phones = rows.filter((o) => o.series === 'g5_phone_users').sort((a, b) => (a.date < b.date ? -1 : 1));
  if (phones.length === 0) return toPoints(conns);
  const before = conns.filter((o) => o.date < phones[0].date);
  const [c1, c2] = before.slice(-2);
  const carried =
    c2.value * Math.pow(c2.value / c1.value, (ym(phones[0].date) - ym(c2.date)) / (ym(c2.date) - ym(c1.date)));
  const ratio = Math.sqrt((phones[0].value / carried) * (phones[0].value / c2.value));
  return toPoints([...before.map((o) => ({ date: o.date, value: o.value * ratio })), ...phones]);
}
function toPoints(rows: readonly { date: string; value: number }[]): Point[] {
  const pts = rows.map((o) => ({ m: ym(o.date), v: o.value, date: o.date })).sort((a, b) => (a.date < b.date ? -1 : 1));
  const out: Point[] = [];
  for (const p of pts) {
    if (out.length && out[out.length - 1].m === p.m) out[out.length - 1] = { m: p.m, v: p.v };
    else out.push({ m: p.m, v: p.v });
  }
  return out;
}
/** An observed value at a month up to the last observation: exact where there is one, else log-linear between neighbours. */
function observedAt(pts: Point[], m: number): number {
  const exact = pts.find((p) => p.m === m);
  if (exact) return exact.v;
  if (m < pts[0].m) return pts[0].v;
  const j = pts.findIndex((p) => p.m > m);
  const a = pts[j - 1];
  const b = pts[j];
  return a.v * Math.pow(b.v / a.v, (m - a.m) / (b.m - a.m));
}
const last = (pts: Point[]) => pts[pts.length - 1];

// ---------------------------------------------------------------------------------------------------------------
// The reference model.

interface Reference {
  start: Record<OutputId, number>;
  paths: Record<OutputId, number[]>;
  /** The traffic ratio r at the traffic anchor (structural family). */
  r0: number;
  population: (m: number) => number;
}

function reference(s: Scenario): Reference {
  const v = (id: ParamId) => s.params[id].value;
  /** Rates given per year (in percent) are applied monthly as (1 + rate)^(1/12) − 1. */
  const monthly = (pctPerYear: number) => Math.pow(1 + pctPerYear / 100, 1 / 12) - 1;
  const asOfM = monthOfAsOf(s.asOf);
  const H = ym(s.horizon);

  // Context: observed up to the last observation, then compounded monthly.
  const context = (series: string, growth: number) => {
    const pts = known(series, s.asOf);
    const lp = last(pts);
    const rate = monthly(growth);
    const projected: number[] = [lp.v];
    for (let k = 1; k <= H - lp.m + 1; k++) projected.push(projected[k - 1] * (1 + rate));
    return (m: number) => (m <= lp.m ? observedAt(pts, m) : projected[m - lp.m]);
  };
  const P = context('population', v('popGrowth'));
  const Msub = context('mobile_users', v('subsGrowth'));

  const start = {} as Record<OutputId, number>;
  const paths = {} as Record<OutputId, number[]>;

  // 5G users.
  const userObs = knownUsers(s.asOf);
  const uStart = last(userObs).m;
  const U: number[] = [last(userObs).v];
  for (let m = uStart + 1; m <= H; m++) {
    const u = U[U.length - 1];
    const Mk = (v('ceiling') / 100) * P(m - 1);
    let next: number;
    if (s.families.users === 'bass') next = u + (v('bassP') + (v('bassQ') * u) / Mk) * (Mk - u);
    else if (s.families.users === 'logistic') next = u + v('logisticR') * u * (1 - u / Mk);
    else next = Mk * Math.exp(Math.log(u / Mk) * Math.exp(-v('gompertzG')));
    U.push(Math.max(u, next)); // a count never falls
  }
  start.users = start.user_penetration = uStart;
  paths.users = U;
  paths.user_penetration = U.map((u, i) => (100 * u) / P(uStart + i));
  const usersAt = (m: number) => (m <= uStart ? observedAt(userObs, m) : U[m - uStart]);

  // Traffic share.
  const trafficObs = known('g5_traffic_share', s.asOf);
  const tStart = trafficObs.length ? last(trafficObs).m : asOfM;
  start.traffic_share = tStart;
  let r0 = NaN;
  const S: number[] = [];
  if (s.families.traffic === 'structural') {
    if (trafficObs.length) {
      const S0 = last(trafficObs).v;
      const u0 = Math.min(1, usersAt(tStart) / Msub(tStart));
      r0 = (S0 * (1 - u0)) / (u0 * (100 - S0)); // solves S0 = 100·u0·r/(u0·r + 1 − u0)
    } else r0 = v('ratioStart');
    for (let m = tStart; m <= H; m++) {
      const u = Math.min(1, usersAt(m) / Msub(m));
      const r = Math.max(0, r0 + (v('ratioDrift') * (m - tStart)) / 12);
      const den = u * r + 1 - u;
      S.push(den > 0 ? (100 * u * r) / den : 100);
    }
  } else {
    const k = monthly(v('trafficK'));
    let x = Math.min(100, trafficObs.length ? last(trafficObs).v : v('trafficStart'));
    S.push(x);
    for (let m = tStart + 1; m <= H; m++) {
      // The exact logistic solution over one month at continuous rate ln(1 + k_month).
      x = v('trafficMax') / (1 + (v('trafficMax') / x - 1) * Math.exp(-Math.log(1 + k)));
      x = Math.min(100, Math.max(0, x));
      S.push(x);
    }
  }
  paths.traffic_share = S;

  // Large-enterprise penetration: logistic on the share from the as-of month.
  {
    const k = monthly(v('industrialK'));
    let e = v('industrialStart');
    const E = [e];
    for (let m = asOfM + 1; m <= H; m++) {
      e = Math.min(
        100,
        Math.max(0, v('industrialMax') / (1 + (v('industrialMax') / e - 1) * Math.exp(-Math.log(1 + k)))),
      );
      E.push(e);
    }
    start.industrial_penetration = asOfM;
    paths.industrial_penetration = E;
  }

  // IoT terminals from end-2020: growth g in 2021, g·(1 − decay)^y in the y-th following year, applied monthly.
  {
    const base = ym('2020-12');
    const I0 = v('iotStart');
    let I = I0;
    const G: number[] = [];
    for (let m = base + 1; m <= H; m++) {
      const j = m - base; // months since end-2020
      const y = Math.floor((j - 1) / 12);
      const g = (v('iotGrowth') / 100) * Math.pow(1 - v('iotDecay') / 100, y);
      I = I * Math.pow(1 + g, 1 / 12);
      G.push(100 * (Math.pow(I / I0, 12 / j) - 1)); // trailing average annual growth since end-2020
    }
    start.iot_growth = base + 1;
    paths.iot_growth = G;
  }

  // Base stations: annual additions A at the anchor, growing by buildGrowth a year, spread evenly over months.
  {
    const obs = known('g5_base_stations', s.asOf);
    const b0 = last(obs);
    let B = b0.v;
    const out = [(1e4 * B) / P(b0.m)];
    for (let m = b0.m + 1; m <= H; m++) {
      const y = Math.floor((m - b0.m - 1) / 12);
      B += (v('buildAnnual') * Math.pow(1 + v('buildGrowth') / 100, y)) / 12;
      out.push((1e4 * B) / P(m));
    }
    start.base_stations_per_10k = b0.m;
    paths.base_stations_per_10k = out;
  }

  // Industry VPNs: compound growth that decays each year, capped, never falling.
  {
    const obs = known('g5_industry_vpn', s.asOf);
    const vStart = obs.length ? last(obs).m : asOfM;
    let V = obs.length ? last(obs).v : v('vpnStart');
    const out = [V];
    for (let m = vStart + 1; m <= H; m++) {
      const y = Math.floor((m - vStart - 1) / 12);
      const grown = V * (1 + monthly(v('vpnGrowth') * Math.pow(1 - v('vpnDecay') / 100, y)));
      V = Math.max(V, Math.min(grown, v('vpnCeiling')));
      out.push(V);
    }
    start.industry_vpn = vStart;
    paths.industry_vpn = out;
  }

  // Linear counts from the as-of month.
  const linear = (id: OutputId, s0: ParamId, perYear: ParamId) => {
    start[id] = asOfM;
    paths[id] = [];
    for (let m = asOfM; m <= H; m++) paths[id].push(v(s0) + (v(perYear) * (m - asOfM)) / 12);
  };
  linear('benchmarks_per_industry', 'benchStart', 'benchPerYear');
  linear('solutions', 'solutionsStart', 'solutionsPerYear');
  linear('industry_standards', 'standardsStart', 'standardsPerYear');
  linear('security_demo_centers', 'securityStart', 'securityPerYear');
  linear('regional_benchmarks', 'regionalStart', 'regionalPerYear');

  return { start, paths, r0, population: P };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

interface Overrides {
  asOf?: string;
  horizon?: string;
  users?: UsersFamily;
  traffic?: TrafficFamily;
  params?: Partial<Record<ParamId, number>>;
}
function scenario(o: Overrides = {}, base: object = {}): Scenario {
  const b = base as { params?: Record<string, unknown>; families?: object };
  const params: Record<string, unknown> = { ...(b.params ?? {}) };
  for (const [id, value] of Object.entries(o.params ?? {})) params[id] = { value, dist: { kind: 'fixed' } };
  const r = parseScenario({
    ...base,
    ...(o.asOf ? { asOf: o.asOf } : {}),
    ...(o.horizon ? { horizon: o.horizon } : {}),
    families: {
      ...(b.families ?? {}),
      ...(o.users ? { users: o.users } : {}),
      ...(o.traffic ? { traffic: o.traffic } : {}),
    },
    params,
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const REL = 1e-9;
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b), 1e-3);
}

/** Compares the model's central paths with the reference, month by month, and returns the reference. */
function agree(s: Scenario, only: readonly OutputId[] = OUTPUT_IDS): Reference {
  const ref = reference(s);
  const a = resolveAnchors(s.asOf, s.horizon);
  const got = runCentral(s, a);
  for (const id of only) {
    expect(ymText(a.start[id]), `${id} start`).toBe(ymText(ref.start[id]));
    const want = ref.paths[id];
    const have = got[id];
    expect(have.length, `${id} length`).toBe(want.length);
    for (let i = 0; i < want.length; i++) {
      if (!close(have[i], want[i])) {
        throw new Error(`${id} at ${ymText(ref.start[id] + i)}: model ${have[i]}, reference ${want[i]}`);
      }
    }
  }
  return ref;
}

// ---------------------------------------------------------------------------------------------------------------

describe('5G users', () => {
  it.each(['bass', 'logistic', 'gompertz'] as const)('%s family (registry defaults)', (users) => {
    agree(scenario({ users }), ['users', 'user_penetration']);
  });

  it.each([
    ['bass', { ceiling: 140, bassP: 0.03, bassQ: 0.3, popGrowth: -1 }],
    ['logistic', { ceiling: 45, logisticR: 0.35, popGrowth: 1.2 }],
    ['gompertz', { ceiling: 70, gompertzG: 0.25, popGrowth: -1.5 }],
  ] as const)('%s family, other parameters', (users, params) => {
    agree(scenario({ users, params, horizon: '2030-12' }), ['users', 'user_penetration']);
  });

  it.each(['bass', 'logistic', 'gompertz'] as const)('%s: a ceiling below today holds the count', (users) => {
    const s = scenario({ users, params: { ceiling: 30, popGrowth: -1.5 } });
    const ref = agree(s, ['users', 'user_penetration']);
    // 30 % of 1.41 bn is 424 m, above 365 m: the count rises towards the ceiling and then holds while population falls.
    const path = runCentral(s).users;
    for (let i = 1; i < path.length; i++) expect(path[i]).toBeGreaterThanOrEqual(path[i - 1]);
    expect(ref.paths.users[ref.paths.users.length - 1]).toBeLessThanOrEqual(0.3 * 1412120000 + 1);
  });

  it('bass with p = q = 0 never moves', () => {
    const s = scenario({ params: { bassP: 0, bassQ: 0 } });
    agree(s, ['users']);
    expect(new Set(runCentral(s).users).size).toBe(1);
  });
});

describe('traffic share', () => {
  it('structural family (registry defaults and the baseline preset)', () => {
    agree(scenario({ traffic: 'structural' }), ['traffic_share']);
    agree(PRESETS.find((p) => p.id === 'baseline')!.scenario, ['traffic_share']);
  });

  it.each(['bass', 'logistic', 'gompertz'] as const)(
    'structural under the %s users family, with subscriptions falling',
    (users) => {
      agree(
        scenario({
          users,
          traffic: 'structural',
          params: { subsGrowth: -5, ratioDrift: 1.5, ceiling: 160 },
          horizon: '2030-12',
        }),
        ['traffic_share'],
      );
    },
  );

  it('structural with a negative drift: r stops at zero', () => {
    const s = scenario({ params: { ratioDrift: -0.2 }, horizon: '2030-12' });
    agree(s, ['traffic_share']);
    const p = runCentral(s).traffic_share;
    expect(p[p.length - 1]).toBe(0);
  });

  it('logistic family', () => {
    agree(scenario({ traffic: 'logistic' }), ['traffic_share']);
    agree(scenario({ traffic: 'logistic', params: { trafficK: 400, trafficMax: 60 }, horizon: '2030-12' }), [
      'traffic_share',
    ]);
  });
});

describe('other indicators', () => {
  it('industrial penetration', () => {
    agree(scenario(), ['industrial_penetration']);
    agree(scenario({ params: { industrialStart: 0.5, industrialK: 300, industrialMax: 90 }, asOf: '2022-03-15' }), [
      'industrial_penetration',
    ]);
  });

  it('IoT terminals', () => {
    agree(scenario(), ['iot_growth']);
    agree(scenario({ params: { iotGrowth: 900, iotDecay: 85, iotStart: 3e8 }, horizon: '2028-06' }), ['iot_growth']);
  });

  it.each([
    [0, 0],
    [300, 0],
    [150, 0],
    [300, 30],
    [1000, 90],
  ])('IoT closed form: growth %d, decay %d (percent a year)', (g, d) => {
    const s = scenario({ params: { iotGrowth: g, iotDecay: d } });
    agree(s, ['iot_growth']);
    const r = runModel(s, 100).outputs.iot_growth;
    const ratio = (1 + g / 100) * (1 + (g / 100) * (1 - d / 100)) * (1 + (g / 100) * (1 - d / 100) ** 2);
    const want = 100 * (Math.cbrt(ratio) - 1);
    expect(close(r.value, want), `${r.value} vs ${want}`).toBe(true);
    if (d === 0) expect(r.value).toBeCloseTo(g, 9);
    // The first month of the path is January 2021, the one after the base year.
    expect(ymText(r.start)).toBe('2021-01');
  });

  it('IoT growth does not depend on the starting count', () => {
    const a = runCentral(scenario({ params: { iotStart: 1e5 } })).iot_growth;
    const b = runCentral(scenario({ params: { iotStart: 1e9 } })).iot_growth;
    for (let i = 0; i < a.length; i++) expect(close(a[i], b[i])).toBe(true);
  });

  it('base stations', () => {
    agree(scenario(), ['base_stations_per_10k']);
    agree(scenario({ params: { buildAnnual: 1.2e6, buildGrowth: -60, popGrowth: 1.5 }, horizon: '2030-12' }), [
      'base_stations_per_10k',
    ]);
    agree(scenario({ params: { buildAnnual: 0 } }), ['base_stations_per_10k']);
  });

  it('industry VPNs', () => {
    agree(scenario(), ['industry_vpn']);
    agree(scenario({ params: { vpnGrowth: 500, vpnDecay: 0, vpnCeiling: 50000 }, horizon: '2030-12' }), [
      'industry_vpn',
    ]);
  });

  it('industry VPNs: a ceiling below today holds the count', () => {
    const s = scenario({ params: { vpnCeiling: 1000 } });
    agree(s, ['industry_vpn']);
    const p = runCentral(s).industry_vpn;
    for (const x of p) expect(x).toBe(1655);
  });

  it('benchmarks and programme counts', () => {
    const ids = [
      'benchmarks_per_industry',
      'solutions',
      'industry_standards',
      'security_demo_centers',
      'regional_benchmarks',
    ] as const;
    agree(scenario(), ids);
    const s = scenario({
      asOf: '2022-10-20',
      params: {
        benchStart: 17,
        benchPerYear: 123,
        solutionsStart: 9,
        solutionsPerYear: 33.5,
        standardsStart: 4,
        standardsPerYear: 7,
        securityStart: 2,
        securityPerYear: 3.5,
        regionalStart: 1,
        regionalPerYear: 0.5,
      },
    });
    agree(s, ids);
    const p = runCentral(s).benchmarks_per_industry;
    expect(p[0]).toBe(17);
    expect(ymText(resolveAnchors(s.asOf, s.horizon).start.benchmarks_per_industry)).toBe('2022-09');
  });
});

describe('anchors', () => {
  it('default as-of date (2021-07-31)', () => {
    const s = scenario();
    const a = resolveAnchors(s.asOf, s.horizon);
    const c = runCentral(s, a);
    const ref = agree(s);
    expect(ymText(a.start.users)).toBe('2021-06');
    expect(ymText(a.start.user_penetration)).toBe('2021-06');
    expect(c.users[0]).toBe(365e6);
    expect(ymText(a.start.traffic_share)).toBe('2021-05');
    expect(c.traffic_share[0]).toBeCloseTo(8.1, 10);
    expect(ref.r0).toBeCloseTo(0.335, 3);
    expect(ymText(a.start.base_stations_per_10k)).toBe('2021-06');
    expect(close(c.base_stations_per_10k[0], (1e4 * 961000) / ref.population(ym('2021-06')))).toBe(true);
    expect(ymText(a.start.industry_vpn)).toBe('2021-07');
    expect(c.industry_vpn[0]).toBe(1655);
    expect(ymText(a.start.iot_growth)).toBe('2021-01');
    for (const id of ['industrial_penetration', 'benchmarks_per_industry', 'solutions'] as const)
      expect(ymText(a.start[id])).toBe('2021-07');
    expect(ymText(a.horizon)).toBe('2025-12');
    expect(ymText(a.deadline)).toBe('2023-12');
  });

  it('the traffic anchor does not depend on the users family or parameters (r0 comes from observations)', () => {
    for (const users of ['bass', 'logistic', 'gompertz'] as const) {
      const c = runCentral(scenario({ users, params: { ceiling: 160, bassP: 0.05 } }));
      expect(c.traffic_share[0]).toBeCloseTo(8.1, 10);
    }
  });

  it('as-of 2021-04-30 anchors users at 2021-03 (the March figures were published in April)', () => {
    const s = scenario({ asOf: '2021-04-30' });
    const a = resolveAnchors(s.asOf, s.horizon);
    agree(s);
    expect(ymText(a.start.users)).toBe('2021-03');
    expect(runCentral(s, a).users[0]).toBe(285e6);
    expect(ymText(a.start.base_stations_per_10k)).toBe('2021-03');
    // No traffic figure yet: the share starts at the as-of month from the assumed ratio.
    expect(a.trafficObs).toBeNull();
    expect(ymText(a.start.traffic_share)).toBe('2021-04');
    // A day earlier the March figures were not out: users anchor on February's (published 2021-04-19).
    expect(ymText(resolveAnchors('2021-04-29', s.horizon).start.users)).toBe('2021-02');
  });

  it('as-of 2021-04-29 is before the month-end: the as-of month is 2021-03, users anchor at 2021-02', () => {
    const s = scenario({ asOf: '2021-04-29' });
    const a = resolveAnchors(s.asOf, s.horizon);
    agree(s);
    expect(ymText(a.asOf)).toBe('2021-03');
    expect(ymText(a.start.users)).toBe('2021-02');
    // Within rounding: the anchor value comes through a log-linear interpolation at its own month (see report).
    expect(close(runCentral(s, a).users[0], 260e6)).toBe(true);
  });

  it('as-of 2020-12-31: traffic and VPN use their fallback parameters', () => {
    for (const traffic of ['structural', 'logistic'] as const) {
      const s = scenario({
        asOf: '2020-12-31',
        traffic,
        params: { ratioStart: 0.5, trafficStart: 12.5, vpnStart: 420 },
      });
      const a = resolveAnchors(s.asOf, s.horizon);
      const ref = agree(s);
      expect(a.trafficObs).toBeNull();
      expect(a.vpnObs).toBeNull();
      expect(ymText(a.start.traffic_share)).toBe('2020-12');
      expect(ymText(a.start.industry_vpn)).toBe('2020-12');
      expect(ymText(a.start.users)).toBe('2020-12');
      const c = runCentral(s, a);
      expect(c.industry_vpn[0]).toBe(420);
      if (traffic === 'logistic') expect(c.traffic_share[0]).toBe(12.5);
      else {
        expect(ref.r0).toBe(0.5);
        // Known on 2020-12-31: the statement of 2020-12-24 (over 2亿 connections) and the 2019 bulletin's 16亿
        // subscriptions, carried a year forward at subsGrowth.
        const u = 200e6 / (1600e6 * (1 + s.params.subsGrowth.value / 100));
        expect(close(c.traffic_share[0], (100 * u * 0.5) / (u * 0.5 + 1 - u))).toBe(true);
      }
      // The fallback parameters matter here, and only here.
      const s2 = scenario({
        asOf: '2020-12-31',
        traffic,
        params: { ratioStart: 0.9, trafficStart: 20, vpnStart: 900 },
      });
      const c2 = runCentral(s2);
      agree(s2);
      expect(c2.traffic_share[5]).toBeGreaterThan(c.traffic_share[5]);
      expect(c2.industry_vpn[5]).toBeGreaterThan(c.industry_vpn[5]);
      const later = runCentral(scenario({ traffic, params: { ratioStart: 0.9, trafficStart: 20, vpnStart: 900 } }));
      const laterBase = runCentral(scenario({ traffic }));
      expect(later.traffic_share).toEqual(laterBase.traffic_share);
      expect(later.industry_vpn).toEqual(laterBase.industry_vpn);
    }
  });
});

describe('the reference agrees with the model across the parameter space', () => {
  const dateArb = fc.integer({ min: 0, max: ym('2023-12') - ym('2020-12') }).chain((k) => {
    const m = ym('2020-12') + k;
    const y = Math.floor(m / 12);
    const mo = (m % 12) + 1;
    return fc
      .integer({ min: k === 0 ? 31 : 1, max: daysIn(y, mo) })
      .map((d) => `${ymText(m)}-${String(d).padStart(2, '0')}`);
  });
  const horizonArb = fc.integer({ min: ym('2023-12'), max: ym('2030-12') }).map(ymText);
  const paramsArb = fc.record(
    Object.fromEntries(
      PARAM_IDS.map((id) => [id, fc.double({ min: PARAMS[id].min, max: PARAMS[id].max, noNaN: true })]),
    ) as Record<ParamId, fc.Arbitrary<number>>,
  );

  it('every output, every month', () => {
    fc.assert(
      fc.property(
        dateArb,
        horizonArb,
        fc.constantFrom(...(['bass', 'logistic', 'gompertz'] as const)),
        fc.constantFrom(...(['structural', 'logistic'] as const)),
        paramsArb,
        (asOf, horizon, users, traffic, params) => {
          agree(scenario({ asOf, horizon, users, traffic, params }));
        },
      ),
      { numRuns: 150 },
    );
  });
});
