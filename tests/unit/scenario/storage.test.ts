/**
 * Saved scenarios: save / rename / delete, damaged values moved aside (never silently overwritten) with the good
 * items kept, quota and access errors reported, the v0 format migrated, and thousands of fuzzed stored values read
 * without an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CORRUPT_KEY_PREFIX,
  LEGACY_SAVED_KEY,
  SAVED_KEY,
  deleteSaved,
  loadSaved,
  renameSaved,
  saveScenario,
  type StorageLike,
} from '../../../src/scenario/storage';
import { LinkStateSchema, defaultLinkState, type LinkState } from '../../../src/scenario/link-state';
import { PRESETS } from '../../../src/scenario/presets';

/** An in-memory Storage with an optional size limit (in characters) and injectable failures. */
class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  failGet = false;
  failSet: 'quota' | 'other' | undefined;
  constructor(readonly limit = Infinity) {}
  getItem(key: string): string | null {
    if (this.failGet) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.map.has(key) ? this.map.get(key)! : null;
  }
  setItem(key: string, value: string): void {
    if (this.failSet === 'other') throw new Error('disk on fire');
    const used = [...this.map].reduce((n, [k, v]) => (k === key ? n : n + k.length + v.length), 0);
    if (this.failSet === 'quota' || used + key.length + value.length > this.limit)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  backups(): string[] {
    return [...this.map.keys()].filter((k) => k.startsWith(CORRUPT_KEY_PREFIX)).sort();
  }
}

const T0 = new Date('2024-05-01T12:00:00.000Z');
const clock = (d = T0) => ({ now: () => d });
const stateOf = (i: number, lang: 'zh-CN' | 'en' = 'zh-CN'): LinkState => ({
  ...defaultLinkState(lang),
  scenario: { ...PRESETS[i % PRESETS.length].scenario, title: `情景 ${i}` },
});
const item = (name: string, state = stateOf(0), savedAt = T0.toISOString()) => ({ name, savedAt, state });

