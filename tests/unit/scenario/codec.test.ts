/**
 * Share links: every preset and random valid states survive encode → decode unchanged; unmodified presets give a
 * bare `#v2.<preset>`; the longest fully customised link stays under 1,000 characters; and over 100,000 fuzzed
 * inputs (random strings, mutated links, random bytes and random deflated JSON) each return a state or a typed
 * error, never an exception.
 */
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CODEC_VERSION,
  MAX_LINK_LENGTH,
  V1_PARAM_ORDER,
  decodeLink,
  encodeLink,
  migrations,
  payloadText,
  toBase64Url,
  fromBase64Url,
  type DecodeResult,
  crc32,
} from '../../../src/scenario/link';
import { V1_DICTIONARY_TEXT } from '../../../src/scenario/link/format';
import {
  COMPARE_MAX,
  LANGS,
  LinkStateSchema,
  VIEW_MODES,
  defaultLinkState,
  type LinkState,
} from '../../../src/scenario/link-state';
import { PRESETS, PRESET_IDS } from '../../../src/scenario/presets';
import { planParams } from '../../../src/model/plans';
import { planOf } from '../../../src/scenario/schema';
import {
  PARAM_IDS,
  PARAMS,
  TRAFFIC_FAMILIES,
  USERS_FAMILIES,
  type ParamDef,
  type ParamId,
} from '../../../src/model/registry';
import { OUTPUT_IDS } from '../../../src/model/indicators';
import { DATA_VERSION, MODEL_VERSION } from '../../../src/model/version';
import type { Scenario } from '../../../src/scenario/schema';

const utf8 = new TextEncoder();
const clean = (x: number) => Number(x.toPrecision(12));
const link = (preset: string, json: string | object) =>
  `#v1.${preset}.${toBase64Url(deflateSync(utf8.encode(typeof json === 'string' ? json : JSON.stringify(json)), { level: 9 }))}`;
/** A v2 link with a correct check over any JSON text (deflated with the v1 dictionary, as encodeLink does). */
const link2 = (preset: string, json: string | object) => {
  const d = deflateSync(utf8.encode(typeof json === 'string' ? json : JSON.stringify(json)), {
    level: 9,
    dictionary: utf8.encode(V1_DICTIONARY_TEXT),
  });
  const c = crc32(utf8.encode(preset), d);
  return `#v2.${preset}.${toBase64Url(new Uint8Array([...d, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]))}`;
};
const v0link = (json: string | object) =>
  `#v0=${toBase64Url(utf8.encode(typeof json === 'string' ? json : JSON.stringify(json)))}`;

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries of valid states.

const steps = (p: ParamDef) => Math.round((p.max - p.min) / p.step);
const onGrid = (p: ParamDef, k: number) => clean(p.min + k * p.step);

/** A value in the parameter's range: mostly on its step grid, sometimes any double. */
const valueArb = (p: ParamDef, positive = false) =>
  fc
    .oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max: steps(p) }).map((k) => onGrid(p, k)) },
      { weight: 1, arbitrary: fc.double({ min: p.min, max: p.max, noNaN: true }) },
    )
    .filter((v) => !positive || v > 0);

const distArb = (p: ParamDef, value: number) => {
  const v = valueArb(p);
  const width = p.max - p.min;
  const kinds = [
    fc.constant({ kind: 'fixed' as const }),
    fc.tuple(v, v).map(([a, b]) => ({ kind: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
    fc.tuple(v, v, fc.oneof(fc.constant(value), v)).map((xs) => {
      const [min, mode, max] = [...xs].sort((a, b) => a - b);
      return { kind: 'triangular' as const, min, mode, max };
    }),
    fc
      .tuple(
        fc.oneof(fc.constant(value), v),
        fc.integer({ min: 0, max: steps(p) }).map((k) => clean(k * p.step)),
      )
      .map(([mean, sd]) => ({ kind: 'normal' as const, mean, sd: Math.min(sd, width) })),
  ];
  if (p.max > 0) {
    kinds.push(
      fc
        .tuple(
          fc.oneof(value > 0 ? fc.constant(value) : valueArb(p, true), valueArb(p, true)),
          fc.oneof(
            fc.integer({ min: 0, max: 300 }).map((k) => clean(k * 0.01)),
            fc.double({ min: 0, max: 3, noNaN: true }),
          ),
        )
        .map(([median, sigma]) => ({ kind: 'lognormal' as const, median, sigma })) as never,
    );
  }
  return fc.oneof(...kinds);
};

const settingArb = (p: ParamDef) => valueArb(p).chain((value) => distArb(p, value).map((dist) => ({ value, dist })));

/** Text with CJK, markup, quotes, controls and any code point. */
const textUnit = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"',
    '\\',
    '\n',
    '\u0000',
    '&amp;',
    '扬帆',
    '5G用户普及率',
    '𝔘',
    '👩‍👩‍👧',
    '#v1.',
    '.',
  ),
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
);
const textArb = (maxParts: number) => fc.array(textUnit, { maxLength: maxParts }).map((a) => a.join(''));

const dayMs = 86_400_000;
const asOfArb = fc
  .integer({ min: 0, max: (Date.UTC(2023, 11, 31) - Date.UTC(2020, 11, 31)) / dayMs })
  .map((d) => new Date(Date.UTC(2020, 11, 31) + d * dayMs).toISOString().slice(0, 10));
const horizonArb = fc
  .integer({ min: 2023 * 12 + 11, max: 2030 * 12 + 11 })
  .map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
const seedArb = fc
  .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }))
  .map(([a, b]) => a * 65536 + b);
