/** A trailing debouncer with flush and cancel (pure: the timer functions are injectable for tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface Debouncer<A> {
  /** Replaces the pending call's argument and restarts the wait. */
  schedule(arg: A): void;
  /** Runs the pending call now, if any; returns whether one ran. */
  flush(): boolean;
  /** Drops the pending call. */
  cancel(): void;
  readonly pending: boolean;
}

export function createDebouncer<A>(
  fn: (arg: A) => void,
  ms: number,
  timers: Timers = globalThis as unknown as Timers,
): Debouncer<A> {
  let timer: unknown;
  let has = false;
  let arg: A;
  const run = () => {
    timer = undefined;
    if (!has) return;
    has = false;
    fn(arg);
  };
  return {
    schedule(a) {
      arg = a;
      has = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(run, ms);
    },
    flush() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      if (!has) return false;
      run();
      return true;
    },
    cancel() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      has = false;
    },
    get pending() {
      return has;
    },
  };
}
