/**
 * Scenario files: export → import round trips, the shipped scenarios/*.json import as they are, exported files are
 * read by parseScenario (as the CLI does), bad files give typed errors, and thousands of fuzzed files never throw.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_NAME, IMPORT_MAX_BYTES, exportScenarioJson, importScenarioJson, type ImportResult } from '../../src/scenario/file';
import { PRESETS, presetById } from '../../src/scenario/presets';
import { parseScenario, type Scenario } from '../../src/scenario/schema';
import { PARAM_IDS, PARAMS } from '../../src/model/registry';
import { DATA_VERSION, MODEL_VERSION } from '../../src/model/version';

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
const code = (r: ImportResult) => (r.ok ? 'ok' : r.error.code);
const clean = (x: number) => Number(x.toPrecision(12));

/** Random valid scenarios: a preset with some parameter values and text changed. */
const scenarioArb = fc
  .record({
    preset: fc.constantFrom(...PRESETS),
    title: fc.string({ unit: 'binary', maxLength: 60 }),
    notes: fc.string({ unit: 'binary', maxLength: 300 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    values: fc.array(fc.tuple(fc.constantFrom(...PARAM_IDS), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 10 }),
  })
  .map(({ preset, title, notes, seed, values }): Scenario => {
    const s = structuredClone(preset.scenario);
    Object.assign(s, { title: title.slice(0, 200), notes, seed });
    for (const [id, u] of values) {
      const p = PARAMS[id];
      s.params[id] = { value: clean(p.min + Math.round((u * (p.max - p.min)) / p.step) * p.step), dist: { kind: 'fixed' } };
    }
    return s;
  });

describe('scenario files', () => {
  it('export → import round trips every preset, with the app name and versions', () => {
    for (const p of PRESETS) {
      const text = exportScenarioJson(p.scenario, { exportedAt: new Date('2024-05-01T00:00:00Z'), savedName: '我的' });
      expect(text).toContain('\n  "app": ');
      const doc = JSON.parse(text);
      expect(doc).toMatchObject({ app: APP_NAME, modelVersion: MODEL_VERSION, dataVersion: DATA_VERSION, exportedAt: '2024-05-01T00:00:00.000Z' });
      const r = importScenarioJson(text);
      expect(r).toEqual({ ok: true, scenario: p.scenario, warnings: [], meta: expect.objectContaining({ savedName: '我的' }) });
      // The CLI reads an exported file as a plain scenario file.
      expect(parseScenario(doc)).toEqual({ ok: true, scenario: p.scenario });
    }
  });

  it('round trips random scenarios (fast-check)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(importScenarioJson(exportScenarioJson(s))).toMatchObject({ ok: true, scenario: s, warnings: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('imports the shipped scenario files and plain partial scenarios', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const text = readFileSync(join(SCENARIOS, f), 'utf8');
      const r = importScenarioJson(text);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.scenario).toEqual(presetById(r.scenario.preset)!.scenario);
      expect(r.warnings).toEqual([]);
    }
    const partial = importScenarioJson('\uFEFF{"samples": 2000, "params": {"bassQ": {"value": 0.05}}}');
    expect(partial.ok && partial.scenario.samples).toBe(2000);
    expect(partial.ok && partial.scenario.params.bassQ.value).toBe(0.05);
  });

  it('warns about other model or data versions and unknown fields', () => {
    const doc = JSON.parse(exportScenarioJson(PRESETS[0].scenario));
    const r = importScenarioJson(JSON.stringify({ ...doc, modelVersion: '0.1.0', dataVersion: '2020-01', colour: 'red' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.join(' ')).toMatch(/model version 0\.1\.0.*data of 2020-01.*unknown fields: colour/);
  });

  it('refuses bad files with typed errors', () => {
    expect(code(importScenarioJson(''))).toBe('empty');
    expect(code(importScenarioJson('  \n'))).toBe('empty');
    expect(code(importScenarioJson(undefined as unknown as string))).toBe('empty');
    expect(code(importScenarioJson(' '.repeat(IMPORT_MAX_BYTES + 1)))).toBe('too-large');
    expect(code(importScenarioJson(`{"notes":"${'注'.repeat(400_000)}"}`))).toBe('too-large');
    expect(code(importScenarioJson('{"samples": 2000,'))).toBe('json');
    expect(code(importScenarioJson('[1, 2]'))).toBe('not-object');
    expect(code(importScenarioJson('null'))).toBe('not-object');
    expect(code(importScenarioJson('7'))).toBe('not-object');
    expect(code(importScenarioJson('{"app":"Other","format":"other"}'))).toBe('not-object');
    const newer = JSON.parse(exportScenarioJson(PRESETS[0].scenario));
    expect(code(importScenarioJson(JSON.stringify({ ...newer, formatVersion: 2 })))).toBe('version');
    expect(code(importScenarioJson(JSON.stringify({ ...newer, formatVersion: 'one' })))).toBe('schema');
    const bad = importScenarioJson('{"samples": 5, "params": {"bassQ": {"value": 9}}}');
    expect(bad).toMatchObject({ ok: false, error: { code: 'schema' } });
    expect(!bad.ok && bad.error.errors!.join('\n')).toMatch(/samples[\s\S]*params\.bassQ\.value/);
    expect(code(importScenarioJson('['.repeat(100_000) + ']'.repeat(100_000)))).toBe('json');
  });

  it('refuses prototype keys without polluting anything', () => {
    for (const text of [
      '{"__proto__": {"polluted": 1}}',
      '{"params": {"constructor": {"prototype": {"polluted": 1}}}}',
      '{"families": {"__proto__": {"users": "logistic"}}}',
    ]) {
      expect(code(importScenarioJson(text))).toBe('json');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('never throws on fuzzed files (fast-check)', () => {
    const exported = exportScenarioJson(PRESETS[1].scenario);
    const mutated = fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 })
      .map((ms) =>
        ms.reduce((t, [i, n, ins]) => {
          const j = i % (t.length + 1);
          return t.slice(0, j) + ins + t.slice(j + n);
        }, exported),
      );
    const anything = fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }).map((v) => {
      try {
        return JSON.stringify(v) ?? String(v);
      } catch {
        return String(v);
      }
    });
    const scenarioLike = fc
      .record(
        {
          version: fc.oneof(fc.constant(1), fc.jsonValue()),
          samples: fc.oneof(fc.integer(), fc.double(), fc.string()),
          asOf: fc.oneof(fc.constant('2021-07-31'), fc.string()),
          families: fc.oneof(fc.record({ users: fc.string(), traffic: fc.string() }), fc.jsonValue()),
          params: fc.dictionary(fc.constantFrom(...PARAM_IDS, 'x'), fc.oneof(fc.jsonValue(), fc.record({ value: fc.double() }))),
          format: fc.constantFrom('yangfan-scenario', undefined),
          formatVersion: fc.oneof(fc.constant(1), fc.jsonValue()),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v));
    let n = 0;
    fc.assert(
      fc.property(fc.oneof(mutated, anything, scenarioLike, fc.string({ unit: 'binary' })), (text) => {
        n++;
        const r = importScenarioJson(text);
        if (r.ok) expect(parseScenario(r.scenario).ok).toBe(true);
        else expect(['empty', 'too-large', 'json', 'not-object', 'version', 'schema']).toContain(r.error.code);
      }),
      { numRuns: 6000 },
    );
    expect(n).toBe(6000);
  });
});