const nameArb = fc.oneof(
  fc.constantFrom(...PRESET_IDS),
  textArb(3).filter((s) => s.length >= 1),
);

const stateArb: fc.Arbitrary<LinkState> = fc
  .record({
    preset: fc.constantFrom(...PRESETS),
    ownPreset: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,40}$/) },
    ),
    title: fc.option(textArb(8)),
    notes: fc.option(textArb(150)),
    asOf: fc.option(asOfArb),
    horizon: fc.option(horizonArb),
    seed: fc.option(seedArb),
    samples: fc.option(fc.integer({ min: 100, max: 200_000 })),
    users: fc.constantFrom(...USERS_FAMILIES),
    traffic: fc.constantFrom(...TRAFFIC_FAMILIES),
    params: fc.record(
      Object.fromEntries(PARAM_IDS.map((id) => [id, fc.option(settingArb(PARAMS[id]), { freq: 2 })])) as Record<
        ParamId,
        fc.Arbitrary<Scenario['params'][ParamId] | null>
      >,
    ),
    lang: fc.constantFrom(...LANGS),
    mode: fc.constantFrom(...VIEW_MODES),
    indicator: fc.option(fc.constantFrom(...OUTPUT_IDS)),
    compare: fc.option(fc.array(nameArb, { maxLength: COMPARE_MAX })),
  })
  .map((r) => {
    const b = r.preset.scenario;
    const params = { ...b.params };
    for (const id of PARAM_IDS) if (r.params[id]) params[id] = r.params[id]!;
    const scenario: Scenario = {
      ...b,
      preset: r.ownPreset ?? b.preset,
      title: r.title ?? b.title,
      notes: r.notes ?? b.notes,
      asOf: r.asOf ?? b.asOf,
      horizon: r.horizon ?? b.horizon,
      seed: r.seed ?? b.seed,
      samples: r.samples ?? b.samples,
      families: { users: r.users, traffic: r.traffic },
      params,
    };
    return {
      scenario,
      lang: r.lang,
      view: { mode: r.mode, ...(r.indicator && { indicator: r.indicator }) },
      ...(r.compare && { compare: r.compare }),
    };
  });

// ---------------------------------------------------------------------------------------------------------------

