/**
 * The two plans: a scenario names its plan (absent means the 2021 plan), the plan sets the dates it defaults to, the
 * share link carries it (and links without it open the 2021 plan), the plan switch keeps the shared assumptions the
 * user changed, embeds take `plan=`, and the CLI prints the 2027 targets of the upgrade presets.
 */
import { describe, expect, it } from 'vitest';
import { forecastCli } from '../helpers/cli';
import { decodeLink, encodeLink } from '../../../src/scenario/link';
import { defaultLinkState, type LinkState } from '../../../src/scenario/link-state';
import { PRESETS, UPGRADE_PRESETS, presetById, presetsOf } from '../../../src/scenario/presets';
import { parseScenario, planOf, type Scenario } from '../../../src/scenario/schema';
import { PLANS, planOutputs, sharedParams, planParams } from '../../../src/model/plans';
import { runModel } from '../../../src/model/monte-carlo';
import { analyse } from '../../../src/model/analysis';
import { withParamValue } from '../../../src/model/goal-seek';
import { formatMonth } from '../../../src/model/months';
import { switchedScenario } from '../../../src/ui/app/plan-switch';
import { parseEmbedParams } from '../../../src/ui/embed/embed-params';
import { planKey, unverifiedNote, qualitativeTargets } from '../../../src/ui/app/plan-labels';
import { outputName, targetText } from '../../../src/ui/lib/labels';

describe('a scenario names its plan', () => {
  it('no plan is the 2021 plan, with its dates as always', () => {
    const r = parseScenario({});
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.scenario.plan).toBeUndefined();
    expect(planOf(r.scenario)).toBe('sailing-2021');
    expect([r.scenario.asOf, r.scenario.horizon]).toEqual(['2021-07-31', '2025-12']);
    // Naming the 2021 plan is the same scenario (stored in one form).
    const named = parseScenario({ plan: 'sailing-2021' });
    expect(named).toEqual(r);
  });

  it('the upgrade plan defaults to its issue date and a horizon two years past 2027-12', () => {
    const r = parseScenario({ plan: 'upgrade-2024' });
    if (!r.ok) throw new Error(r.errors.join());
    expect([r.scenario.plan, r.scenario.asOf, r.scenario.horizon]).toEqual(['upgrade-2024', '2024-11-22', '2029-12']);
    expect(formatMonth(PLANS['upgrade-2024'].deadline)).toBe('2027-12');
  });

  it('refuses an unknown plan and a horizon before the plan allows, naming the field', () => {
    expect(parseScenario({ plan: 'sailing-2025' })).toEqual({
      ok: false,
      errors: ['plan: plan must be one of sailing-2021, upgrade-2024'],
    });
    expect(parseScenario({ plan: 'upgrade-2024', horizon: '2028-12' })).toEqual({
      ok: false,
      errors: ['horizon: horizon must be at least 2029-12 under the plan upgrade-2024'],
    });
  });

  it('every upgrade preset names the upgrade plan and every 2021 preset none', () => {
    expect(UPGRADE_PRESETS.map((p) => p.id)).toEqual(['upgrade-baseline', 'upgrade-faster', 'upgrade-slower']);
    for (const p of UPGRADE_PRESETS) expect(p.scenario.plan).toBe('upgrade-2024');
    for (const p of PRESETS) expect(p.scenario.plan).toBeUndefined();
    expect(presetsOf('upgrade-2024')).toEqual(UPGRADE_PRESETS);
  });
});

