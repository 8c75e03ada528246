/**
 * Measures edit-to-paint latency for the UI benchmark: an edit's time waits here until the result that covers it
 * has been drawn, including the charts, which draw in tasks of their own, and the frame after that has begun.
 * Plain data, no reactivity; exposed as `window.__yangfanPerf`.
 */
export const paintTracker = {
  /** Chart redraws scheduled and not yet done. */
  pending: 0,
  /** Times of edits whose result is delivered but not yet painted. */
  waiting: [] as number[],
  /** Measured latencies in ms. */
  latencies: [] as number[],

  /** A result covering edits made at `times` has been put into the state. */
  delivered(times: number[]): void {
    this.waiting.push(...times);
    // Svelte flushes the DOM in a microtask; charts schedule their redraws there.
    queueMicrotask(() => requestAnimationFrame(() => this.flush()));
  },
  chartScheduled(): void {
    this.pending++;
  },
  chartDone(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) requestAnimationFrame(() => this.flush());
  },
  flush(): void {
    if (this.pending > 0 || this.waiting.length === 0) return;
    const now = performance.now();
    for (const t of this.waiting) this.latencies.push(now - t);
    this.waiting = [];
  },
};