describe('round trip', () => {
  it('an unmodified preset is just #v2.<id>, and decodes to the preset', () => {
    for (const p of PRESETS) {
      const state = { ...defaultLinkState(), scenario: p.scenario };
      const l = encodeLink(state);
      expect(l).toBe(`#v2.${p.id}`);
      const r = decodeLink(l);
      expect(r).toEqual({ ok: true, state, warnings: [] });
      expect(decodeLink(l + '.')).toEqual(r);
      expect(decodeLink(`https://example.org/yangfan/?x=1${l}`)).toEqual(r);
    }
    expect(encodeLink(defaultLinkState())).toBe('#v2.baseline');
    expect(CODEC_VERSION).toBe(2);
  });

  it('every preset, in every language and view', () => {
    for (const p of PRESETS)
      for (const lang of LANGS)
        for (const mode of VIEW_MODES) {
          const state: LinkState = {
            scenario: p.scenario,
            lang,
            view: { mode, indicator: 'traffic_share' },
            compare: ['baseline', '我的'],
          };
          const r = decodeLink(encodeLink(state));
          expect(r).toEqual({ ok: true, state, warnings: [] });
        }
  });

  it('a parameter diff carries only what changed', () => {
    const s = structuredClone(PRESETS[0].scenario);
    s.params.bassQ.value = 0.02;
    const l = encodeLink({ ...defaultLinkState(), scenario: s });
    expect(JSON.parse(payloadText(l)!)).toEqual({ k: '00001', p: [20], mv: MODEL_VERSION, dv: DATA_VERSION });
    s.params.bassQ.value = PRESETS[0].scenario.params.bassQ.value;
    s.params.ceiling.dist = { kind: 'uniform', min: 90, max: 110 };
    const l2 = encodeLink({ ...defaultLinkState(), scenario: s });
    expect(JSON.parse(payloadText(l2)!)).toEqual({ k: '007', p: [60, 80], mv: MODEL_VERSION, dv: DATA_VERSION });
    expect(decodeLink(l2)).toEqual({ ok: true, state: { ...defaultLinkState(), scenario: s }, warnings: [] });
  });

  it('random valid states (fast-check)', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(LinkStateSchema.safeParse(state).success).toBe(true);
        const l = encodeLink(state);
        expect(l.length).toBeLessThan(MAX_LINK_LENGTH);
        const r = decodeLink(l);
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        expect(r.state).toEqual(state);
        expect(r.warnings).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('the v1 parameter order covers the registry', () => {
    expect([...V1_PARAM_ORDER].sort()).toEqual([...PARAM_IDS].sort());
  });

  it('base64url round trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(fromBase64Url(toBase64Url(b))).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });
});

describe('link length', () => {
  const TITLE =
    '扬帆计划情景分析:如果运营商在二零二二年加快农村地区基站建设,同时终端价格持续下降,五G用户普及率和流量占比能否提前达标?'.slice(
      0,
      60,
    );
  const NOTES = (
    '这个情景假设三家基础电信企业在县城和乡镇继续大规模部署共建共享基站,并且中低端五G手机的价格在明年降到一千元以下。' +
    '我们参考了去年第四季度的运营商财报和工信部发布的月度统计数据,但工业企业渗透率仍然缺少可靠来源,所以把它的区间放得比较宽。' +
    '另外,物联网终端的增长主要取决于车联网和智能电表的部署进度,这两项都存在较大不确定性,需要在下个季度根据新数据重新校准所有假设,' +
    '并与行业专家讨论结果。请注意:本情景不代表任何官方预测。'
  ).slice(0, 200);

  /**
   * Every parameter the preset's plan reads changed to a triangular distribution at random points of its whole range
   * (the worst case; the other plan's parameters stay as they are).
   */
  function customised(seed: number, everything: boolean): LinkState[] {
    let x = seed;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    return PRESETS.map((preset) => {
      const s = structuredClone(preset.scenario);
      s.title = TITLE;
      s.notes = NOTES;
      for (const id of planParams(planOf(s))) {
        const p = PARAMS[id];
        const [a, b, c] = [0, 0, 0].map(() => Math.floor(rnd() * (steps(p) + 1))).sort((u, v) => u - v);
        s.params[id] = {
          value: onGrid(p, b),
          dist: { kind: 'triangular', min: onGrid(p, a), mode: onGrid(p, b), max: onGrid(p, c) },
        };
      }
      if (!everything) return { ...defaultLinkState(), scenario: s };
      Object.assign(s, { asOf: '2022-03-15', horizon: '2030-12', seed: 4294967295, samples: 123457 });
      s.families = { users: 'gompertz', traffic: 'logistic' };
      return {
        scenario: s,
        lang: 'en',
        view: { mode: 'compare', indicator: 'industrial_penetration' },
        compare: ['plan-ambition', 'cautious', '我的情景二'],
      };
    });
  }

  it('is short for presets and under 1,000 characters fully customised', () => {
    expect(TITLE).toHaveLength(60);
    expect(NOTES).toHaveLength(200);
    const plain = Math.max(...PRESETS.map((p) => encodeLink({ ...defaultLinkState(), scenario: p.scenario }).length));
    const en = encodeLink(defaultLinkState('en'));
    let longest = 0;
    let longestAll = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const st of customised(seed, false)) {
        const l = encodeLink(st);
        expect(decodeLink(l)).toEqual({ ok: true, state: st, warnings: [] });
        longest = Math.max(longest, l.length);
      }
      for (const st of customised(seed, true)) longestAll = Math.max(longestAll, encodeLink(st).length);
    }
    console.log(
      `link lengths: unmodified preset ≤ ${plain} (${JSON.stringify(en)} for baseline in English); ` +
        `every parameter triangular + 60-char Chinese title + 200-char Chinese notes: ${longest}; ` +
        `the same with every other field changed too: ${longestAll}`,
    );
    expect(plain).toBeLessThanOrEqual('#v2.plan-ambition'.length);
    expect(longest).toBeLessThan(1000);
    // With every other field changed too, the worst case sits near 1,000: the payload records the data version,
    // which the frozen dictionary cannot anticipate (it moves with each month of data), so the bound is 1 KiB.
    expect(longestAll).toBeLessThan(1024);
  });
});

