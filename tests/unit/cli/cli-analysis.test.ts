/**
 * `forecast --json --analysis`, run for real: the JSON carries the analysis bundle (calibration, goal seeks, tornado,
 * on-track) of every headline output, equal to analyse() in Node; --analysis without --json is refused with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../../src/model/analysis';
import { INDICATOR_IDS } from '../../../src/model/indicators';
import { parseScenario } from '../../../src/scenario/schema';
import { readFileSync } from 'node:fs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/forecast.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('forecast CLI --analysis', () => {
  it('adds goal-seek, sensitivity, calibration and on-track entries for every headline output', () => {
    const r = cli('scenarios/baseline.json', '--json', '--analysis', '--samples', '500');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { samples: number; outputs: Record<string, unknown>; analysis: Analysis };
    expect(json.samples).toBe(500);
    expect(Object.keys(json.outputs).length).toBeGreaterThan(INDICATOR_IDS.length);
    const a = json.analysis;
    expect(a.samples).toBe(500);
    expect(a.level).toBe(0.8);
    expect(a.outputs.map((o) => o.id)).toEqual([...INDICATOR_IDS]);
    for (const o of a.outputs) {
      expect(['reachable', 'already-met', 'unreachable'], o.id).toContain(o.goalSeek.status);
      expect(o.goalSeek.outputId).toBe(o.id);
      expect(o.goalSeekProbability, o.id).not.toBeNull();
      expect(['reachable', 'already-met', 'unreachable']).toContain(o.goalSeekProbability!.status);
      expect(o.sensitivity.rows.length, o.id).toBeGreaterThan(0);
      expect(typeof o.sensitivity.base).toBe('number');
      expect(['fitted', 'not-fittable']).toContain(o.calibration.status);
      expect(o.onTrack.outputId).toBe(o.id);
    }
    const bs = a.outputs.find((o) => o.id === 'base_stations_per_10k')!;
    expect(bs.goalSeek).toMatchObject({ lever: 'buildAnnual', status: 'reachable', value: 640000 });
    expect(bs.sensitivity.rows[0].param).toBe('buildAnnual');
    // The same bundle as analyse() in Node on the same validated scenario.
    const parsed = parseScenario({
      ...JSON.parse(readFileSync(resolve(ROOT, 'scenarios/baseline.json'), 'utf8')),
      samples: 500,
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(a).toEqual(JSON.parse(JSON.stringify(analyse(parsed.scenario))));
    // The codes rendered in English from the message tables, as the app renders them.
    const text = (
      json as unknown as { analysisText: Record<string, { goalSeek: string; calibration: string[]; onTrack: string }> }
    ).analysisText;
    expect(Object.keys(text)).toEqual([...INDICATOR_IDS]);
    expect(text.base_stations_per_10k.goalSeek).toMatch(
      /^Annual additions must be ≥ 640,000 stations per year to meet the target \(now 600,000 stations per year\)/,
    );
    expect(text.base_stations_per_10k.onTrack).toMatch(/^on track: growing /);
    expect(text.users.calibration.some((s) => s.startsWith('early S-curve: the last observation is'))).toBe(true);
    expect(text.iot_growth.calibration).toEqual([
      'No observed series exists for this indicator: its starting value and growth are assumptions, so there is nothing to fit.',
    ]);
  }, 120_000);

  it('leaves the JSON unchanged without the flag and refuses --analysis without --json', () => {
    const plain = cli('scenarios/baseline.json', '--json', '--samples', '200');
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('analysis');
    const r = cli('scenarios/baseline.json', '--analysis', '--samples', '200');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--analysis needs --json/);
  }, 120_000);
});
