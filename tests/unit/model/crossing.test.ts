/**
 * Verdict timing that cannot contradict itself: the IoT growth target (a 2021–2023 average read at the deadline) has
 * no first-met month and no median crossing, in the model and in the CLI's JSON and table; and no crossing month is
 * earlier than the as-of month except the month of the first published figure that met the target.
 */
import { describe, expect, it } from 'vitest';
import { runModel } from '../../../src/model/monte-carlo';
import { OUTPUT_IDS, OUTPUTS, meets } from '../../../src/model/indicators';
import { observedPoints } from '../../../src/model/observed';
import { actualOutcome } from '../../../src/model/actuals';
import { formatMonth, monthAtOrBefore } from '../../../src/model/months';
import { PRESETS } from '../../../src/scenario/presets';
import { renderTable, toJson } from '../../../cli/format';

const baseline = PRESETS[0].scenario;

describe('crossing months', () => {
  it('IoT growth has no crossing in any preset, and the JSON says it is read at the deadline', () => {
    for (const p of PRESETS) {
      const r = runModel(p.scenario, 500);
      expect(r.outputs.iot_growth.crossing, p.id).toBeNull();
      expect(r.outputs.iot_growth.crossingMedian, p.id).toBeNull();
      const j = toJson(r, p.scenario) as { outputs: Record<string, Record<string, unknown>> };
      expect(j.outputs.iot_growth).toMatchObject({ crossing: null, crossingMedian: null, readAt: 'deadline' });
      expect(j.outputs.users.readAt).toBe('path');
    }
  });

  it('the CLI table shows no month for IoT growth but says it is read at the deadline', () => {
    const r = runModel(baseline, 500);
    const line = renderTable(r, baseline, 'baseline.json', 'preset baseline', 'Baseline')
      .split('\n')
      .find((l) => l.startsWith('iot_growth'))!;
    expect(line).toContain('read at 2023-12 only');
    expect(line.replace('read at 2023-12 only', '')).not.toMatch(/20\d\d-\d\d/);
  });

  it('no crossing month is earlier than the as-of month, unless a figure known then had met the target', () => {
    for (const asOf of ['2021-07-31', '2022-06-30', '2022-12-31', '2023-06-30', '2024-11-30']) {
      const s = { ...baseline, asOf, horizon: '2030-12' };
      const r = runModel(s, 400);
      const floor = monthAtOrBefore(asOf);
      for (const id of OUTPUT_IDS) {
        const o = r.outputs[id];
        const known = observedPoints(id, asOf).filter((p) => p.known);
        const firstMet = known.find((p) => meets(OUTPUTS[id].target, p.value));
        for (const m of [o.crossing, o.crossingMedian]) {
          if (m === null || m >= floor) continue;
          // Earlier than the as-of month only as the month of the first published figure meeting the target.
          expect(firstMet?.month, `${asOf} ${id}`).toBe(m);
        }
      }
    }
  });

  it('dates a target met before the as-of date by the first published figure that met it, not by the as-of month', () => {
    // As of November 2024 every 2021-plan figure up to October 2024 is known: the outcome read from the published
    // series (src/model/actuals.ts) says when each target was first met.
    const latest = PRESETS.find((p) => p.id === 'latest')!.scenario;
    const r = runModel(latest, 400);
    let dated = 0;
    for (const id of ['users', 'user_penetration', 'base_stations_per_10k', 'industry_vpn'] as const) {
      const outcome = actualOutcome(id);
      if (outcome.status !== 'published' || !outcome.firstMet) throw new Error(`${id}: no published figure met it`);
      expect(outcome.firstMet.month, id).toBeLessThan(monthAtOrBefore(latest.asOf));
      expect(r.outputs[id].crossing, id).toBe(outcome.firstMet.month);
      expect(r.outputs[id].crossingMedian, id).toBe(outcome.firstMet.month);
      dated++;
    }
    expect(dated).toBe(4);
    // The users target (more than 560 million) was first met by the end-2022 figure (561 million).
    expect(formatMonth(r.outputs.users.crossing!)).toBe('2022-12');
  });
});
