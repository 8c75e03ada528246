/**
 * What the registry says beyond ranges: which cells show each parameter (under which families, and fallback starts
 * only before their observation), the default uncertainty a scenario takes when it gives none, and the default
 * distribution of each kind the controls offer. Expectations are written out here, not read from the registry.
 */
import { describe, expect, it } from 'vitest';
import {
  PARAM_IDS,
  PARAMS,
  USERS_FAMILIES,
  TRAFFIC_FAMILIES,
  cellParams,
  distOfKind,
  type ParamId,
} from '../../../src/model/registry';
import { type OutputId } from '../../../src/model/indicators';
import { PLAN_IDS, planOutputs } from '../../../src/model/plans';
import { cellParams as uiCellParams } from '../../../src/ui/notebook/cells';
import { defaultScenario, parseScenario } from '../../../src/scenario/schema';

const ids = (
  id: OutputId,
  users: (typeof USERS_FAMILIES)[number],
  traffic: (typeof TRAFFIC_FAMILIES)[number],
  observed = true,
) => cellParams(id, { users, traffic }, { trafficObs: observed, vpnObs: observed, iotConn: observed }).map((p) => p.id);

describe('cells', () => {
  it('shows each cell its own parameters, then the context ones it uses', () => {
    expect(ids('user_penetration', 'bass', 'structural')).toEqual(['popGrowth']);
    expect(ids('users', 'bass', 'structural')).toEqual(['ceiling', 'bassP', 'bassQ']);
    expect(ids('users', 'logistic', 'structural')).toEqual(['ceiling', 'logisticR']);
    expect(ids('users', 'gompertz', 'logistic')).toEqual(['ceiling', 'gompertzG']);
    expect(ids('traffic_share', 'bass', 'structural')).toEqual(['ratioDrift', 'subsGrowth']);
    expect(ids('traffic_share', 'bass', 'logistic')).toEqual(['trafficK', 'trafficMax']);
    expect(ids('industrial_penetration', 'bass', 'structural')).toEqual([
      'industrialStart',
      'industrialK',
      'industrialMax',
    ]);
    expect(ids('iot_growth', 'bass', 'structural')).toEqual(['iotStart', 'iotGrowth', 'iotDecay']);
    expect(ids('base_stations_per_10k', 'bass', 'structural')).toEqual(['buildAnnual', 'buildGrowth']);
    expect(ids('industry_vpn', 'bass', 'structural')).toEqual(['vpnGrowth', 'vpnDecay', 'vpnCeiling']);
    expect(ids('benchmarks_per_industry', 'bass', 'structural')).toEqual(['benchStart', 'benchPerYear']);
    expect(ids('regional_benchmarks', 'bass', 'structural')).toEqual(['regionalStart', 'regionalPerYear']);
  });

  it('shows a fallback start only while its observation is missing', () => {
    expect(ids('traffic_share', 'bass', 'structural', false)).toEqual(['ratioDrift', 'ratioStart', 'subsGrowth']);
    expect(ids('traffic_share', 'bass', 'logistic', false)).toEqual(['trafficK', 'trafficMax', 'trafficStart']);
    expect(ids('industry_vpn', 'bass', 'structural', false)).toEqual([
      'vpnStart',
      'vpnGrowth',
      'vpnDecay',
      'vpnCeiling',
    ]);
    // The notebook asks the anchors: the traffic figure is of May 2021, the VPN count of July 2021.
    const ui = (id: OutputId, asOf: string) =>
      uiCellParams(id, { users: 'bass', traffic: 'structural' }, asOf).map((p) => p.id);
    expect(ui('traffic_share', '2021-07-31')).toEqual(['ratioDrift', 'subsGrowth']);
    expect(ui('traffic_share', '2021-04-30')).toEqual(['ratioDrift', 'ratioStart', 'subsGrowth']);
    expect(ui('industry_vpn', '2021-06-30')).toContain('vpnStart');
    expect(ui('industry_vpn', '2021-07-31')).not.toContain('vpnStart');
  });

  it('shows every parameter somewhere, under some families, and each in one cell of a plan at most', () => {
    const all = new Set<ParamId>();
    for (const plan of PLAN_IDS) {
      const seen = new Map<ParamId, OutputId[]>();
      for (const users of USERS_FAMILIES) {
        for (const traffic of TRAFFIC_FAMILIES) {
          for (const id of planOutputs(plan)) {
            for (const p of ids(id, users, traffic, false)) seen.set(p, [...new Set([...(seen.get(p) ?? []), id])]);
          }
        }
      }
      for (const [p, cells] of seen) expect(cells, `${plan} ${p}`).toHaveLength(1);
      for (const p of seen.keys()) all.add(p);
    }
    expect([...all].sort()).toEqual([...PARAM_IDS].sort());
  });

  it("shows the upgrade plan's cells the parameters of the 2021 equations they reuse", () => {
    expect(ids('personal_user_penetration', 'bass', 'structural')).toEqual([
      'ceiling',
      'bassP',
      'bassQ',
      'personalGap',
      'popGrowth',
    ]);
    expect(ids('traffic_share_2027', 'bass', 'structural')).toEqual(['ratioDrift', 'subsGrowth']);
    expect(ids('base_stations_per_10k_2027', 'bass', 'structural')).toEqual(['buildAnnual', 'buildGrowth']);
    expect(ids('industry_vpn_2027', 'bass', 'structural')).toEqual(['vpnGrowth', 'vpnDecay', 'vpnCeiling']);
    expect(ids('iot_connections', 'bass', 'structural')).toEqual(['iotConnGrowth', 'iotConnDecay']);
    expect(ids('iot_connections', 'bass', 'structural', false)).toEqual([
      'iotConnStart',
      'iotConnGrowth',
      'iotConnDecay',
    ]);
  });
});

