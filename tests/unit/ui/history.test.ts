/** Undo and redo (src/ui/history.ts): steps, redo cleared by a new edit, coalescing by key, time and gesture, limit. */
import { describe, expect, it } from 'vitest';
import { UndoHistory } from '../../../src/ui/app/undo-history';

function clocked(coalesceMs = 1000, limit?: number) {
  let now = 0;
  const h = new UndoHistory<number>({ coalesceMs, limit, now: () => now });
  return { h, tick: (ms: number) => (now += ms) };
}

describe('undo history', () => {
  it('undoes and redoes single steps in order', () => {
    const { h } = clocked();
    let state = 0;
    const edit = (v: number, key?: string) => {
      h.record(state, key);
      state = v;
    };
    edit(1);
    edit(2);
    edit(3);
    expect(h.canUndo).toBe(true);
    expect(h.canRedo).toBe(false);
    state = h.undo(state)!;
    expect(state).toBe(2);
    state = h.undo(state)!;
    expect(state).toBe(1);
    expect(h.canRedo).toBe(true);
    state = h.redo(state)!;
    expect(state).toBe(2);
    state = h.redo(state)!;
    expect(state).toBe(3);
    expect(h.redo(state)).toBeUndefined();
    state = h.undo(h.undo(h.undo(state)!)!)!;
    expect(state).toBe(0);
    expect(h.undo(state)).toBeUndefined();
  });

  it('drops the redo steps when a new edit is made', () => {
    const { h } = clocked();
    h.record(0);
    h.record(1);
    expect(h.undo(2)).toBe(1);
    expect(h.canRedo).toBe(true);
    h.record(1);
    expect(h.canRedo).toBe(false);
    expect(h.sizes).toEqual({ undo: 2, redo: 0 });
  });

  it('coalesces edits of one key made close together into one step', () => {
    const { h, tick } = clocked(1000);
    // A slider moved by keyboard: 0 → 1 → 2 → 3, 200 ms apart.
    h.record(0, 'param:a');
    tick(200);
    h.record(1, 'param:a');
    tick(200);
    h.record(2, 'param:a');
    expect(h.sizes.undo).toBe(1);
    expect(h.undo(3)).toBe(0);
  });

  it('starts a new step after a pause, another key, a keyless edit or a seal', () => {
    const { h, tick } = clocked(1000);
    h.record(0, 'a');
    tick(1500);
    h.record(1, 'a'); // pause
    h.record(2, 'b'); // another key
    h.record(3, 'b');
    h.record(4); // keyless
    h.record(5, 'b');
    h.seal();
    h.record(6, 'b');
    // Steps before: 0 (a), 1 (a after the pause), 2 (b, whose next edit 3 joined it), 4 (keyless), 5 (b after a
    // keyless edit), 6 (b after the seal).
    expect(h.sizes.undo).toBe(6);
    expect([h.undo(7), h.undo(6), h.undo(5), h.undo(4), h.undo(2), h.undo(1)]).toEqual([6, 5, 4, 2, 1, 0]);
  });

  it('keeps a whole pointer gesture as one step however slow, and ends the group when it ends', () => {
    const { h, tick } = clocked(1000);
    h.beginGesture();
    h.record(0, 'param:a');
    for (let i = 1; i < 10; i++) {
      tick(5000);
      h.record(i, 'param:a');
    }
    h.endGesture();
    h.record(10, 'param:a');
    expect(h.sizes.undo).toBe(2);
    expect(h.undo(11)).toBe(10);
    expect(h.undo(10)).toBe(0);
  });

  it('undo and redo seal the group, so the next edit is its own step', () => {
    const { h } = clocked();
    h.record(0, 'k');
    expect(h.undo(1)).toBe(0);
    h.record(0, 'k');
    h.record(1, 'k');
    // The record after undo started a new group, which the next keyed edit joins.
    expect(h.sizes.undo).toBe(1);
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const { h } = clocked(1000, 3);
    for (let i = 0; i < 10; i++) h.record(i);
    expect(h.sizes.undo).toBe(3);
    expect([h.undo(10), h.undo(9), h.undo(8), h.undo(7)]).toEqual([9, 8, 7, undefined]);
  });

  it('clear forgets everything', () => {
    const { h } = clocked();
    h.record(0);
    h.undo(1);
    h.clear();
    expect(h.sizes).toEqual({ undo: 0, redo: 0 });
  });
});
