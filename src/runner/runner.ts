/**
 * The main-thread side of the model: one ModelRunner interface with two implementations (in-thread, and a web
 * worker through comlink), so the same tests run against both and the UI does not care which it has.
 */
import { wrap, type Remote } from 'comlink';
import { runModel, type ModelInput, type RunResult } from '../model';
import type { ModelWorkerApi } from '../../workers/model.worker';

export interface ModelRunner {
  /** Runs the Monte Carlo of a validated scenario at `samples` samples. */
  run(input: ModelInput, samples: number): Promise<RunResult>;
  /** Frees the runner's resources; later runs reject. */
  terminate(): void;
}

/** The error a worker runner rejects with when its worker crashed or exceeded the time limit. */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly reason: 'crash' | 'timeout' | 'terminated' | 'cancelled',
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** Creates a runner that runs the model on the calling thread (tests, the CLI, and a fallback without workers). */
export function createInThreadRunner(): ModelRunner {
  let alive = true;
  return {
    async run(input, samples) {
      if (!alive) throw new WorkerFailure('runner terminated', 'terminated');
      // Yield first so callers see the same asynchrony as with a worker.
      await Promise.resolve();
      return runModel(input, samples);
    },
    terminate() {
      alive = false;
    },
  };
}

export interface WorkerRunnerOptions {
  /** A run longer than this is taken as a hung worker: the worker is killed and replaced. */
  timeoutMs?: number;
}

/**
 * Creates a runner backed by a web worker made by `makeWorker`. A crashed or hung worker is terminated and replaced
 * by a new one on the next run; the failed run rejects with WorkerFailure so the caller can report it and retry.
 */
export function createWorkerRunner(makeWorker: () => Worker, options: WorkerRunnerOptions = {}): ModelRunner {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let worker: Worker | null = null;
  let api: Remote<ModelWorkerApi> | null = null;
  let crashed: ((e: WorkerFailure) => void) | null = null;
  let terminated = false;

  const discard = () => {
    worker?.terminate();
    worker = null;
    api = null;
  };
  const ensure = () => {
    if (!worker) {
      worker = makeWorker();
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        discard();
        crashed?.(new WorkerFailure(`model worker crashed: ${e.message || 'unknown error'}`, 'crash'));
      });
      api = wrap<ModelWorkerApi>(worker);
    }
    return api!;
  };

  return {
    run(input, samples) {
      if (terminated) return Promise.reject(new WorkerFailure('runner terminated', 'terminated'));
      const remote = ensure();
      return new Promise<RunResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          discard();
          fail(new WorkerFailure(`model run exceeded ${timeoutMs} ms`, 'timeout'));
        }, timeoutMs);
        const fail = (e: WorkerFailure) => {
          clearTimeout(timer);
          crashed = null;
          reject(e);
        };
        crashed = fail;
        remote.run(input, samples).then(
          (r) => {
            clearTimeout(timer);
            crashed = null;
            resolve(r as RunResult);
          },
          (e: unknown) => {
            clearTimeout(timer);
            crashed = null;
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      });
    },
    terminate() {
      terminated = true;
      discard();
    },
  };
}

/** Creates the app's worker runner from the bundled worker file. */
export function createDefaultWorkerRunner(options?: WorkerRunnerOptions): ModelRunner {
  return createWorkerRunner(
    () => new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' }),
    options,
  );
}