describe('errors and warnings', () => {
  const code = (r: DecodeResult) => (r.ok ? 'ok' : r.error.code);

  it('refuses bad input with a typed error', () => {
    expect(code(decodeLink(''))).toBe('empty');
    expect(code(decodeLink('#'))).toBe('empty');
    expect(code(decodeLink('   '))).toBe('empty');
    expect(code(decodeLink(undefined as unknown as string))).toBe('empty');
    expect(code(decodeLink(42 as unknown as string))).toBe('empty');
    expect(code(decodeLink('#' + 'A'.repeat(MAX_LINK_LENGTH)))).toBe('too-long');
    expect(code(decodeLink('#hello'))).toBe('version');
    expect(code(decodeLink(`#v${CODEC_VERSION + 1}.baseline`))).toBe('version');
    expect(code(decodeLink('#v01.baseline'))).toBe('version');
    expect(code(decodeLink('#v99999999.baseline'))).toBe('version');
    expect(code(decodeLink('#v1'))).toBe('version');
    expect(code(decodeLink('#v0.baseline'))).toBe('version');
    expect(code(decodeLink('#v1.nope'))).toBe('preset');
    expect(code(decodeLink('#v1.Baseline'))).toBe('preset');
    expect(code(decodeLink('#v1..x'))).toBe('preset');
    expect(code(decodeLink('#v1.baseline.!!!'))).toBe('payload');
    expect(code(decodeLink('#v1.baseline.A'))).toBe('payload');
    expect(code(decodeLink('#v1.baseline.AAAA'))).toBe('payload');
    expect(code(decodeLink('#v1.baseline.' + toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0x80])))))).toBe(
      'payload',
    );
    // v2: the check comes first; a payload that is whole but wrong inside gets the same codes as in v1.
    expect(code(decodeLink('#v2.baseline.AAAA'))).toBe('payload');
    expect(code(decodeLink('#v2.baseline.AAAAAAAAAA'))).toBe('payload');
    expect(code(decodeLink(link2('baseline', { t: 'x' })))).toBe('ok');
    expect(code(decodeLink(link2('baseline', { t: 'x' }).replace('#v2.baseline', '#v2.cautious')))).toBe('payload');
    expect(code(decodeLink(link2('baseline', 'not json')))).toBe('json');
    expect(code(decodeLink(link2('baseline', { S: 5 })))).toBe('schema');
    expect(decodeLink(link2('cautious', 'not json'))).toMatchObject({
      ok: false,
      error: { message: expect.not.stringMatching(/not json/) },
    });
    // After `#v2`, anything malformed is damage to the link: a v2 link is either whole or refused as `payload`.
    expect(code(decodeLink('#v2'))).toBe('payload');
    expect(code(decodeLink('#v2.Baseline'))).toBe('payload');
    expect(code(decodeLink('#v2.nope'))).toBe('preset');
    expect(code(decodeLink('#v3.baseline'))).toBe('version');
    expect(code(decodeLink(link('baseline', 'not json')))).toBe('json');
    expect(code(decodeLink(link('baseline', '[1,2]')))).toBe('schema');
    expect(code(decodeLink(link('baseline', { S: 5 })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: '1', p: [1.5] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: '1', p: [] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: '1', p: [1, 2] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: 'z' })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: 'l', p: [1] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: '1', p: [1e12] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: '1', p: ['1e400'] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { k: '1', p: [100000] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { c: ['a', 'b', 'c', 'd'] })))).toBe('schema');
    expect(code(decodeLink(link('baseline', { p: new Array(10_000).fill(0) })))).toBe('json');
    const r = decodeLink(link('baseline', { S: 5 }));
    expect(!r.ok && r.error.message).toMatch(/samples/);
  });

  it('refuses decompression bombs', () => {
    const bomb = link('baseline', `{"t":"${' '.repeat(1_000_000)}"}`);
    expect(bomb.length).toBeLessThan(MAX_LINK_LENGTH);
    const r = decodeLink(bomb);
    expect(!r.ok && r.error).toMatchObject({ code: 'payload', message: expect.stringMatching(/too much/) });
  });

  it('refuses deep nesting and prototype keys without polluting anything', () => {
    expect(code(decodeLink(link('baseline', '['.repeat(5000) + ']'.repeat(5000))))).toBe('json');
    for (const json of [
      '{"__proto__":{"polluted":1},"t":"x"}',
      '{"f":{"constructor":{"prototype":{"polluted":1}}}}',
      '{"p":[{"__proto__":{"polluted":1}}]}',
    ]) {
      const r = decodeLink(link('baseline', json));
      expect(code(r)).toBe('json');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    const v0 = decodeLink(v0link('{"__proto__":{"polluted":1}}'));
    expect(code(v0)).toBe('json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('warns about links from other model or data versions and unknown fields', () => {
    const r = decodeLink(link('cautious', { t: '旧', mv: '0.9.0', dv: '2020-12', zz: 1 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.scenario.title).toBe('旧');
    expect(r.warnings).toEqual([
      { code: 'unknown-fields', keys: ['zz'] },
      { code: 'unverified', from: 1 },
      { code: 'old-model', made: '0.9.0' },
      { code: 'old-data', made: '2020-12' },
    ]);
    const cur = decodeLink(link('cautious', { t: '新', mv: MODEL_VERSION, dv: DATA_VERSION }));
    expect(cur.ok && cur.warnings).toEqual([{ code: 'unverified', from: 1 }]);
    // Unknown keys are printed by the app and the CLI: control characters (terminal escapes) are removed.
    const esc = decodeLink(link('cautious', { '\u001b[31mred\u0007': 1 }));
    expect(esc.ok && esc.warnings[0]).toEqual({ code: 'unknown-fields', keys: ['[31mred'] });
  });

  it('migrates a v0 link (old field names) and says so', () => {
    const legacy = { ...PRESETS[1].scenario, as_of: '2021-09-30', sampleCount: 2000, title: '旧链接' } as Record<
      string,
      unknown
    >;
    delete legacy.asOf;
    delete legacy.samples;
    const r = decodeLink(v0link(legacy));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state).toEqual({
      ...defaultLinkState(),
      scenario: { ...PRESETS[1].scenario, asOf: '2021-09-30', samples: 2000, title: '旧链接' },
    });
    expect(r.warnings).toEqual([
      { code: 'migrated', from: 0, renamed: ['as_of → asOf', 'sampleCount → samples'], defaulted: ['lang', 'view'] },
      { code: 'unstamped' },
      { code: 'unverified', from: 0 },
    ]);
    expect(migrations[0]({ as_of: '2021-01-31' })).toMatchObject({ scenario: { asOf: '2021-01-31' } });
    expect(code(decodeLink(v0link({ as_of: 'yesterday' })))).toBe('schema');
    expect(code(decodeLink(v0link('[]')))).toBe('schema');
    expect(code(decodeLink('#v0='))).toBe('payload');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Fuzz: every input returns ok or a typed error; none throws.

const CODES = new Set(['empty', 'version', 'preset', 'payload', 'json', 'schema', 'too-long']);
let fuzzed = 0;
const outcomes: Record<string, number> = {};

function mustNotThrow(input: string): void {
  fuzzed++;
  const r = decodeLink(input);
  const key = r.ok ? 'ok' : r.error.code;
  outcomes[key] = (outcomes[key] ?? 0) + 1;
  if (r.ok) {
    if (!LinkStateSchema.safeParse(r.state).success || !Array.isArray(r.warnings))
      throw new Error(`invalid state from ${input}`);
  } else if (!CODES.has(r.error.code) || typeof r.error.message !== 'string' || !r.error.message) {
    throw new Error(`untyped error from ${input}`);
  }
}

describe('fuzz (≥ 100,000 inputs)', () => {
  const seeds: string[] = [
    ...PRESETS.map((p) => `#v1.${p.id}`),
    ...PRESETS.map((p) => `#v2.${p.id}`),
    ...fc.sample(stateArb, { numRuns: 60, seed: 7 }).map(encodeLink),
    v0link({ ...PRESETS[0].scenario, as_of: '2021-07-31' }),
  ];
  const b64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const charArb = fc.oneof(
    fc.constantFrom(...b64chars, '.', '#', '=', 'v', '%', ' '),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );

  /** One mutation of a link. */
  const mutation = fc.oneof(
    fc.tuple(fc.nat(), fc.nat({ max: 63 })).map(([i, c]) => (s: string) => {
      const j = i % Math.max(1, s.length);
      return s.slice(0, j) + b64chars[c] + s.slice(j + 1); // flip a character
    }),
    fc.tuple(fc.nat(), charArb).map(([i, c]) => (s: string) => {
      const j = i % (s.length + 1);
      return s.slice(0, j) + c + s.slice(j); // insert
    }),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([i, n]) => (s: string) => {
      const j = i % Math.max(1, s.length);
      return s.slice(0, j) + s.slice(j + n); // delete
    }),
    fc.nat().map((i) => (s: string) => s.slice(0, i % (s.length + 1))), // truncate
    fc
      .constantFrom(...PRESET_IDS, 'nope', '', 'BASELINE')
      .map((id) => (s: string) => s.replace(/^#v(\d)\.[^.]*/, `#v$1.${id}`)), // swap preset
    fc.constantFrom('0', '1', '2', '9', '10', '01', '-1', '').map((v) => (s: string) => s.replace(/^#v\d+/, `#v${v}`)), // version
    fc.constantFrom('.', '=').map((sep) => (s: string) => s.replace(/^(#v\d+)[.=]/, `$1${sep}`)),
  );

  it('(a) arbitrary strings', () => {
    const prefixed = fc.tuple(
      fc.constantFrom(
        '',
        '#',
        '#v1.',
        '#v1.baseline.',
        '#v0=',
        '#v1.cautious.',
        'v1.baseline.',
        '#v2.baseline.',
        'v2.cautious.',
      ),
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.string({ maxLength: 120 }),
        fc.base64String({ maxLength: 200 }),
      ),
    );
    fc.assert(
      fc.property(prefixed, ([p, s]) => mustNotThrow(p + s)),
      { numRuns: 35_000 },
    );
  });

  it('(b) mutations of valid links', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (s, ms) =>
        mustNotThrow(ms.reduce((acc, m) => m(acc), s)),
      ),
      { numRuns: 35_000 },
    );
  });

  it('(c) base64url of random bytes and of deflated random JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESET_IDS), fc.uint8Array({ maxLength: 200 }), (id, b) => {
        mustNotThrow(`#v1.${id}.${toBase64Url(b)}`);
        mustNotThrow(`#v2.${id}.${toBase64Url(b)}`);
        mustNotThrow(`#v0=${toBase64Url(b)}`);
      }),
      { numRuns: 8_000 },
    );
    const diffLike = fc.record(
      {
        k: fc.oneof(fc.stringMatching(/^[0-9a-l]{0,40}$/), fc.string()),
        p: fc.array(
          fc.oneof(
            fc.integer({ min: -20000, max: 20000 }),
            fc.double(),
            fc.string({ maxLength: 8 }),
            fc.constant(null),
          ),
          {
            maxLength: 80,
          },
        ),
        t: fc.string({ unit: 'binary', maxLength: 30 }),
        a: fc.oneof(asOfArb, fc.string()),
        S: fc.oneof(fc.integer(), fc.double()),
        f: fc.record(
          { u: fc.constantFrom(...USERS_FAMILIES, 'x'), t: fc.constantFrom(...TRAFFIC_FAMILIES, 'x') },
          { requiredKeys: [] },
        ),
        l: fc.constantFrom(...LANGS, 'fr'),
        m: fc.constantFrom(...VIEW_MODES, 'x'),
        i: fc.constantFrom(...OUTPUT_IDS, 'x'),
        c: fc.array(fc.string({ maxLength: 90 }), { maxLength: 5 }),
        mv: fc.constantFrom(MODEL_VERSION, '0.1.0'),
        x: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...PRESET_IDS), fc.oneof(fc.jsonValue({ maxDepth: 4 }), diffLike), (id, v) => {
        const json = JSON.stringify(v) ?? 'null';
        mustNotThrow(link(id, json));
        mustNotThrow(link2(id, json));
        mustNotThrow(v0link(json));
      }),
      { numRuns: 8_000 },
    );
  });

  afterAll(() => {
    console.log(`codec fuzz: ${fuzzed} inputs, outcomes ${JSON.stringify(outcomes)}`);
    expect(fuzzed).toBeGreaterThanOrEqual(100_000);
  });
});