describe('the share link carries the plan', () => {
  const round = (state: LinkState) => {
    const link = encodeLink(state);
    const r = decodeLink(link);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return { link, state: r.state, warnings: r.warnings };
  };

  it('an upgrade preset, unmodified and modified, round trips', () => {
    const state: LinkState = { ...defaultLinkState(), scenario: structuredClone(UPGRADE_PRESETS[0].scenario) };
    expect(round(state)).toEqual({ link: '#v2.upgrade-baseline', state, warnings: [] });
    state.scenario.params.personalGap = { value: 12, dist: { kind: 'uniform', min: 5, max: 20 } };
    state.scenario.params.iotConnGrowth.value = 42;
    state.view = { mode: 'notebook', indicator: 'iot_connections' };
    const r = round(state);
    expect(r.link.startsWith('#v2.upgrade-baseline.')).toBe(true);
    expect(r.state).toEqual(state);
  });

  it("a scenario whose plan differs from its preset's carries the plan in the link", () => {
    const s = structuredClone(PRESETS[0].scenario) as Scenario;
    Object.assign(s, { plan: 'upgrade-2024', asOf: '2024-11-22', horizon: '2029-12' });
    const state: LinkState = { ...defaultLinkState(), scenario: s };
    const r = round(state);
    expect(r.link.startsWith('#v2.baseline.')).toBe(true);
    expect(planOf(r.state.scenario)).toBe('upgrade-2024');
    expect(r.state).toEqual(state);
  });

  it('links without a plan open the 2021 plan', () => {
    for (const p of PRESETS) {
      const r = decodeLink(`#v1.${p.id}`);
      if (!r.ok) throw new Error(r.error.message);
      expect(planOf(r.state.scenario)).toBe('sailing-2021');
      expect(runModel(r.state.scenario, 200).ids).toEqual(planOutputs('sailing-2021'));
    }
  });
});

describe('the plan switch', () => {
  const from = structuredClone(PRESETS[0].scenario) as Scenario;

  it('opens the upgrade baseline, keeping only the shared assumptions the user changed', () => {
    from.params.buildGrowth = { value: -20, dist: { kind: 'fixed' } }; // shared (base stations)
    from.params.benchPerYear = { value: 5, dist: { kind: 'fixed' } }; // the 2021 plan's only
    from.title = '我的情景';
    const { scenario, kept } = switchedScenario(from, PRESETS[0], 'upgrade-2024');
    expect(kept).toEqual(['buildGrowth']);
    expect(scenario.params.buildGrowth).toEqual({ value: -20, dist: { kind: 'fixed' } });
    const base = UPGRADE_PRESETS[0].scenario;
    expect(scenario.params.buildAnnual).toEqual(base.params.buildAnnual); // untouched: the new plan's fitted value
    expect([scenario.plan, scenario.preset, scenario.asOf, scenario.horizon, scenario.seed, scenario.title]).toEqual([
      'upgrade-2024',
      'upgrade-baseline',
      '2024-11-22',
      '2029-12',
      base.seed,
      '我的情景',
    ]);
    expect(parseScenario(scenario).ok).toBe(true);
    // And back: the changed shared assumption comes along again.
    const back = switchedScenario(scenario, UPGRADE_PRESETS[0], 'sailing-2021');
    expect(back.kept).toEqual(['buildGrowth']);
    expect(back.scenario.params.buildGrowth.value).toBe(-20);
    expect([planOf(back.scenario), back.scenario.preset, back.scenario.asOf]).toEqual([
      'sailing-2021',
      'baseline',
      '2021-07-31',
    ]);
  });

  it('shares the context, users, traffic, base-station and network assumptions, nothing only one plan reads', () => {
    const shared = sharedParams();
    for (const id of ['popGrowth', 'ceiling', 'bassQ', 'ratioDrift', 'buildAnnual', 'vpnGrowth'] as const)
      expect(shared).toContain(id);
    for (const id of ['iotGrowth', 'benchPerYear', 'industrialK', 'personalGap', 'iotConnGrowth', 'lmK'] as const)
      expect(shared).not.toContain(id);
    for (const id of planParams('upgrade-2024'))
      expect(presetById('upgrade-baseline')!.scenario.params[id]).toBeDefined();
  });
});