describe('default uncertainty', () => {
  it('a parameter a scenario leaves out, or gives without a distribution, takes the registry default: fixed', () => {
    const s = defaultScenario();
    for (const id of PARAM_IDS) {
      expect(s.params[id], id).toEqual({ value: PARAMS[id].value, dist: PARAMS[id].uncertainty });
      expect(PARAMS[id].uncertainty).toEqual({ kind: 'fixed' });
    }
    const r = parseScenario({ params: { bassQ: { value: 0.05 } } });
    expect(r.ok && r.scenario.params.bassQ).toEqual({ value: 0.05, dist: { kind: 'fixed' } });
  });

  it('offers each kind around the value: ±10 % of the range, sd 5 % of it, lognormal σ 0.2', () => {
    const p = PARAMS.buildAnnual; // 0 … 1,500,000 stations a year
    expect(distOfKind(p, 600_000, 'fixed')).toEqual({ kind: 'fixed' });
    expect(distOfKind(p, 600_000, 'uniform')).toEqual({ kind: 'uniform', min: 450_000, max: 750_000 });
    expect(distOfKind(p, 600_000, 'triangular')).toEqual({
      kind: 'triangular',
      min: 450_000,
      mode: 600_000,
      max: 750_000,
    });
    expect(distOfKind(p, 100_000, 'triangular')).toEqual({ kind: 'triangular', min: 0, mode: 100_000, max: 250_000 });
    expect(distOfKind(p, 600_000, 'normal')).toEqual({ kind: 'normal', mean: 600_000, sd: 75_000 });
    expect(distOfKind(p, 600_000, 'lognormal')).toEqual({ kind: 'lognormal', median: 600_000, sigma: 0.2 });
    // A lognormal needs a positive median: at 0 it takes the smallest positive step.
    expect(distOfKind(p, 0, 'lognormal')).toEqual({ kind: 'lognormal', median: 10_000, sigma: 0.2 });
    // Every default the control offers is one the schema accepts, for every parameter at its point value.
    for (const id of PARAM_IDS) {
      for (const kind of ['fixed', 'uniform', 'triangular', 'normal', 'lognormal'] as const) {
        const r = parseScenario({
          params: { [id]: { value: PARAMS[id].value, dist: distOfKind(PARAMS[id], PARAMS[id].value, kind) } },
        });
        expect(r.ok, `${id} ${kind}: ${r.ok ? '' : r.errors.join('; ')}`).toBe(true);
      }
    }
  });
});
