/**
 * The upgrade plan's equations (src/model/simulate.ts, the comment above monthlyFactor), re-implemented as plainly as
 * possible (one scalar loop per stock, the anchor looked up directly in the data) and compared with the model's
 * central path; the indicators it shares with the 2021 plan are checked against the 2021 outputs of the same run.
 * Like equations.test.ts, this file imports only the data, the public run functions and the scenario schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vintageRows } from '../../../src/data/vintage';
import { runCentral, runModel } from '../../../src/model/monte-carlo';
import { resolveAnchors } from '../../../src/model/anchors';
import { INDICATOR_IDS, OUTPUT_IDS, OUTPUTS, type OutputId } from '../../../src/model/indicators';
import { PARAMS, type ParamId } from '../../../src/model/registry';
import { parseScenario, type Scenario } from '../../../src/scenario/schema';
import { PRESETS, UPGRADE_PRESETS } from '../../../src/scenario/presets';

const ym = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const ymText = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
function monthOfAsOf(asOf: string): number {
  const d = Number(asOf.slice(8, 10));
  return d >= daysIn(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))) ? ym(asOf) : ym(asOf) - 1;
}
const DEADLINE_2027 = ym('2027-12');

const REL = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b), 1e-3);

function upgrade(params: Partial<Record<ParamId, number>> = {}, asOf?: string): Scenario {
  const base = structuredClone(UPGRADE_PRESETS[0].scenario);
  for (const [id, v] of Object.entries(params)) base.params[id as ParamId] = { value: v, dist: { kind: 'fixed' } };
  if (asOf) base.asOf = asOf;
  const r = parseScenario(base);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** The reference paths of the upgrade plan's own stocks, from their start to the horizon. */
function reference(
  s: Scenario,
): Record<
  'iot_connections' | 'industrial_penetration_lm' | 'edge_nodes' | 'scale_cities',
  { start: number; path: number[] }
> {
  const v = (id: ParamId) => s.params[id].value;
  const horizon = ym(s.horizon);
  const asOf = monthOfAsOf(s.asOf);
  // 5G IoT connections: from the last figure known at as-of (one per month, the later row of a month), else the assumption.
  const rows = vintageRows(s.asOf)
    .filter((o) => o.series === 'g5_iot_connections' && o.date <= s.asOf)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = rows.at(-1);
  const iotStart = last ? ym(last.date) : asOf;
  const iot: number[] = [];
  let c = last ? last.value : v('iotConnStart');
  for (let m = iotStart; m <= horizon; m++) {
    if (m > iotStart) {
      const y = Math.floor((m - iotStart - 1) / 12); // the year after the anchor this month falls in
      const g = v('iotConnGrowth') * Math.pow(1 - v('iotConnDecay') / 100, y);
      c *= Math.pow(1 + g / 100, 1 / 12);
    }
    iot.push(c);
  }
  // Large and medium industrial penetration: logistic, exact monthly step, from the assumed start at as-of.
  const lm: number[] = [];
  let e = v('lmStart');
  const shrink = Math.pow(1 + v('lmK') / 100, -1 / 12);
  for (let m = asOf; m <= horizon; m++) {
    if (m > asOf) e = v('lmMax') / (1 + (v('lmMax') / e - 1) * shrink);
    lm.push(e);
  }
  const linear = (start: ParamId, perYear: ParamId) =>
    Array.from({ length: horizon - asOf + 1 }, (_, k) => v(start) + (k * v(perYear)) / 12);
  return {
    iot_connections: { start: iotStart, path: iot },
    industrial_penetration_lm: { start: asOf, path: lm },
    edge_nodes: { start: asOf, path: linear('edgeStart', 'edgePerYear') },
    scale_cities: { start: asOf, path: linear('citiesStart', 'citiesPerYear') },
  };
}

function agree(s: Scenario): void {
  const ref = reference(s);
  const a = resolveAnchors(s.asOf, s.horizon, undefined, 'upgrade-2024');
  const got = runCentral(s, a);
  for (const [id, r] of Object.entries(ref) as [OutputId, { start: number; path: number[] }][]) {
    expect(ymText(a.start[id]), `${id} start`).toBe(ymText(r.start));
    expect(got[id].length, `${id} length`).toBe(r.path.length);
    r.path.forEach((want, i) => {
      if (!close(got[id][i], want))
        throw new Error(`${id} at ${ymText(r.start + i)}: model ${got[id][i]}, reference ${want}`);
    });
  }
}

