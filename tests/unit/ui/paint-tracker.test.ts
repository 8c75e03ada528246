import { describe, expect, it } from 'vitest';
import { LATENCIES_MAX, paintTracker } from '../../../src/ui/lib/paint-tracker';

describe('paint tracker', () => {
  it('keeps only the newest LATENCIES_MAX latencies however many edits are measured', () => {
    paintTracker.latencies.length = 0;
    paintTracker.pending = 0;
    const now = performance.now();
    for (let round = 0; round < 3; round++) {
      // Edits made 1…900 ms ago: each round's latencies are larger than the last's.
      paintTracker.waiting = Array.from({ length: 900 }, (_, i) => now - 900 + i - round * 10_000);
      paintTracker.flush();
    }
    expect(paintTracker.latencies.length).toBe(LATENCIES_MAX);
    // The newest round is all kept (900 entries at the end), the oldest dropped first.
    expect(Math.min(...paintTracker.latencies.slice(-900))).toBeGreaterThan(20_000);
    expect(paintTracker.waiting).toEqual([]);
  });
});
