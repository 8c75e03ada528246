/**
 * Scenario files: export → import round trips, the shipped scenarios/*.json import as they are, exported files are
 * read by parseScenario (as the CLI does), bad files give typed errors, and thousands of fuzzed files never throw.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_NAME,
  IMPORT_MAX_BYTES,
  exportScenarioJson,
  importScenarioJson,
  importWarningMessage,
  type ImportResult,
  type ImportWarning,
} from '../../../src/scenario/file';
import { translator } from '../../../src/i18n';
import { PRESETS, REGISTRY_DEFAULTS, basisName, presetById } from '../../../src/scenario/presets';
import { parseScenario, type Scenario } from '../../../src/scenario/schema';
import { PARAM_IDS, PARAMS, type ParamId } from '../../../src/model/registry';
import { DATA_VERSION, MODEL_VERSION } from '../../../src/model/version';

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios');
const code = (r: ImportResult) => (r.ok ? 'ok' : r.error.code);
const clean = (x: number) => Number(x.toPrecision(12));

/** Random valid scenarios: a preset with some parameter values and text changed. */
const scenarioArb = fc
  .record({
    preset: fc.constantFrom(...PRESETS),
    title: fc.string({ unit: 'binary', maxLength: 60 }),
    notes: fc.string({ unit: 'binary', maxLength: 300 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    values: fc.array(fc.tuple(fc.constantFrom(...PARAM_IDS), fc.double({ min: 0, max: 1, noNaN: true })), {
      maxLength: 10,
    }),
  })
  .map(({ preset, title, notes, seed, values }): Scenario => {
    const s = structuredClone(preset.scenario);
    Object.assign(s, { title: title.slice(0, 200), notes, seed });
    for (const [id, u] of values) {
      const p = PARAMS[id];
      s.params[id] = {
        value: clean(p.min + Math.round((u * (p.max - p.min)) / p.step) * p.step),
        dist: { kind: 'fixed' },
      };
    }
    return s;
  });

describe('scenario files', () => {
  it('export → import round trips every preset, with the app name and versions', () => {
    for (const p of PRESETS) {
      const text = exportScenarioJson(p.scenario, { exportedAt: new Date('2024-05-01T00:00:00Z'), savedName: '我的' });
      expect(text).toContain('\n  "app": ');
      const doc = JSON.parse(text);
      expect(doc).toMatchObject({
        app: APP_NAME,
        modelVersion: MODEL_VERSION,
        dataVersion: DATA_VERSION,
        exportedAt: '2024-05-01T00:00:00.000Z',
      });
      const r = importScenarioJson(text);
      expect(r).toEqual({
        ok: true,
        scenario: p.scenario,
        basis: { kind: 'preset', id: p.id },
        warnings: [],
        meta: expect.objectContaining({ savedName: '我的' }),
      });
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

  it('warns about other model or data versions', () => {
    const doc = JSON.parse(exportScenarioJson(PRESETS[0].scenario));
    const r = importScenarioJson(JSON.stringify({ ...doc, modelVersion: '0.1.0', dataVersion: '2020-01' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([
      { code: 'old-model', made: '0.1.0' },
      { code: 'old-data', made: '2020-01' },
    ]);
    // Both languages render every warning code with every placeholder filled.
    for (const lang of ['en', 'zh-CN'] as const) {
      const t = translator(lang);
      for (const w of [...r.warnings, { code: 'renamed', fields: ['as_of → asOf'] } satisfies ImportWarning]) {
        const m = importWarningMessage(w, { mv: MODEL_VERSION, dv: DATA_VERSION });
        expect(t(m.key, m.params)).not.toMatch(/\{\w+\}/);
      }
    }
    expect(
      translator('en')(
        'importOldModel',
        importWarningMessage(r.warnings[0], { mv: MODEL_VERSION, dv: DATA_VERSION }).params,
      ),
    ).toBe(`It was made with model version 0.1.0; this is ${MODEL_VERSION}, so results may differ.`);
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

  it('never quotes the file in an error (a non-JSON file would leak its first characters)', () => {
    const secret = 'root:x:0:0:SECRET-TOKEN-123:/root:/bin/bash';
    for (const text of [secret, `{"title": "x", ${secret}}`, `{"notes": "${secret}`]) {
      const r = importScenarioJson(text);
      expect(code(r)).toBe('json');
      expect(JSON.stringify(r)).not.toMatch(/SECRET|root/);
      expect(!r.ok && r.error.message).toMatch(/^The file is not valid JSON( \(at character \d+\))?\.$/);
    }
  });
});

describe('strict scenario files', () => {
  const errors = (text: string) => {
    const r = importScenarioJson(text);
    if (r.ok) throw new Error('accepted');
    return r.error.errors ?? [r.error.message];
  };

  it('refuses unknown keys at every level, naming each and the known key it most likely meant', () => {
    expect(errors('{"params": {"bassq": {"value": 0.02}}}')).toEqual([
      'params.bassq: unknown parameter; did you mean bassQ?',
    ]);
    expect(errors('{"titel": "x", "sample": 500}')).toEqual([
      'titel: unknown field; did you mean title?',
      'sample: unknown field; did you mean samples?',
    ]);
    expect(errors('{"families": {"user": "logistic"}}')).toEqual(['families.user: unknown field; did you mean users?']);
    expect(errors('{"params": {"bassQ": {"valeu": 0.02}}}')).toEqual([
      'params.bassQ.valeu: unknown field; did you mean value?',
    ]);
    expect(
      errors('{"params": {"ceiling": {"dist": {"kind": "triangular", "min": 90, "mod": 100, "max": 110}}}}'),
    ).toEqual(['params.ceiling.dist.mod: not a field of a triangular distribution; did you mean mode?']);
    expect(errors('{"params": {"ceiling": {"dist": {"kind": "normal", "mean": 100, "sd": 5, "max": 110}}}}')).toEqual([
      'params.ceiling.dist.max: not a field of a normal distribution',
    ]);
    expect(errors('{"colour": "red"}')).toEqual(['colour: unknown field']);
    expect(errors('{"name": {"zh": "甲", "fr": "x"}}')).toEqual(['name.fr: unknown field']);
    // Every unknown key is named, not only the first; control characters in a key are removed before it is shown.
    const many = errors(
      '{"a1": 1, "params": {"zz": {}, "bassP": {"value": 0.02, "x": 1}}, "families": {"q": 1}, "\\u001b[2Jevil": 1}',
    );
    expect(many).toHaveLength(5);
    // eslint-disable-next-line no-control-regex -- control characters are what this checks for
    expect(many.join('\n')).not.toMatch(/\u001b/);
    expect(many).toContain('[2Jevil: unknown field');
    // The identifying fields of an exported file are known there, and only there.
    expect(errors('{"modelVersion": "1.1.0"}')).toEqual(['modelVersion: unknown field']);
  });

  it('migrates the keys of older versions, as links are', () => {
    const r = importScenarioJson('{"preset": "cautious", "as_of": "2021-09-30", "sampleCount": 2000}');
    expect(r.ok && r.scenario).toMatchObject({ asOf: '2021-09-30', samples: 2000, preset: 'cautious' });
    expect(r.ok && r.warnings).toEqual([{ code: 'renamed', fields: ['as_of → asOf', 'sampleCount → samples'] }]);
  });

  it("computes the preset a file names with the file's changes on top", () => {
    const cautious = presetById('cautious')!.scenario;
    const bare = importScenarioJson('{"preset": "cautious"}');
    expect(bare).toEqual({ ok: true, scenario: cautious, basis: { kind: 'preset', id: 'cautious' }, warnings: [] });
    const r = importScenarioJson(
      '{"preset": "cautious", "title": "审慎+", "params": {"bassQ": {"value": 0.01}, "ceiling": {"dist": {"kind": "fixed"}}}}',
    );
    if (!r.ok) throw new Error(r.error.message);
    // Exactly three fields differ from the preset: the title, bassQ's value (its uncertainty stays), ceiling's uncertainty.
    expect(r.scenario).toEqual({
      ...cautious,
      title: '审慎+',
      params: {
        ...cautious.params,
        bassQ: { value: 0.01, dist: cautious.params.bassQ.dist },
        ceiling: { value: cautious.params.ceiling.value, dist: { kind: 'fixed' } },
      },
    });
    expect(r.scenario.params.buildAnnual.value).toBe(500_000); // the preset's, not the registry's
  });

  it('names a file without a preset for what it is: the registry defaults', () => {
    const r = importScenarioJson('{"samples": 500}');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.basis).toEqual({ kind: 'registry-defaults' });
    expect(r.scenario.preset).toBe(REGISTRY_DEFAULTS);
    for (const id of PARAM_IDS)
      expect(r.scenario.params[id]).toEqual({ value: PARAMS[id].value, dist: { kind: 'fixed' } });
    expect(basisName(r.scenario.preset, 'en')).toBe('registry defaults');
    expect(basisName(r.scenario.preset, 'zh')).toBe('注册表默认值');
    expect(basisName('cautious', 'zh')).toBe(presetById('cautious')!.name.zh);
    // An exported registry-defaults scenario reads back the same.
    expect(importScenarioJson(exportScenarioJson(r.scenario))).toMatchObject({
      ok: true,
      scenario: r.scenario,
      basis: { kind: 'registry-defaults' },
    });
  });

  it('refuses unknown preset ids, as links do', () => {
    expect(errors('{"preset": "cautios"}')).toEqual([
      'preset: unknown preset "cautios"; did you mean cautious? (known: baseline, plan-ambition, cautious, vintage-2022, latest, upgrade-baseline, upgrade-faster, upgrade-slower; leave it out for the registry defaults)',
    ]);
    expect(code(importScenarioJson('{"preset": "nope"}'))).toBe('schema');
    expect(code(importScenarioJson('{"preset": 7}'))).toBe('schema');
  });
});

describe('the preset files are their presets', () => {
  // Figures stated in each preset's rationale (the prose a planner reads), checked against what the file computes:
  // independent of the JSON they are read from.
  const STATED: Record<string, Partial<Record<ParamId, number>>> = {
    baseline: { ceiling: 100, ratioDrift: 0.25 },
    'plan-ambition': { ratioDrift: 0.4, buildAnnual: 700_000, iotGrowth: 330, benchPerYear: 45 },
    cautious: { ceiling: 90, buildAnnual: 500_000, buildGrowth: -10 },
  };

  it.each(Object.keys(STATED))(
    'scenarios/%s.json imports as that preset, with the figures its rationale states',
    (id) => {
      const r = importScenarioJson(readFileSync(join(SCENARIOS, `${id}.json`), 'utf8'));
      if (!r.ok) throw new Error(r.error.message);
      expect(r.basis).toEqual({ kind: 'preset', id });
      expect(r.scenario).toEqual(presetById(id)!.scenario);
      for (const [pid, v] of Object.entries(STATED[id])) expect(r.scenario.params[pid as ParamId].value, pid).toBe(v);
      // Every assumption of a preset carries an uncertainty except those the rationale does not vary.
      expect(PARAM_IDS.filter((p) => r.scenario.params[p].dist.kind !== 'fixed').length).toBeGreaterThan(
        PARAM_IDS.length / 2,
      );
      expect({
        asOf: r.scenario.asOf,
        horizon: r.scenario.horizon,
        seed: r.scenario.seed,
        samples: r.scenario.samples,
      }).toEqual({
        asOf: '2021-07-31',
        horizon: '2025-12',
        seed: 20210705,
        samples: 10_000,
      });
    },
  );

  it('the presets differ where their rationales say they do', () => {
    const v = (id: string, p: ParamId) => presetById(id)!.scenario.params[p].value;
    expect(v('cautious', 'ceiling')).toBeLessThan(v('baseline', 'ceiling'));
    expect(v('baseline', 'ceiling')).toBeLessThan(v('plan-ambition', 'ceiling'));
    expect(v('cautious', 'iotDecay')).toBeGreaterThan(v('baseline', 'iotDecay'));
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
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 3 })), {
        minLength: 1,
        maxLength: 4,
      })
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
          params: fc.dictionary(
            fc.constantFrom(...PARAM_IDS, 'x'),
            fc.oneof(fc.jsonValue(), fc.record({ value: fc.double() })),
          ),
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
