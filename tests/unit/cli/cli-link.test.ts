/** The CLI runs the scenario of a share link, the same as the app would, and refuses a broken link with exit 2. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodeLink } from '../../../src/scenario/link';
import { isShareLink } from '../../../cli/format';
import { PRESETS } from '../../../src/scenario/presets';
import { runModel } from '../../../src/model';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/forecast.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('CLI with a share link', () => {
  it('tells links from file names', () => {
    expect(isShareLink('#v1.baseline')).toBe(true);
    expect(isShareLink('https://example.org/yangfan/#v1.cautious.abc')).toBe(true);
    expect(isShareLink('#v0=eyJ9')).toBe(true);
    expect(isShareLink('scenarios/baseline.json')).toBe(false);
    expect(isShareLink('my#file.json')).toBe(false);
  });

  it('runs the linked scenario: the same figures as the app model in process', () => {
    const base = PRESETS[0].scenario;
    const scenario = {
      ...base,
      samples: 500,
      params: { ...base.params, buildAnnual: { value: 700_000, dist: base.params.buildAnnual.dist } },
    };
    const link = encodeLink({ scenario, lang: 'en', view: { mode: 'notebook' } });
    const r = cli(`https://example.org/app/${link}`, '--json');
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { outputs: Record<string, { value: number; pMet: number }> };
    const expected = runModel(scenario);
    expect(json.outputs.base_stations_per_10k.value).toBe(expected.outputs.base_stations_per_10k.value);
    expect(json.outputs.base_stations_per_10k.pMet).toBe(expected.outputs.base_stations_per_10k.pMet);
  });

  it('refuses a broken link with exit code 2 and the link error', () => {
    const r = cli('#v1.baseline.@@@');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/share link cannot be read \(\w+\)/);
    expect(cli('#v9.whatever').status).toBe(2);
  });
});
