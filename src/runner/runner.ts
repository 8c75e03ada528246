/**
 * The main-thread side of the model: one ModelRunner interface with two implementations (in-thread, and a web
 * worker through comlink), so the same tests run against both and the UI does not care which it has.
 */
import { wrap, type Remote } from 'comlink';
import type { ModelInput, RunResult } from '../model';
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

/**
 * Creates a runner that runs the model on the calling thread (tests, and the main-thread peer of the UI benchmark).
 * The model is imported on first use, so a page that never runs it in-thread does not load it.
 */
export function createInThreadRunner(): ModelRunner {
  let alive = true;
  return {
    async run(input, samples) {
      if (!alive) throw new WorkerFailure('runner terminated', 'terminated');
      const { runModel } = await import('../model/monte-carlo');
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

/** A model worker made on first use, with crash and hang detection: what every worker-backed client shares. */
export interface WorkerHandle {
  /** Calls the worker; rejects with WorkerFailure if it crashes, exceeds the time limit, or the handle is closed. */
  call<T>(f: (remote: Remote<ModelWorkerApi>) => Promise<T>): Promise<T>;
  /** Terminates the worker for good. */
  close(): void;
}

/**
 * Creates a handle on a worker made by `makeWorker` when first called. A crashed or hung worker is terminated, the
 * call in flight rejects with WorkerFailure (so the caller can report it and retry), and the next call makes a new one.
 */
export function createWorkerHandle(makeWorker: () => Worker, label: string, timeoutMs: number): WorkerHandle {
  let worker: Worker | null = null;
  let api: Remote<ModelWorkerApi> | null = null;
  let crashed: ((e: WorkerFailure) => void) | null = null;
  let closed = false;

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
        crashed?.(new WorkerFailure(`${label} crashed: ${e.message || 'unknown error'}`, 'crash'));
      });
      api = wrap<ModelWorkerApi>(worker);
    }
    return api!;
  };

  return {
    call<T>(f: (remote: Remote<ModelWorkerApi>) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new WorkerFailure(`${label} terminated`, 'terminated'));
      const remote = ensure();
      return new Promise<T>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          crashed = null;
        };
        const timer = setTimeout(() => {
          discard();
          done();
          reject(new WorkerFailure(`${label} run exceeded ${timeoutMs} ms`, 'timeout'));
        }, timeoutMs);
        crashed = (e) => {
          done();
          reject(e);
        };
        f(remote).then(
          (v) => {
            done();
            resolve(v);
          },
          (e: unknown) => {
            done();
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      });
    },
    close() {
      closed = true;
      discard();
    },
  };
}

/**
 * Creates a runner backed by a web worker made by `makeWorker`. A crashed or hung worker is terminated and replaced
 * by a new one on the next run; the failed run rejects with WorkerFailure so the caller can report it and retry.
 */
export function createWorkerRunner(makeWorker: () => Worker, options: WorkerRunnerOptions = {}): ModelRunner {
  const handle = createWorkerHandle(makeWorker, 'model worker', options.timeoutMs ?? 30_000);
  return {
    run: (input, samples) => handle.call((r) => r.run(input, samples) as Promise<RunResult>),
    terminate: () => handle.close(),
  };
}

/** Creates the app's worker runner from the bundled worker file. */
export function createDefaultWorkerRunner(options?: WorkerRunnerOptions): ModelRunner {
  return createWorkerRunner(
    () => new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' }),
    options,
  );
}
