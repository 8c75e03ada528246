/**
 * The shipped presets: every file in scenarios/ (read from disk, so a new preset is covered without editing this
 * test) parses, is named and argued in both languages, runs, and the three main presets are ordered sensibly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../../src/model/monte-carlo';
import { type OutputId } from '../../../src/model/indicators';
import { ALL_PRESETS, PRESETS, parsePreset, type Preset } from '../../../src/scenario/presets';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const load = (f: string): Preset => parsePreset(JSON.parse(readFileSync(dir + f, 'utf8')));

describe('preset files', () => {
  it('there are presets, and each file is shipped in ALL_PRESETS under its own id', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    const ids = files.map((f) => load(f).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ALL_PRESETS.map((p) => p.id).sort());
    for (const f of files) expect(load(f).id).toBe(f.replace(/\.json$/, ''));
  });

  it.each(files)('%s parses, with a name and rationale in Chinese and English', (f) => {
    const p = load(f);
    for (const t of [p.name, p.rationale]) {
      expect(t.zh.trim().length).toBeGreaterThan(0);
      expect(t.en.trim().length).toBeGreaterThan(0);
    }
    expect(p.rationale.en.length).toBeGreaterThan(p.name.en.length);
    // The shipped preset is the same as the file.
    expect(ALL_PRESETS.find((x) => x.id === p.id)?.scenario).toEqual(p.scenario);
  });

  it.each(files)('%s runs at 1,000 samples with every output finite', (f) => {
    const r = runModel(load(f).scenario, 1000);
    expect(Number.isFinite(r.pAllMet)).toBe(true);
    for (const id of r.ids) {
      const o = r.outputs[id];
      for (const arr of [o.central, o.bands, o.crossingCdf, o.deadlineSamples]) {
        for (const x of arr) if (!Number.isFinite(x)) throw new Error(`${f} ${id}: ${x}`);
      }
      expect(Number.isFinite(o.value) && Number.isFinite(o.pMet) && Number.isFinite(o.verdict.margin)).toBe(true);
    }
  });
});

describe('the presets are ordered sensibly', () => {
  const value = (id: string, out: OutputId) => {
    const p = PRESETS.find((x) => x.id === id);
    if (!p) throw new Error(`no preset ${id}`);
    return runModel(p.scenario, 100).outputs[out].value;
  };

  it.each(['users', 'traffic_share', 'base_stations_per_10k'] as const)(
    '%s at 2023-12: cautious < baseline < plan-ambition',
    (out) => {
      const c = value('cautious', out);
      const b = value('baseline', out);
      const a = value('plan-ambition', out);
      expect(c).toBeLessThan(b);
      expect(b).toBeLessThan(a);
    },
  );
});
