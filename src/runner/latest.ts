/**
 * Latest wins, written once. Every request takes a ticket from `begin()`; a ticket can tell whether it is still the
 * newest (`isCurrent()`: nothing newer has begun, so its answer may be shown as it is), and `settle(rank)` decides
 * whether its answer may replace what is shown: only if no newer ticket's answer has been shown, and for the same
 * ticket only if the answer ranks higher (the app ranks by sample count, so a quick run never replaces the full run
 * of the same edit). Used by the scheduler, the app state, the analysis client and state, and the compare runner.
 */
export interface Ticket {
  /** The ticket's number: later tickets have higher numbers. */
  readonly seq: number;
  /** True while no newer ticket has begun (and `cancel()` has not been called since). */
  isCurrent(): boolean;
  /**
   * Claims the display for this ticket's answer of `rank` (default 0): true if no newer ticket's answer, nor one of
   * this ticket at the same or a higher rank, has been claimed; then it is recorded as shown.
   */
  settle(rank?: number): boolean;
}

export interface Latest {
  /** Starts a request: a new ticket, newer than every earlier one. */
  begin(): Ticket;
  /** The newest ticket begun, or null before the first. */
  readonly current: Ticket | null;
  /** The ticket and rank last claimed by `settle`, or null before the first. */
  readonly shown: { readonly seq: number; readonly rank: number } | null;
  /** Makes every ticket begun so far stale (their answers will not be shown). */
  cancel(): void;
}

/** Creates a latest-wins counter. */
export function createLatest(): Latest {
  let seq = 0;
  let floor = 0; // tickets at or below this were cancelled
  let current: Ticket | null = null;
  let shown: { seq: number; rank: number } | null = null;
  return {
    begin() {
      const n = ++seq;
      const ticket: Ticket = {
        seq: n,
        isCurrent: () => n === seq && n > floor,
        settle(rank = 0) {
          if (n <= floor) return false;
          if (shown && (n < shown.seq || (n === shown.seq && rank <= shown.rank))) return false;
          shown = { seq: n, rank };
          return true;
        },
      };
      current = ticket;
      return ticket;
    },
    get current() {
      return current;
    },
    get shown() {
      return shown;
    },
    cancel() {
      floor = seq;
    },
  };
}
