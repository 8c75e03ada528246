/**
 * The main-thread side of the model: one ModelRunner interface with two implementations (in-thread, and a web
 * worker through comlink), so the same tests run against both and the UI does not care which it has.
 */
import { wrap, type Remote } from 'comlink';
import type { ModelInput, RunResult } from '../model';
import { makeModelWorker, type ModelWorkerApi } from './protocol';

export interface ModelRunner {
  /** Runs the Monte Carlo of a validated scenario at `samples` samples. */
  run(input: ModelInput, samples: number): Promise<RunResult>;
  /** Frees the runner's resources; later runs reject. */
  terminate(): void;
}

/** Why a worker-backed call failed. */
export type FailureReason = 'crash' | 'timeout' | 'terminated' | 'cancelled';

/** The error a worker runner rejects with when its worker crashed or exceeded the time limit. */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly reason: FailureReason,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** True when a run failed because the user cancelled it (nothing to report, nothing to retry). */
export function isCancelled(e: unknown): boolean {
  return e instanceof WorkerFailure && e.reason === 'cancelled';
}

/**
 * Creates a runner that runs the model on the calling thread (tests, the UI benchmark's peer, and the page's fallback
 * when no worker can start). The model is imported on first use, so a page that never runs it in-thread does not
 * load it.
 */
export function createInThreadRunner(): ModelRunner {
  let alive = true;
  return {
    async run(input, samples) {
      if (!alive) throw new WorkerFailure('runner terminated', 'terminated');
      const { runModel } = await import('../model/monte-carlo');
      if (!alive) throw new WorkerFailure('runner terminated', 'terminated');
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

/** Limits of one call on a worker handle. */
export interface CallLimits {
  /** The whole call may take at most this long (default: the handle's time limit). */
  timeoutMs?: number;
  /** The call must beat (see `call`) at least this often, else the worker is taken as hung. */
  idleMs?: number;
  /** The first beat may take this long (the worker boots and prepares the run first; default: idleMs). */
  firstBeatMs?: number;
}

/** A model worker made on first use, with crash and hang detection: what every worker-backed client shares. */
export interface WorkerHandle {
  /**
   * Calls the worker; rejects with WorkerFailure if it crashes, exceeds the time limit, falls silent for longer than
   * `limits.idleMs` (the callee calls `beat` whenever it hears from the worker), or the handle is closed.
   */
  call<T>(f: (remote: Remote<ModelWorkerApi>, beat: () => void) => Promise<T>, limits?: CallLimits): Promise<T>;
  /** Terminates the worker; the calls in flight reject with `reason`, and the next call makes a new one. */
  abort(reason: FailureReason, message: string): void;
  /** Terminates the worker for good. */
  close(): void;
}

/**
 * Creates a handle on a worker made by `makeWorker` when first called. A crashed, hung or silent worker is
 * terminated, the call in flight rejects with WorkerFailure (so the caller can report it and retry), and the next
 * call makes a new one.
 */
export function createWorkerHandle(makeWorker: () => Worker, label: string, timeoutMs: number): WorkerHandle {
  let worker: Worker | null = null;
  let api: Remote<ModelWorkerApi> | null = null;
  // The calls in flight on the current worker: all fail when it dies.
  const inFlight = new Set<(e: WorkerFailure) => void>();
  let closed = false;

  const discard = () => {
    worker?.terminate();
    worker = null;
    api = null;
  };
  const failAll = (e: WorkerFailure) => {
    const calls = [...inFlight];
    inFlight.clear();
    for (const f of calls) f(e);
  };
  const ensure = () => {
    if (!worker) {
      const w = makeWorker();
      worker = w;
      // A script that cannot load (404, 500, a syntax error) or an uncaught error: the worker is unusable.
      w.addEventListener('error', (e) => {
        e.preventDefault();
        if (worker !== w) return;
        discard();
        const detail =
          e instanceof ErrorEvent && e.message ? e.message : 'the worker script could not be loaded or threw';
        failAll(new WorkerFailure(`${label} crashed: ${detail}`, 'crash'));
      });
      api = wrap<ModelWorkerApi>(w);
    }
    return api!;
  };

  const self: WorkerHandle = {
    call<T>(f: (remote: Remote<ModelWorkerApi>, beat: () => void) => Promise<T>, limits: CallLimits = {}): Promise<T> {
      if (closed) return Promise.reject(new WorkerFailure(`${label} terminated`, 'terminated'));
      const remote = ensure();
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        let idle: ReturnType<typeof setTimeout> | undefined;
        const fail = (e: WorkerFailure) => {
          if (settled) return;
          done();
          reject(e);
        };
        const done = () => {
          settled = true;
          clearTimeout(timer);
          clearTimeout(idle);
          inFlight.delete(fail);
        };
        inFlight.add(fail);
        const timeout = limits.timeoutMs ?? timeoutMs;
        const timer = setTimeout(() => self.abort('timeout', `${label} run exceeded ${timeout} ms`), timeout);
        const wait = (ms: number | undefined) => {
          if (settled || ms === undefined) return;
          clearTimeout(idle);
          idle = setTimeout(() => self.abort('timeout', `${label} fell silent for ${ms} ms`), ms);
        };
        const beat = () => wait(limits.idleMs);
        wait(limits.firstBeatMs ?? limits.idleMs);
        f(remote, beat).then(
          (v) => {
            if (settled) return;
            done();
            resolve(v);
          },
          (e: unknown) => {
            if (settled) return;
            done();
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      });
    },
    abort(reason, message) {
      discard();
      failAll(new WorkerFailure(message, reason));
    },
    close() {
      closed = true;
      self.abort('terminated', `${label} terminated`);
    },
  };
  return self;
}

/**
 * Creates a runner backed by a web worker made by `makeWorker`. A crashed or hung worker is terminated and replaced
 * by a new one on the next run; the failed run rejects with WorkerFailure so the caller can report it and retry.
 */
export function createWorkerRunner(
  makeWorker: () => Worker = makeModelWorker,
  options: WorkerRunnerOptions = {},
): ModelRunner {
  const handle = createWorkerHandle(makeWorker, 'model worker', options.timeoutMs ?? 30_000);
  return {
    run: (input, samples) => handle.call((r) => r.run(input, samples)),
    terminate: () => handle.close(),
  };
}

/** Creates the app's worker runner from the bundled worker file. */
export function createDefaultWorkerRunner(options?: WorkerRunnerOptions): ModelRunner {
  return createWorkerRunner(makeModelWorker, options);
}
