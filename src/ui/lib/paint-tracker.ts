/**
 * Measures edit-to-paint latency for the UI benchmark: an edit's time waits here until the result that covers it
 * has been drawn, including the charts, which draw in tasks of their own, and the frame after that has begun.
 * Plain data, no reactivity; exposed as `window.__yangfanPerf`. It keeps only the last LATENCIES_MAX latencies (the
 * benchmark reads fewer between resets), so a long session does not grow it.
 */
export const LATENCIES_MAX = 1000;

export const paintTracker = {
  /** Chart redraws scheduled and not yet done. */
  pending: 0,
  /** Times of edits whose result is delivered but not yet painted. */
  waiting: [] as number[],
  /** Measured latencies in ms, the newest LATENCIES_MAX. */
  latencies: [] as number[],

  /** A result covering edits made at `times` has been put into the state. */
  delivered(times: number[]): void {
    this.waiting.push(...times);
    if (this.waiting.length > LATENCIES_MAX) this.waiting.splice(0, this.waiting.length - LATENCIES_MAX);
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
    if (this.latencies.length > LATENCIES_MAX) this.latencies.splice(0, this.latencies.length - LATENCIES_MAX);
    this.waiting = [];
  },
};
