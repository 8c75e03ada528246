import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OBSERVATIONS } from '../../../src/data/observations';
import { PLAN_TARGETS } from '../../../src/data/targets';
import {
  INDICATOR_IDS,
  OUTPUTS,
  PROGRAMME_IDS,
  UPGRADE_FURTHER_IDS,
  UPGRADE_INDICATOR_IDS,
} from '../../../src/model/indicators';
import { parseCsv, parseCsvObjects } from '../helpers/csv';
import { observedUpTo } from '../../../src/model/anchors';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const csvText = readFileSync(root('data/observations-as-of-2021-07.csv'), 'utf8');
const targetsJson = JSON.parse(readFileSync(root('data/plan-targets.json'), 'utf8'));

describe('the CSV parser', () => {
  it('handles quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF and a missing last newline', () => {
    expect(parseCsv('a,b,c\n1,"x, y",3\r\n"he said ""hi""",,"multi\nline"')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', '3'],
      ['he said "hi"', '', 'multi\nline'],
    ]);
  });
});

describe('observations', () => {
  const rows = parseCsvObjects(csvText);
  const key = (series: string, date: string) => `${series}@${date}`;

  it('the CSV has the expected header', () => {
    expect(parseCsv(csvText)[0]).toEqual(['series', 'date', 'value', 'unit', 'basis', 'source']);
  });

  it('has as many rows as OBSERVATIONS, with no duplicate (series, date)', () => {
    expect(rows.length).toBe(OBSERVATIONS.length);
    expect(new Set(rows.map((r) => key(r.series, r.date))).size).toBe(rows.length);
    expect(new Set(OBSERVATIONS.map((o) => key(o.series, o.date))).size).toBe(OBSERVATIONS.length);
  });

  it('every CSV row equals its entry of OBSERVATIONS (value, unit, basis, source)', () => {
    const byKey = new Map(OBSERVATIONS.map((o) => [key(o.series, o.date), o]));
    for (const r of rows) {
      const o = byKey.get(key(r.series, r.date));
      expect(o, `${key(r.series, r.date)} missing from OBSERVATIONS`).toBeDefined();
      expect(r.value.trim()).not.toBe('');
      expect({ ...o }).toEqual({
        series: r.series,
        date: r.date,
        value: Number(r.value),
        unit: r.unit,
        basis: r.basis,
        source: r.source,
      });
    }
  });

  it('every observation is well formed', () => {
    for (const o of OBSERVATIONS) {
      expect(o.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(o.date + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(o.date);
      expect(Number.isFinite(o.value) && o.value > 0).toBe(true);
      expect(['reported', 'derived']).toContain(o.basis);
      expect(o.source.length).toBeGreaterThan(0);
    }
  });
});

describe('plan targets', () => {
  it('PLAN_TARGETS equals data/plan-targets.json', () => {
    expect(PLAN_TARGETS).toEqual(targetsJson);
  });

  it('every indicator has the target, comparator and definitions of the file', () => {
    expect(PLAN_TARGETS.indicators.length).toBe(targetsJson.indicators.length);
    for (const j of targetsJson.indicators) {
      const t = PLAN_TARGETS.indicators.find((x) => x.id === j.id);
      expect(t, j.id).toBeDefined();
      expect(t!.target).toBe(j.target);
      expect(t!.comparator).toBe(j.comparator);
      expect(t!.definition_zh).toBe(j.definition_zh);
      expect(t!.definition_en).toBe(j.definition_en);
      expect(t!.definition_zh.length).toBeGreaterThan(0);
      expect(t!.definition_en.length).toBeGreaterThan(0);
    }
    for (const j of targetsJson.other_targets) {
      const t = PLAN_TARGETS.other_targets.find((x) => x.id === j.id);
      expect(t, j.id).toBeDefined();
      expect(t!.target).toEqual(j.target);
      expect(t!.comparator).toBe(j.comparator);
    }
  });
});

describe('OUTPUTS', () => {
  const headline = {
    user_penetration: { comparator: '>', value: 40 },
    users: { comparator: '>', value: 560e6 },
    traffic_share: { comparator: '>', value: 50 },
    industrial_penetration: { comparator: '>', value: 35 },
    iot_growth: { comparator: '>', value: 200 },
    base_stations_per_10k: { comparator: '>', value: 18 },
    industry_vpn: { comparator: '>', value: 3000 },
    benchmarks_per_industry: { comparator: '>=', value: 100 },
  } as const;
  const programme = {
    solutions: { comparator: '>', value: 100 },
    industry_standards: { comparator: '>', value: 30 },
    security_demo_centers: { comparator: 'range', lo: 10, hi: 20 },
    regional_benchmarks: { comparator: 'range', lo: 3, hi: 5 },
  } as const;

  it("holds the 8 headline indicators and the 4 programme targets, and the upgrade plan's outputs", () => {
    expect([...INDICATOR_IDS].sort()).toEqual(Object.keys(headline).sort());
    expect([...PROGRAMME_IDS].sort()).toEqual(Object.keys(programme).sort());
    const upgrade = [...UPGRADE_INDICATOR_IDS, ...UPGRADE_FURTHER_IDS];
    expect(Object.keys(OUTPUTS).sort()).toEqual(
      [...Object.keys(headline), ...Object.keys(programme), ...upgrade].sort(),
    );
  });

  it.each(Object.entries(headline))('headline %s has its target', (id, target) => {
    const o = OUTPUTS[id as keyof typeof OUTPUTS];
    expect(o.id).toBe(id);
    expect(o.headline).toBe(true);
    expect(o.target).toEqual(target);
  });

  it.each(Object.entries(programme))('programme %s has its target', (id, target) => {
    const o = OUTPUTS[id as keyof typeof OUTPUTS];
    expect(o.id).toBe(id);
    expect(o.headline).toBe(false);
    expect(o.target).toEqual(target);
    expect(o.kind).toBe('count');
  });

  it('the series named by an output exist in the observations (users: the bridged connections of the snapshot)', () => {
    for (const o of Object.values(OUTPUTS)) {
      // The 2021 plan's in the plan-launch snapshot; the upgrade plan's by its issue date.
      const at = (UPGRADE_INDICATOR_IDS as readonly string[]).includes(o.id) ? '2024-11-22' : '2021-07-31';
      if (o.series) expect(observedUpTo(o.series, at).length > 0, `${o.id}: ${o.series}`).toBe(true);
    }
    expect(observedUpTo('g5_users', '2021-07-31')).toEqual(
      OBSERVATIONS.filter((x) => x.series === 'g5_handset_connections').map((x) => expect.objectContaining(x)),
    );
  });
});
