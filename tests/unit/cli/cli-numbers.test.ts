/** The CLI reads typed numbers with the app's parser: grouped, 万, full-width and scientific forms; a decimal comma is refused. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseArgs, withOverrides, USAGE } from '../../../cli/format';
import { parseScenario } from '../../../src/scenario/schema';

function samplesOf(text: string): number | string {
  const a = parseArgs(['scenarios/baseline.json', '--samples', text]);
  if (a.kind !== 'run') return a.kind === 'error' ? a.message : a.kind;
  const r = parseScenario(withOverrides({}, a.options));
  return r.ok ? r.scenario.samples : r.errors.join(' ');
}

describe('CLI typed numbers', () => {
  it('reads --samples written with grouping, 万, full-width digits and an exponent', () => {
    for (const text of ['10,000', '10 000', '1万', '１００００', '1e4', '10000'])
      expect(samplesOf(text), text).toBe(10000);
  });

  it('refuses a decimal comma and a number with leftovers, saying what it understood', () => {
    expect(samplesOf('1,5')).toMatch(/^--samples 1,5: samples must be a whole number\. “1,5”: .*decimal comma/);
    expect(samplesOf('500abc')).toMatch(/only “500” was understood/);
    expect(samplesOf('2.5')).toMatch(/Read as 2\.5: a whole number is needed/);
  });

  it('names the accepted formats in its help', () => {
    expect(USAGE).toMatch(/10,000 or 10 000/);
    expect(USAGE).toMatch(/1万/);
    expect(USAGE).toMatch(/decimal comma \(1,5\) is refused/);
  });

  it('runs for real with --samples 1,000 as one thousand samples', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'cli/forecast.ts', 'scenarios/baseline.json', '--samples', '1,000'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1,000 samples');
  });
});
