/**
 * Workers never leave the page empty. Runners wrapped by one Fallback run on their workers; when a worker fails (it
 * cannot load: a 404 after a redeploy, a 500, a syntax error; or it crashed or hung) the run is reported and tried
 * once more on a new worker, and if that fails too every wrapped runner falls back to running the model on the main
 * thread, at most `maxSamples` samples a run (a large run would freeze the page), until `retry()`. The page says so
 * and offers Retry; the scorecard keeps filling.
 */
import { createInThreadRunner, isCancelled, WorkerFailure, type ModelRunner } from './runner';

/** The most samples a run on the main thread takes (a run of 10,000 takes a few hundred milliseconds). */
export const MAIN_THREAD_MAX_SAMPLES = 10_000;

export type RunnerMode = 'worker' | 'main';

export interface Fallback {
  /** Wraps a worker-backed runner: its failures are retried once, then the runs go to the main thread. */
  wrap(primary: ModelRunner): ModelRunner;
  /** Where runs go now. */
  readonly mode: RunnerMode;
  /** The failure that made the runs fall back (null while on workers). */
  readonly error: WorkerFailure | null;
  /** The most samples a main-thread run takes. */
  readonly maxSamples: number;
  /** Goes back to the workers: the next run makes new ones (and falls back again if they still fail). */
  retry(): void;
  /** Hears a worker failure that is being retried on a new worker. */
  onRetry?: (error: WorkerFailure) => void;
  /** Hears every change of mode, with the failure behind a fall back. */
  onChange?: (mode: RunnerMode, error: WorkerFailure | null) => void;
}

export interface FallbackOptions {
  /** Makes the main-thread runner (default: the in-thread runner, which loads the model on first use). */
  makeMain?: () => ModelRunner;
  /** The most samples a main-thread run takes (default MAIN_THREAD_MAX_SAMPLES). */
  maxSamples?: number;
}

/** True for failures of the worker itself (not a cancel, not a closed runner, not an error of the model). */
function isWorkerFault(e: unknown): e is WorkerFailure {
  return e instanceof WorkerFailure && !isCancelled(e) && e.reason !== 'terminated';
}

/** Creates a fallback shared by the runners it wraps (one failure moves them all to the main thread). */
export function createFallback(options: FallbackOptions = {}): Fallback {
  const maxSamples = options.maxSamples ?? MAIN_THREAD_MAX_SAMPLES;
  let mode: RunnerMode = 'worker';
  let error: WorkerFailure | null = null;
  let main: ModelRunner | null = null;
  // Read through a function: another wrapped runner may change the mode while a run awaits.
  const onWorkers = () => mode === 'worker';
  const onMain = (input: Parameters<ModelRunner['run']>[0], samples: number) => {
    main ??= (options.makeMain ?? createInThreadRunner)();
    return main.run(input, Math.min(samples, maxSamples));
  };
  const self: Fallback = {
    wrap(primary) {
      return {
        async run(input, samples) {
          if (!onWorkers()) return onMain(input, samples);
          try {
            return await primary.run(input, samples);
          } catch (e) {
            if (!isWorkerFault(e)) throw e;
            if (!onWorkers()) return onMain(input, samples);
            self.onRetry?.(e);
          }
          try {
            return await primary.run(input, samples);
          } catch (e) {
            if (!isWorkerFault(e)) throw e;
            if (onWorkers()) {
              mode = 'main';
              error = e;
              self.onChange?.(mode, e);
            }
            return onMain(input, samples);
          }
        },
        terminate() {
          primary.terminate();
        },
      };
    },
    get mode() {
      return mode;
    },
    get error() {
      return error;
    },
    maxSamples,
    retry() {
      if (mode === 'worker') return;
      mode = 'worker';
      error = null;
      self.onChange?.(mode, null);
    },
  };
  return self;
}
