/**
 * A pool of model workers for large runs (50,000 samples and more), sized to the device. Each worker simulates every
 * sample but summarises only its share of the outputs (bands, crossings, P(met): most of the cost), and the shares
 * are merged. Every worker draws the same seeded samples, so the merged result is bit-identical to one worker's.
 * Progress is the mean of the workers' fractions. The pool's workers are the same WorkerHandles as the single
 * worker's, so a crashed worker is detected the same way; and since a large run reports progress, a worker that
 * falls silent for longer than `idleMs` (it died, or hangs) is taken as hung: the run rejects with
 * WorkerFailure('timeout') and the next run starts new workers. cancel() terminates the workers.
 */
import { proxy } from 'comlink';
import {
  DEFAULT_PLAN,
  planOutputs,
  resolveAnchors,
  type ModelInput,
  type OutputId,
  type OutputResult,
  type RunResult,
} from '../model';
import { makeModelWorker } from './protocol';
import { createWorkerHandle, WorkerFailure, type ModelRunner, type WorkerHandle } from './runner';

export interface PoolRunner extends ModelRunner {
  /** Number of workers. */
  readonly size: number;
  /** Stops the runs in flight: they reject with WorkerFailure('cancelled'). */
  cancel(): void;
  /** Hears the fraction done of the run in flight. */
  onProgress?: (fraction: number) => void;
}

export interface PoolOptions {
  /** Number of workers (default: defaultPoolSize()). */
  size?: number;
  /** A worker that reports no progress for this long is taken as hung (default POOL_IDLE_MS). */
  idleMs?: number;
  /** The first progress report may take this long (default POOL_FIRST_PROGRESS_MS, at least idleMs). */
  firstProgressMs?: number;
  /** The longest a whole run may take (default 10 minutes). */
  timeoutMs?: number;
}

/**
 * How long a pool worker may go without reporting progress. Workers report every sixth simulated month (about ten
 * times a run; a 200,000-sample run takes a few seconds), so a silence this long means the worker died or hangs.
 */
export const POOL_IDLE_MS = 10_000;
/**
 * How long the first progress report may take: a new worker boots, loads the model and draws every sample before it
 * simulates the first month, which on a busy device takes many times longer than the gaps between reports.
 */
export const POOL_FIRST_PROGRESS_MS = 30_000;

/** Splits the outputs into `size` shares of about equal cost (the cost of summarising an output is its months). */
function shares(size: number, lengths: Partial<Record<OutputId, number>>): OutputId[][] {
  const out: OutputId[][] = Array.from({ length: size }, () => []);
  const load = new Array<number>(size).fill(0);
  const ids = Object.keys(lengths) as OutputId[];
  for (const id of ids.sort((a, b) => lengths[b]! - lengths[a]!)) {
    const k = load.indexOf(Math.min(...load));
    out[k].push(id);
    load[k] += lengths[id]!;
  }
  return out;
}

/** Returns the pool size for this device: one worker per core, at least 2, at most 8. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(2, Math.min(8, cores));
}

/** Creates a pool of workers made by `makeWorker`. */
export function createPoolRunner(
  makeWorker: () => Worker = makeModelWorker,
  options: PoolOptions | number = {},
): PoolRunner {
  const opts = typeof options === 'number' ? { size: options } : options;
  const size = opts.size ?? defaultPoolSize();
  const idleMs = opts.idleMs ?? POOL_IDLE_MS;
  const firstBeatMs = Math.max(idleMs, opts.firstProgressMs ?? POOL_FIRST_PROGRESS_MS);
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const handles: WorkerHandle[] = Array.from({ length: size }, (_, k) =>
    createWorkerHandle(makeWorker, `pool worker ${k + 1}`, timeoutMs),
  );
  let terminated = false;

  const self: PoolRunner = {
    size,
    async run(input: ModelInput, samples: number): Promise<RunResult> {
      if (terminated) throw new WorkerFailure('runner terminated', 'terminated');
      const a = resolveAnchors(input.asOf, input.horizon, undefined, input.plan);
      const lengths = Object.fromEntries(
        planOutputs(input.plan ?? DEFAULT_PLAN).map((id) => [id, a.horizon - a.start[id] + 1]),
      ) as Record<OutputId, number>;
      const parts = shares(size, lengths);
      const fractions = new Array<number>(size).fill(0);
      let finished = false;
      let results: RunResult[];
      try {
        results = await Promise.all(
          handles.map((h, k) =>
            h.call(
              (remote, beat) =>
                remote.run(
                  input,
                  samples,
                  parts[k],
                  proxy((f: number) => {
                    // Progress messages can trail the results: none is reported after the run is over.
                    if (finished) return;
                    beat();
                    fractions[k] = f;
                    self.onProgress?.(fractions.reduce((x, y) => x + y, 0) / size);
                  }),
                ),
              { idleMs, firstBeatMs },
            ),
          ),
        );
      } catch (e) {
        // One worker failed: the run is lost, so the others are stopped too (their next run starts afresh).
        finished = true;
        const failure =
          e instanceof WorkerFailure ? e : new WorkerFailure(e instanceof Error ? e.message : String(e), 'crash');
        for (const h of handles) h.abort(failure.reason, failure.message);
        throw failure;
      }
      finished = true;
      self.onProgress?.(1);
      const outputs = {} as Record<OutputId, OutputResult>;
      parts.forEach((ids, k) => {
        for (const id of ids) outputs[id] = results[k].outputs[id];
      });
      return { ...results[0], outputs };
    },
    cancel() {
      for (const h of handles) h.abort('cancelled', 'run cancelled');
    },
    terminate() {
      terminated = true;
      for (const h of handles) h.close();
    },
  };
  return self;
}

/** Creates the app's pool from the bundled worker file. */
export function createDefaultPoolRunner(options?: PoolOptions): PoolRunner {
  return createPoolRunner(makeModelWorker, options);
}

/** Sample count from which the app runs the Monte Carlo on the pool. */
export const LARGE_RUN = 50_000;

/** Creates the app's pool on first use (its workers start only when a large run asks for them). */
export function createLazyPool(options?: PoolOptions): PoolRunner {
  let pool: PoolRunner | null = null;
  const get = () => {
    if (!pool) {
      pool = createDefaultPoolRunner(options);
      pool.onProgress = (f) => self.onProgress?.(f);
    }
    return pool;
  };
  const self: PoolRunner = {
    get size() {
      return pool?.size ?? options?.size ?? defaultPoolSize();
    },
    run: (input, samples) => get().run(input, samples),
    cancel: () => pool?.cancel(),
    terminate: () => pool?.terminate(),
  };
  return self;
}

/** Routes runs of `threshold` samples or more to the pool and smaller ones to a single runner. */
export function createRoutingRunner(single: ModelRunner, pool: PoolRunner, threshold = LARGE_RUN): ModelRunner {
  return {
    run: (input, samples) => (samples >= threshold ? pool.run(input, samples) : single.run(input, samples)),
    terminate() {
      single.terminate();
      pool.terminate();
    },
  };
}