describe('labels, embeds and flags', () => {
  it('names the upgrade targets in their own words, with the deadline in the headings', () => {
    expect(outputName('personal_user_penetration', 'zh-CN')).toBe('5G个人用户普及率');
    expect(targetText('personal_user_penetration', 'zh-CN')).toBe('> 85%');
    expect(targetText('iot_connections', 'zh-CN')).toBe('> 1亿');
    expect(targetText('industry_vpn_2027', 'en')).toBe('≥ 70,000');
    expect(planKey('value2023', 'upgrade-2024')).toBe('value2027');
    expect(planKey('value2023', 'sailing-2021')).toBe('value2023');
  });

  it('flags the targets the data file does not verify, and lists the qualitative ones', () => {
    expect(unverifiedNote('industry_vpn_2027')).toMatch(/URL/);
    expect(unverifiedNote('scale_cities')).toMatch(/Unverified/);
    expect(unverifiedNote('base_stations_per_10k_2027')).toBeUndefined();
    expect(unverifiedNote('personal_user_penetration')).toMatch(/proxy/);
    expect(qualitativeTargets().map((q) => q.zh)).toEqual(['全国地级及以上城市实现5G-A超宽带特性规模覆盖']);
  });

  it('embeds take plan=', () => {
    expect(parseEmbedParams('?embed=1&plan=upgrade-2024&indicator=iot_connections')).toMatchObject({
      plan: 'upgrade-2024',
      indicator: 'iot_connections',
    });
    expect(parseEmbedParams('?embed=1&plan=nonsense')?.plan).toBeUndefined();
  });
});

describe('the analysis panel on the upgrade targets', () => {
  it('goal seek, tornado and calibration work on a shared, a new and an assumption-only target', () => {
    const s = UPGRADE_PRESETS[0].scenario;
    const a = analyse(s, {
      outputs: ['personal_user_penetration', 'iot_connections', 'industrial_penetration_lm'],
      probability: false,
    });
    const [pen, iot, lm] = a.outputs;
    expect([pen.goalSeek.lever, iot.goalSeek.lever, lm.goalSeek.lever]).toEqual(['bassQ', 'iotConnGrowth', 'lmK']);
    for (const o of a.outputs) {
      expect(o.goalSeek.status, o.id).toBe('reachable');
      // At the lever's answer the central path just meets the target at 2027-12.
      const at = runModel(withParamValue(s, o.goalSeek.lever, o.goalSeek.value!), 100).outputs[o.id];
      expect(at.verdict.met, o.id).toBe(true);
      expect(o.sensitivity.rows.length, o.id).toBeGreaterThan(0);
    }
    expect(pen.sensitivity.rows.map((r) => r.param)).toContain('personalGap');
    expect(pen.calibration.status).toBe('fitted'); // on the proxy series
    expect(iot.calibration.status).toBe('not-fittable'); // one official figure
    expect(lm.calibration.status).toBe('not-fittable'); // no series
  });
});

describe('the CLI on the upgrade presets', () => {
  it.each(UPGRADE_PRESETS.map((p) => p.id))(
    'scenarios/%s.json prints the 2027 targets with verdicts, P(met) and first-met months',
    (id) => {
      const r = forecastCli(`scenarios/${id}.json`, '--samples', '500');
      expect(r.status, r.stderr).toBe(0);
      const result = runModel(presetById(id)!.scenario, 500);
      expect(r.stdout).toContain('plan upgrade-2024');
      expect(r.stdout).toContain('2027-12 central');
      for (const oid of result.ids) {
        const line = r.stdout.split('\n').find((l) => l.startsWith(oid + ' '));
        expect(line, oid).toBeDefined();
        expect(line).toContain(result.outputs[oid].verdict.met ? ' met ' : ' missed ');
        expect(line).toContain(`${(100 * result.outputs[oid].pMet).toFixed(1)} %`);
      }
      expect(r.stdout).toContain('P(all 6 headline targets met at 2027-12)');
    },
  );

  it('--plan switches a 2021 file to the upgrade plan, and a bad plan exits 2 naming the field', () => {
    const ok = forecastCli('scenarios/baseline.json', '--plan', 'upgrade-2024', '--samples', '200', '--json');
    expect(ok.status, ok.stderr).toBe(0);
    const j = JSON.parse(ok.stdout) as { plan: string; deadline: string; outputs: Record<string, unknown> };
    expect([j.plan, j.deadline]).toEqual(['upgrade-2024', '2027-12']);
    expect(Object.keys(j.outputs)).toEqual(planOutputs('upgrade-2024'));
    const bad = forecastCli('scenarios/baseline.json', '--plan', 'sailing-2099');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('plan: plan must be one of sailing-2021, upgrade-2024');
  });
});
