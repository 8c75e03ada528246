/**
 * The scenario schema: defaults fill a complete scenario, every bad input is refused with the field named, and
 * parsing never throws, whatever it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMS, PARAM_IDS, type ParamId } from '../../../src/model/registry';
import {
  DEFAULT_AS_OF,
  DEFAULT_HORIZON,
  DEFAULT_SEED,
  defaultScenario,
  parseScenario,
  type Scenario,
} from '../../../src/scenario/schema';
import { PRESETS } from '../../../src/scenario/presets';

/** Parses and expects a refusal; returns the messages joined. */
function refused(input: unknown): string {
  const r = parseScenario(input);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(input)}`);
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors.join('\n');
}

const param = (id: ParamId, setting: unknown) => ({ params: { [id]: setting } });

describe('defaults', () => {
  it('fill a complete scenario from {}', () => {
    const r = parseScenario({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s).toEqual(defaultScenario());
    expect(s.version).toBe(1);
    expect(s.asOf).toBe(DEFAULT_AS_OF);
    expect(s.asOf).toBe('2021-07-31');
    expect(s.horizon).toBe(DEFAULT_HORIZON);
    expect(s.horizon).toBe('2025-12');
    expect(s.seed).toBe(DEFAULT_SEED);
    expect(Number.isInteger(s.samples) && s.samples >= 100).toBe(true);
    expect(s.families).toEqual({ users: 'bass', traffic: 'structural' });
    expect(Object.keys(s.params).sort()).toEqual([...PARAM_IDS].sort());
    for (const id of PARAM_IDS) expect(s.params[id]).toEqual({ value: PARAMS[id].value, dist: { kind: 'fixed' } });
  });

  it('fill the missing parts of a partial scenario', () => {
    const r = parseScenario({
      families: { users: 'gompertz' },
      params: { bassQ: { value: 0.1 }, ceiling: { dist: { kind: 'uniform', min: 90, max: 110 } } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.families).toEqual({ users: 'gompertz', traffic: 'structural' });
    expect(r.scenario.params.bassQ).toEqual({ value: 0.1, dist: { kind: 'fixed' } });
    expect(r.scenario.params.ceiling).toEqual({
      value: PARAMS.ceiling.value,
      dist: { kind: 'uniform', min: 90, max: 110 },
    });
  });

  it('every registry default lies within its range and on a sensible step', () => {
    for (const id of PARAM_IDS) {
      const p = PARAMS[id];
      expect(p.min, id).toBeLessThan(p.max);
      expect(p.value, id).toBeGreaterThanOrEqual(p.min);
      expect(p.value, id).toBeLessThanOrEqual(p.max);
      expect(p.step, id).toBeGreaterThan(0);
      expect(p.label.zh.length * p.label.en.length * p.help.zh.length * p.help.en.length, id).toBeGreaterThan(0);
    }
  });

  it('a parsed scenario parses again to itself', () => {
    for (const s of [defaultScenario(), ...PRESETS.map((p) => p.scenario)]) {
      const r = parseScenario(JSON.parse(JSON.stringify(s)));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.scenario).toEqual(s);
    }
  });
});

describe('bad input is refused with the field named', () => {
  it('a value out of range names the field and the allowed range', () => {
    const m = refused(param('bassQ', { value: 9 }));
    expect(m).toContain('params.bassQ.value');
    expect(m).toContain('0 to 0.4');
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a string', 'abc'],
    ['a numeric string', '0.1'],
    ['null', null],
    ['an object', {}],
  ])('%s as a value', (_, v) => {
    expect(refused(param('bassQ', { value: v }))).toContain('params.bassQ.value');
    expect(refused(param('ceiling', { value: v }))).toContain('params.ceiling.value');
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['abc', 'abc'],
  ])('%s inside a distribution', (_, v) => {
    expect(refused(param('ceiling', { dist: { kind: 'uniform', min: v, max: 100 } }))).toContain('params.ceiling.dist');
    expect(refused(param('ceiling', { dist: { kind: 'normal', mean: 100, sd: v } }))).toContain('params.ceiling.dist');
    expect(refused(param('ceiling', { dist: { kind: 'lognormal', median: v, sigma: 0.1 } }))).toContain(
      'params.ceiling.dist',
    );
  });

  it('uniform with min > max', () => {
    expect(refused(param('ceiling', { dist: { kind: 'uniform', min: 120, max: 80 } }))).toContain(
      'params.ceiling.dist',
    );
  });

  it('triangular with the mode outside [min, max]', () => {
    expect(refused(param('ceiling', { dist: { kind: 'triangular', min: 80, mode: 130, max: 120 } }))).toContain(
      'params.ceiling.dist',
    );
    expect(refused(param('ceiling', { dist: { kind: 'triangular', min: 80, mode: 70, max: 120 } }))).toContain(
      'params.ceiling.dist',
    );
  });

  it('distribution bounds outside the allowed range', () => {
    expect(refused(param('bassQ', { dist: { kind: 'uniform', min: 0, max: 0.5 } }))).toContain('params.bassQ.dist');
    expect(refused(param('bassQ', { dist: { kind: 'normal', mean: 0.1, sd: -1 } }))).toContain('params.bassQ.dist');
    expect(refused(param('bassQ', { dist: { kind: 'lognormal', median: 0, sigma: 0.5 } }))).toContain(
      'params.bassQ.dist',
    );
    expect(refused(param('bassQ', { dist: { kind: 'lognormal', median: 0.1, sigma: 4 } }))).toContain(
      'params.bassQ.dist',
    );
  });

  it('an unknown distribution kind', () => {
    expect(refused(param('ceiling', { dist: { kind: 'cauchy', loc: 100, scale: 1 } }))).toContain(
      'params.ceiling.dist',
    );
    expect(refused(param('ceiling', { dist: {} }))).toContain('params.ceiling.dist');
  });

  it.each(['2021-02-30', '2021-13-01', '2021-7-31', '31/07/2021', '2021-07-31T00:00:00Z', '', 'abc'])(
    'asOf %j',
    (asOf) => {
      expect(refused({ asOf })).toContain('asOf');
    },
  );

  // The latest as-of is the day the latest figures in data/ became known (2024-11-30 with the shipped files).
  it.each(['2020-12-30', '2019-06-30', '2024-12-01'])('asOf %s outside [2020-12-31, 2024-11-30]', (asOf) => {
    expect(refused({ asOf })).toContain('asOf');
  });

  it('asOf at both ends of its range is accepted', () => {
    expect(parseScenario({ asOf: '2020-12-31' }).ok).toBe(true);
    expect(parseScenario({ asOf: '2024-11-30' }).ok).toBe(true);
    expect(parseScenario({ asOf: '2024-12-01' }).ok).toBe(false);
  });

  it.each(['2023-13', '2023-00', '2023-11', '2031-01', '2025', '2025-12-31', 2025])('horizon %j', (horizon) => {
    expect(refused({ horizon })).toContain('horizon');
  });

  it.each([50, 99, 200_001, 1000.5, NaN, '1000'])('samples %j', (samples) => {
    expect(refused({ samples })).toContain('samples');
  });

  it.each([1.5, -1, 2 ** 32, NaN, '1'])('seed %j', (seed) => {
    expect(refused({ seed })).toContain('seed');
  });

  it('unknown families', () => {
    expect(refused({ families: { users: 'weibull' } })).toContain('families.users');
    expect(refused({ families: { traffic: 'bass' } })).toContain('families.traffic');
  });

  it('several bad fields are all named', () => {
    const m = refused({ seed: 1.5, asOf: '2021-02-30', params: { bassQ: { value: 9 }, ceiling: { value: 'x' } } });
    for (const f of ['seed', 'asOf', 'params.bassQ.value', 'params.ceiling.value']) expect(m).toContain(f);
  });

  it.each([null, undefined, 42, 'scenario', [], true])('a non-object scenario %j', (x) => {
    refused(x);
  });
});

describe('parseScenario never throws', () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });

  /** A parsed scenario is complete and within every range. */
  function wellFormed(s: Scenario): void {
    expect(s.asOf >= '2020-12-31' && s.asOf <= '2024-11-30').toBe(true);
    expect(s.horizon >= '2023-12' && s.horizon <= '2030-12').toBe(true);
    expect(Number.isInteger(s.seed)).toBe(true);
    for (const id of PARAM_IDS) {
      const { value, dist } = s.params[id];
      expect(Number.isFinite(value) && value >= PARAMS[id].min && value <= PARAMS[id].max).toBe(true);
      expect(['fixed', 'uniform', 'triangular', 'normal', 'lognormal']).toContain(dist.kind);
    }
  }

  it('for anything at all', () => {
    fc.assert(
      fc.property(anything, (x) => {
        const r = parseScenario(x);
        if (r.ok) wellFormed(r.scenario);
        else for (const e of r.errors) expect(typeof e).toBe('string');
      }),
      { numRuns: 600 },
    );
  });

  it('for objects shaped like scenarios, with anything in their fields', () => {
    const paramArb = fc.dictionary(
      fc.constantFrom(...PARAM_IDS, 'bogus'),
      fc.record({ value: anything, dist: anything }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            asOf: anything,
            horizon: anything,
            seed: anything,
            samples: anything,
            families: anything,
            params: fc.oneof(paramArb, anything),
          },
          { requiredKeys: [] },
        ),
        (x) => {
          const r = parseScenario(x);
          if (r.ok) wellFormed(r.scenario);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('for mutations of valid scenarios', () => {
    const valid = [defaultScenario(), ...PRESETS.map((p) => p.scenario)];
    /** Every path into an object, leaves and branches. */
    const plain = (o: unknown): o is object =>
      !!o && typeof o === 'object' && (Array.isArray(o) || [Object.prototype, null].includes(Object.getPrototypeOf(o)));
    const pathsOf = (o: unknown, prefix: string[] = []): string[][] =>
      plain(o) ? Object.entries(o).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]) : [];
    const mutation = fc.record({
      base: fc.constantFrom(...valid),
      at: fc.nat(),
      value: fc.oneof(anything, fc.double(), fc.constant(undefined)),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const x = structuredClone(ms[0].base) as Record<string, unknown>;
        for (const m of ms) {
          const paths = pathsOf(x);
          if (paths.length === 0) break;
          const path = paths[m.at % paths.length];
          let o = x as Record<string, unknown>;
          for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
          if (m.remove) delete o[path[path.length - 1]];
          else o[path[path.length - 1]] = m.value;
        }
        const r = parseScenario(x);
        if (r.ok) wellFormed(r.scenario);
        else for (const e of r.errors) expect(e).toMatch(/\S/);
      }),
      { numRuns: 600 },
    );
  });
});
