/**
 * Verdict timing that cannot contradict itself: the IoT growth target (a 2021–2023 average read at the deadline) has
 * no first-met month and no median crossing, in the model and in the CLI's JSON and table; and no crossing month is
 * ever earlier than the as-of month.
 */
import { describe, expect, it } from 'vitest';
import { runModel } from '../../../src/model/monte-carlo';
import { OUTPUT_IDS } from '../../../src/model/indicators';
import { monthAtOrBefore } from '../../../src/model/months';
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

  it('no crossing month is earlier than the as-of month, for any as-of date', () => {
    for (const asOf of ['2021-07-31', '2022-06-30', '2023-06-30']) {
      const s = { ...baseline, asOf, horizon: '2030-12' };
      const r = runModel(s, 400);
      const floor = monthAtOrBefore(asOf);
      for (const id of OUTPUT_IDS) {
        const o = r.outputs[id];
        if (o.crossing !== null) expect(o.crossing, `${asOf} ${id}`).toBeGreaterThanOrEqual(floor);
        if (o.crossingMedian !== null) expect(o.crossingMedian, `${asOf} ${id}`).toBeGreaterThanOrEqual(floor);
      }
    }
  });
});
