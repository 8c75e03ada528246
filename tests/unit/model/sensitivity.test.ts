/**
 * The tornado: central paths only (identical under any seed), relevance computed (parameters that change nothing are
 * dropped), swings whose sign agrees with the registry's direction, and the expected top parameters.
 */
import { describe, expect, it } from 'vitest';
import { sensitivity, swingOf } from '../../../src/model/sensitivity';
import { runCentral } from '../../../src/model/monte-carlo';
import { resolveAnchors } from '../../../src/model/anchors';
import { OUTPUT_IDS, OUTPUTS } from '../../../src/model/indicators';
import { PARAMS } from '../../../src/model/registry';
import { PRESETS } from '../../../src/scenario/presets';

const base = PRESETS[0].scenario;

describe('sensitivity', () => {
  it('is identical under a change of seed or sample count (central paths only)', () => {
    for (const id of OUTPUT_IDS) {
      expect(sensitivity({ ...base, seed: 1, samples: 100 }, id)).toEqual(sensitivity(base, id));
    }
  });

  it('ranks by |swing| and reports the base value and target', () => {
    const a = resolveAnchors(base.asOf, base.horizon);
    const central = runCentral(base, a);
    for (const id of OUTPUT_IDS) {
      const r = sensitivity(base, id);
      expect(r.base).toBe(central[id][a.deadline - a.start[id]]);
      expect(r.target).toEqual(OUTPUTS[id].target);
      for (let i = 1; i < r.rows.length; i++)
        expect(Math.abs(r.rows[i - 1].swing)).toBeGreaterThanOrEqual(Math.abs(r.rows[i].swing));
    }
  });

  it('the top parameter for base stations is the annual build rate', () => {
    const r = sensitivity(base, 'base_stations_per_10k');
    expect(r.rows[0].param).toBe('buildAnnual');
    expect(r.rows.map((x) => x.param).sort()).toEqual(['buildAnnual', 'buildGrowth', 'popGrowth']);
  });

  it('swings agree in sign with the registry direction', () => {
    for (const preset of PRESETS) {
      for (const id of OUTPUT_IDS) {
        for (const row of sensitivity(preset.scenario, id).rows) {
          expect(row.high).toBeGreaterThanOrEqual(row.low);
          const d = PARAMS[row.param].direction;
          if (d !== 0) expect(Math.sign(row.swing) * d).toBeGreaterThanOrEqual(0);
          expect(row.swing).toBe(row.outputHigh - row.outputLow);
        }
      }
    }
  });

  it('drops parameters that are inactive or change nothing', () => {
    const r = sensitivity(base, 'base_stations_per_10k');
    const dropped = new Map(r.dropped.map((d) => [d.param, d.reason]));
    expect(dropped.get('logisticR')).toBe('inactive'); // bass family
    expect(dropped.get('bassQ')).toBe('no-effect');
    expect(dropped.get('vpnGrowth')).toBe('no-effect');
    expect(r.rows.length + r.dropped.length).toBe(Object.keys(PARAMS).length);
    // A fallback parameter matters only before its observation; a far-away ceiling does not bind.
    const t = sensitivity(base, 'traffic_share');
    expect(t.dropped.find((d) => d.param === 'ratioStart')?.reason).toBe('no-effect');
    expect(t.rows.some((x) => x.param === 'ratioDrift')).toBe(true);
    expect(t.rows.some((x) => x.param === 'subsGrowth')).toBe(true);
    expect(sensitivity(base, 'industry_vpn').dropped.find((d) => d.param === 'vpnCeiling')?.reason).toBe('no-effect');
  });

  it('swings p10–p90 of a distribution and ±10 % of a fixed point', () => {
    expect(swingOf(base, 'buildAnnual').basis).toBe('p10-p90');
    const lo = swingOf(base, 'buildAnnual');
    expect(lo.low).toBeGreaterThan(450_000);
    expect(lo.high).toBeLessThan(750_000);
    const fixed = {
      ...base,
      params: { ...base.params, buildAnnual: { value: 600_000, dist: { kind: 'fixed' as const } } },
    };
    expect(swingOf(fixed, 'buildAnnual')).toEqual({ low: 540_000, high: 660_000, basis: 'fixed-10pct' });
    const row = sensitivity(fixed, 'base_stations_per_10k').rows.find((x) => x.param === 'buildAnnual')!;
    expect(row.basis).toBe('fixed-10pct');
    // A fixed point of 0 swings by 10 % of the range instead.
    expect(swingOf(base, 'benchStart')).toEqual({ low: 0, high: 20, basis: 'fixed-10pct-of-range' });
  });
});