describe("the upgrade plan's own outputs against a plain re-implementation", () => {
  it('the upgrade presets', () => {
    for (const p of UPGRADE_PRESETS) agree(p.scenario);
  });

  it('5G IoT connections start from the one official figure (end-March 2024) once it is known', () => {
    const s = upgrade();
    expect(ymText(resolveAnchors(s.asOf, s.horizon, undefined, 'upgrade-2024').start.iot_connections)).toBe('2024-03');
    expect(runCentral(s).iot_connections[0]).toBe(40_000_000);
  });

  it('before that figure was known, 5G IoT connections start at as-of from the assumption', () => {
    const s = upgrade({ iotConnStart: 25_000_000 }, '2023-06-30');
    agree(s);
    expect(runCentral(s).iot_connections[0]).toBe(25_000_000);
  });

  it('random assumptions (fast-check)', () => {
    const arb = (id: ParamId) => fc.double({ min: PARAMS[id].min, max: PARAMS[id].max, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          iotConnGrowth: arb('iotConnGrowth'),
          iotConnDecay: arb('iotConnDecay'),
          lmStart: arb('lmStart'),
          lmK: arb('lmK'),
          lmMax: arb('lmMax'),
          edgeStart: arb('edgeStart'),
          edgePerYear: arb('edgePerYear'),
          citiesStart: arb('citiesStart'),
          citiesPerYear: arb('citiesPerYear'),
        }),
        (p) => agree(upgrade(p)),
      ),
      { numRuns: 40 },
    );
  });
});

describe('the indicators the plans share, under the upgrade plan', () => {
  const s = upgrade({ personalGap: 7.5 });
  const a = resolveAnchors(s.asOf, s.horizon, undefined, 'upgrade-2024');
  const got = runCentral(s, a);
  /** The 2021 output's path from the upgrade output's start (the 2021 one starts no later). */
  const twin = (id: OutputId, of: OutputId) => got[of].subarray(a.start[id] - a.start[of]);

  it('personal-user penetration = 5G phone users ÷ population × (1 − gap)', () => {
    const proxy = twin('personal_user_penetration', 'user_penetration');
    expect(got.personal_user_penetration.length).toBe(proxy.length);
    got.personal_user_penetration.forEach((x, i) => expect(close(x, proxy[i] * (1 - 7.5 / 100))).toBe(true));
  });

  it.each([
    ['traffic_share_2027', 'traffic_share'],
    ['base_stations_per_10k_2027', 'base_stations_per_10k'],
    ['industry_vpn_2027', 'industry_vpn'],
  ] as const)('%s follows the 2021 equations of %s from its own anchor', (id, of) => {
    expect(Array.from(got[id])).toEqual(Array.from(twin(id, of)));
    expect(ymText(a.start[id]) >= '2024-01').toBe(true);
  });
});

describe('runs under each plan', () => {
  it('an upgrade run reads its targets at 2027-12 and returns only its outputs', () => {
    const s = UPGRADE_PRESETS[0].scenario;
    const r = runModel(s, 1000);
    expect(r.plan).toBe('upgrade-2024');
    expect(ymText(r.deadline)).toBe('2027-12');
    expect(Object.keys(r.outputs).sort()).toEqual([...r.ids].sort());
    const central = runCentral(s);
    const headlineMet = new Uint8Array(1000).fill(1);
    for (const id of r.ids) {
      const o = r.outputs[id];
      expect(ymText(o.start + o.deadlineIndex), id).toBe('2027-12');
      expect(o.value).toBe(central[id][DEADLINE_2027 - o.start]);
      const t = OUTPUTS[id].target;
      if (t.comparator === 'range') throw new Error('no range targets in the upgrade plan');
      const meets = (x: number) => (t.comparator === '>' ? x > t.value : x >= t.value);
      expect(o.verdict.met).toBe(meets(o.value));
      expect(o.pMet).toBe(Array.from(o.deadlineSamples).filter(meets).length / 1000);
      if (OUTPUTS[id].headline) o.deadlineSamples.forEach((x, k) => (headlineMet[k] &= meets(x) ? 1 : 0));
    }
    expect(r.pAllMet).toBe(headlineMet.reduce((n, x) => n + x, 0) / 1000);
  });

  it('a 2021 run is what it was: the 2021 outputs at 2023-12', () => {
    const r = runModel(PRESETS[0].scenario, 500);
    expect(r.plan).toBe('sailing-2021');
    expect(r.ids).toEqual(OUTPUT_IDS);
    expect(ymText(r.deadline)).toBe('2023-12');
    expect(Object.keys(r.outputs).length).toBe(OUTPUT_IDS.length);
    expect(INDICATOR_IDS.every((id) => OUTPUTS[id].headline)).toBe(true);
  });
});
