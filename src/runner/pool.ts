/**
 * A pool of model workers for large runs (100,000 samples and more), sized to the device. Each worker simulates every
 * sample but summarises only its share of the outputs (bands, crossings, P(met): most of the cost), and the shares
 * are merged. Every worker draws the same seeded samples, so the merged result is bit-identical to one worker's.
 * Progress is the mean of the workers' fractions; cancel() terminates the workers (new ones start on the next run).
 */
import { wrap, proxy, type Remote } from 'comlink';
import { DEFAULT_PLAN, planOutputs, resolveAnchors, type ModelInput, type OutputId, type OutputResult, type RunResult } from '../model';
import type { ModelWorkerApi } from '../../workers/model.worker';
import { WorkerFailure, type ModelRunner } from './runner';

export interface PoolRunner extends ModelRunner {
  /** Number of workers. */
  readonly size: number;
  /** Stops the runs in flight: they reject with WorkerFailure('cancelled'). */
  cancel(): void;
  /** Hears the fraction done of the run in flight. */
  onProgress?: (fraction: number) => void;
}

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

/** Creates a pool of `size` workers made by `makeWorker`. */
export function createPoolRunner(makeWorker: () => Worker, size = defaultPoolSize()): PoolRunner {
  let workers: { worker: Worker; api: Remote<ModelWorkerApi> }[] = [];
  let abort: ((e: WorkerFailure) => void) | null = null;
  let terminated = false;

  const kill = () => {
    for (const w of workers) w.worker.terminate();
    workers = [];
  };
  const ensure = () => {
    while (workers.length < size) {
      const worker = makeWorker();
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        kill();
        abort?.(new WorkerFailure(`model worker crashed: ${e.message || 'unknown error'}`, 'crash'));
      });
      workers.push({ worker, api: wrap<ModelWorkerApi>(worker) });
    }
    return workers;
  };

  const self: PoolRunner = {
    size,
    async run(input: ModelInput, samples: number): Promise<RunResult> {
      if (terminated) throw new WorkerFailure('runner terminated', 'terminated');
      const ws = ensure();
      const a = resolveAnchors(input.asOf, input.horizon, undefined, input.plan);
      const lengths = Object.fromEntries(planOutputs(input.plan ?? DEFAULT_PLAN).map((id) => [id, a.horizon - a.start[id] + 1])) as Record<OutputId, number>;
      const parts = shares(ws.length, lengths);
      const fractions = new Array<number>(ws.length).fill(0);
      let finished = false;
      const results = await new Promise<RunResult[]>((resolve, reject) => {
        abort = (e) => {
          abort = null;
          reject(e);
        };
        Promise.all(
          ws.map((w, k) =>
            w.api.run(
              input,
              samples,
              parts[k],
              proxy((f: number) => {
                // Progress messages can trail the results: none is reported after the run is over.
                if (finished) return;
                fractions[k] = f;
                self.onProgress?.(fractions.reduce((a, b) => a + b, 0) / fractions.length);
              }),
            ) as Promise<RunResult>,
          ),
        ).then(
          (rs) => {
            abort = null;
            resolve(rs);
          },
          (e: unknown) => {
            abort = null;
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      });
      finished = true;
      self.onProgress?.(1);
      const outputs = {} as Record<OutputId, OutputResult>;
      parts.forEach((ids, k) => {
        for (const id of ids) outputs[id] = results[k].outputs[id];
      });
      return { ...results[0], outputs };
    },
    cancel() {
      kill();
      abort?.(new WorkerFailure('run cancelled', 'cancelled'));
    },
    terminate() {
      terminated = true;
      kill();
    },
  };
  return self;
}

/** Creates the app's pool from the bundled worker file. */
export function createDefaultPoolRunner(size?: number): PoolRunner {
  return createPoolRunner(() => new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' }), size);
}

/** Sample count from which the app runs the Monte Carlo on the pool. */
export const LARGE_RUN = 50_000;

/** Creates the app's pool on first use (its workers start only when a large run asks for them). */
export function createLazyPool(size?: number): PoolRunner {
  let pool: PoolRunner | null = null;
  const get = () => {
    if (!pool) {
      pool = createDefaultPoolRunner(size);
      pool.onProgress = (f) => self.onProgress?.(f);
    }
    return pool;
  };
  const self: PoolRunner = {
    get size() {
      return pool?.size ?? size ?? defaultPoolSize();
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