describe('saved scenarios', () => {
  it('starts empty, saves, replaces, renames and deletes', () => {
    const s = new MemoryStorage();
    expect(loadSaved(s)).toEqual({ items: [] });
    const a = saveScenario(s, '  我的情景  ', stateOf(1), clock());
    expect(a).toEqual({ ok: true, items: [item('我的情景', stateOf(1))] });
    expect(JSON.parse(s.map.get(SAVED_KEY)!)).toEqual({ version: 1, items: [item('我的情景', stateOf(1))] });
    const later = new Date('2024-05-02T08:00:00.000Z');
    saveScenario(s, 'second', stateOf(2, 'en'), clock(later));
    saveScenario(s, '我的情景', stateOf(0), clock(later));
    expect(loadSaved(s).items).toEqual([
      item('我的情景', stateOf(0), later.toISOString()),
      item('second', stateOf(2, 'en'), later.toISOString()),
    ]);
    expect(renameSaved(s, 'second', '第二').ok).toBe(true);
    expect(renameSaved(s, '第二', '我的情景')).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(renameSaved(s, 'nope', 'x')).toMatchObject({ ok: false, error: { code: 'missing' } });
    expect(renameSaved(s, '第二', '   ')).toMatchObject({ ok: false, error: { code: 'name' } });
    expect(loadSaved(s).items.map((x) => x.name)).toEqual(['我的情景', '第二']);
    expect(deleteSaved(s, '我的情景').ok).toBe(true);
    expect(deleteSaved(s, '我的情景')).toMatchObject({ ok: false, error: { code: 'missing' } });
    expect(loadSaved(s).items.map((x) => x.name)).toEqual(['第二']);
    expect(s.backups()).toEqual([]);
  });

  it('refuses bad names and invalid states', () => {
    const s = new MemoryStorage();
    for (const name of ['', '   ', 'x'.repeat(81), 42 as unknown as string])
      expect(saveScenario(s, name, stateOf(0))).toMatchObject({ ok: false, error: { code: 'name' } });
    const bad = { ...stateOf(0), scenario: { ...stateOf(0).scenario, samples: 5 } };
    expect(saveScenario(s, 'x', bad)).toMatchObject({ ok: false, error: { code: 'state' } });
    expect(s.map.size).toBe(0);
  });

  it('moves a value that is not JSON aside and starts afresh', () => {
    const s = new MemoryStorage();
    s.map.set(SAVED_KEY, '{"version":1,"items":[');
    const r = loadSaved(s, clock());
    expect(r.items).toEqual([]);
    expect(r.error).toMatchObject({ code: 'corrupt', backupKey: `${CORRUPT_KEY_PREFIX}${T0.toISOString()}` });
    expect(s.map.get(r.error!.backupKey!)).toBe('{"version":1,"items":[');
    expect(JSON.parse(s.map.get(SAVED_KEY)!)).toEqual({ version: 1, items: [] });
    expect(loadSaved(s)).toEqual({ items: [] });
  });

  it('moves a value of the wrong shape aside', () => {
    for (const raw of [
      '42',
      'null',
      '"text"',
      '{"items":[]}',
      '{"version":1,"items":{}}',
      '{"version":0,"items":[]}',
      '{"version":"1"}',
    ]) {
      const s = new MemoryStorage();
      s.map.set(SAVED_KEY, raw);
      const r = loadSaved(s, clock());
      expect(r.error?.code, raw).toBe('corrupt');
      expect(s.map.get(r.error!.backupKey!)).toBe(raw);
    }
  });

  it('keeps the good items when one is bad, and reports the bad one', () => {
    const s = new MemoryStorage();
    const good = [item('a', stateOf(0)), item('b', stateOf(1))];
    const raw = JSON.stringify({
      version: 1,
      items: [good[0], { name: 'broken', savedAt: 'yesterday', state: stateOf(2) }, good[1], item('a', stateOf(2)), 17],
    });
    s.map.set(SAVED_KEY, raw);
    const r = loadSaved(s, clock());
    expect(r.items).toEqual(good);
    expect(r.error?.code).toBe('corrupt');
    expect(r.error?.dropped?.map((d) => [d.index, d.name])).toEqual([
      [1, 'broken'],
      [3, 'a'],
      [4, undefined],
    ]);
    expect(r.error?.dropped?.[0].reason).toMatch(/savedAt/);
    expect(s.map.get(r.error!.backupKey!)).toBe(raw);
    expect(loadSaved(s)).toEqual({ items: good });
  });

  it('gives each backup its own key', () => {
    const s = new MemoryStorage();
    for (let i = 0; i < 3; i++) {
      s.map.set(SAVED_KEY, `bad ${i}`);
      loadSaved(s, clock());
    }
    expect(s.backups().map((k) => s.map.get(k))).toEqual(['bad 0', 'bad 1', 'bad 2']);
  });

  it('leaves a damaged value alone when it cannot be backed up, and refuses changes', () => {
    const s = new MemoryStorage(60);
    const raw = '{"version":1,"items":[{"name":"x"}]}';
    s.map.set(SAVED_KEY, raw);
    const r = loadSaved(s, clock());
    expect(r.error).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/could not be backed up/) });
    expect(r.error?.backupKey).toBeUndefined();
    expect(s.map.get(SAVED_KEY)).toBe(raw);
    expect(saveScenario(s, 'y', stateOf(0))).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(s.map.get(SAVED_KEY)).toBe(raw);
  });

  it('leaves a value from a newer release alone', () => {
    const s = new MemoryStorage();
    const raw = JSON.stringify({ version: 2, things: [] });
    s.map.set(SAVED_KEY, raw);
    expect(loadSaved(s).error?.code).toBe('newer');
    expect(saveScenario(s, 'x', stateOf(0))).toMatchObject({ ok: false, error: { code: 'newer' } });
    expect(deleteSaved(s, 'x')).toMatchObject({ ok: false, error: { code: 'newer' } });
    expect(s.map.get(SAVED_KEY)).toBe(raw);
    expect(s.backups()).toEqual([]);
  });

  it('reports quota and other write errors, keeping what was stored', () => {
    const s = new MemoryStorage();
    saveScenario(s, 'a', stateOf(0), clock());
    const before = s.map.get(SAVED_KEY);
    s.failSet = 'quota';
    const r = saveScenario(s, 'b', stateOf(1));
    expect(r).toMatchObject({ ok: false, error: { code: 'quota', message: expect.stringMatching(/full/) } });
    expect(r.items.map((x) => x.name)).toEqual(['a']);
    expect(s.map.get(SAVED_KEY)).toBe(before);
    s.failSet = 'other';
    expect(renameSaved(s, 'a', 'c')).toMatchObject({ ok: false, error: { code: 'write' } });
    s.failSet = undefined;
    const small = new MemoryStorage(3000);
    const big = { ...stateOf(0), scenario: { ...stateOf(0).scenario, notes: '注'.repeat(4000) } };
    expect(saveScenario(small, 'big', big)).toMatchObject({ ok: false, error: { code: 'quota' } });
  });

  it('reports storage that cannot be read, without throwing', () => {
    const s = new MemoryStorage();
    s.failGet = true;
    expect(loadSaved(s)).toMatchObject({ items: [], error: { code: 'unavailable' } });
    expect(saveScenario(s, 'x', stateOf(0))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const hostile = {
      getItem: () => {
        throw 'not even an Error';
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(loadSaved(hostile).error?.code).toBe('unavailable');
    expect(loadSaved(null as unknown as StorageLike).error?.code).toBe('unavailable');
  });

  it('migrates v0 (a plain array of { name, scenario })', () => {
    const s = new MemoryStorage();
    const v0 = [
      { name: '旧的一', scenario: PRESETS[1].scenario },
      { name: 'old two', scenario: { preset: 'cautious', samples: 2000 } },
    ];
    s.map.set(LEGACY_SAVED_KEY, JSON.stringify(v0));
    const r = loadSaved(s, clock());
    expect(r.error).toBeUndefined();
    expect(r.migrated).toEqual({ from: 0, count: 2 });
    expect(r.items[0]).toEqual(item('旧的一', { ...defaultLinkState(), scenario: PRESETS[1].scenario }));
    expect(r.items[1].state.scenario).toMatchObject({ preset: 'cautious', samples: 2000 });
    expect(s.map.has(LEGACY_SAVED_KEY)).toBe(false);
    expect(loadSaved(s)).toEqual({ items: r.items });
  });

  it('migrates v0 keeping good items, backing up the original, and survives a full storage', () => {
    const s = new MemoryStorage();
    const raw = JSON.stringify([
      { name: 'ok', scenario: {} },
      { name: 'bad', scenario: { samples: -1 } },
      { scenario: {} },
    ]);
    s.map.set(SAVED_KEY, raw);
    const r = loadSaved(s, clock());
    expect(r.items.map((x) => x.name)).toEqual(['ok']);
    expect(r.migrated).toEqual({ from: 0, count: 1 });
    expect(r.error?.dropped?.map((d) => d.index)).toEqual([1, 2]);
    expect(s.map.get(r.error!.backupKey!)).toBe(raw);

    const full = new MemoryStorage();
    full.map.set(LEGACY_SAVED_KEY, JSON.stringify([{ name: 'kept', scenario: {} }]));
    full.failSet = 'quota';
    const f = loadSaved(full, clock());
    expect(f.items.map((x) => x.name)).toEqual(['kept']);
    expect(f.error?.code).toBe('quota');
    expect(full.map.has(LEGACY_SAVED_KEY)).toBe(true);
  });

  it('reads fuzzed stored values without throwing, keeping only valid items (fast-check)', () => {
    const valid = JSON.stringify({ version: 1, items: [item('a', stateOf(0)), item('b', stateOf(1))] });
    const mutated = fc
      .tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.string({ unit: 'binary', maxLength: 3 }))
      .map(([i, n, ins]) => {
        const j = i % valid.length;
        return valid.slice(0, j) + ins + valid.slice(j + n);
      });
    const anyJson = fc.anything({ maxDepth: 4 }).map((v) => {
      try {
        return JSON.stringify(v) ?? 'undefined';
      } catch {
        return String(v);
      }
    });
    const shaped = fc
      .record({
        version: fc.oneof(fc.constant(1), fc.anything()),
        items: fc.array(fc.oneof(fc.anything(), fc.constant(item('c')))),
      })
      .map((v) => JSON.stringify(v));
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(mutated, anyJson, shaped, fc.string()), fc.boolean(), (raw, legacy) => {
        runs++;
        const s = new MemoryStorage();
        s.map.set(legacy ? LEGACY_SAVED_KEY : SAVED_KEY, raw);
        const r = loadSaved(s, clock());
        expect(Array.isArray(r.items)).toBe(true);
        for (const x of r.items) expect(LinkStateSchema.safeParse(x.state).success).toBe(true);
        if (r.error?.code === 'corrupt') expect(s.map.get(r.error.backupKey!)).toBe(raw);
        // Whatever was stored, saving afterwards either works or is refused with a reason; it never throws.
        const w = saveScenario(s, 'new', stateOf(2), clock());
        if (w.ok) expect(loadSaved(s).items.some((x) => x.name === 'new')).toBe(true);
        else expect(w.error.code).toBe('newer');
      }),
      { numRuns: 3000 },
    );
    expect(runs).toBe(3000);
  });
});
