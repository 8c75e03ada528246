import { describe, expect, it } from 'vitest';
import { createLatest } from '../../../src/runner/latest';

describe('createLatest', () => {
  it('only the newest ticket is current', () => {
    const l = createLatest();
    const a = l.begin();
    expect(a.isCurrent()).toBe(true);
    const b = l.begin();
    expect(a.isCurrent()).toBe(false);
    expect(b.isCurrent()).toBe(true);
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(l.current).toBe(b);
  });

  it('an older answer never replaces a newer one, whatever the order they arrive in', () => {
    const l = createLatest();
    const a = l.begin();
    const b = l.begin();
    expect(b.settle()).toBe(true);
    expect(a.settle()).toBe(false);
    expect(l.shown).toEqual({ seq: b.seq, rank: 0 });
  });

  it('an older answer that arrives first is shown, then replaced by the newer', () => {
    const l = createLatest();
    const a = l.begin();
    const b = l.begin();
    expect(a.settle()).toBe(true);
    expect(b.settle()).toBe(true);
    expect(a.settle(5)).toBe(false);
  });

  it('for the same ticket only a higher rank replaces what is shown', () => {
    const l = createLatest();
    const a = l.begin();
    expect(a.settle(10_000)).toBe(true);
    expect(a.settle(1000)).toBe(false);
    expect(a.settle(10_000)).toBe(false);
    expect(a.settle(50_000)).toBe(true);
    expect(l.shown).toEqual({ seq: a.seq, rank: 50_000 });
  });

  it('cancel makes every ticket so far stale, and later tickets work', () => {
    const l = createLatest();
    const a = l.begin();
    l.cancel();
    expect(a.isCurrent()).toBe(false);
    expect(a.settle()).toBe(false);
    const b = l.begin();
    expect(b.isCurrent()).toBe(true);
    expect(b.settle()).toBe(true);
  });
});
