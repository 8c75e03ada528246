/**
 * The main-thread side of the analysis layer (calibration, goal seek, sensitivity): a client over its own web worker,
 * created on first use, so the notebook's run workers never wait behind an analysis and nothing starts until a panel
 * is opened. Requests are latest-wins per output and kind: a newer request for the same output supersedes an older
 * one that has not run yet (it resolves as superseded, never runs), and the result of one already running is dropped.
 * One request runs at a time. An in-thread backend serves tests; it is given the model's functions rather than
 * importing them, so the analysis code (and its least-squares library) stays out of the page's JavaScript.
 */
import type { ModelInput, OutputAnalysis, OutputId, ParamId } from '../model';
import { makeModelWorker, type AnalyseOutputOptions, type GoalSeekPair } from './protocol';
import { createLatest, type Latest, type Ticket } from './latest';
import { WorkerFailure, createWorkerHandle } from './runner';

export type { AnalyseOutputOptions, GoalSeekPair };

/** Where the analysis runs: a worker or the calling thread. */
export interface AnalysisBackend {
  analyse(input: ModelInput, outputId: OutputId, options: AnalyseOutputOptions): Promise<OutputAnalysis>;
  goalSeek(
    input: ModelInput,
    outputId: OutputId,
    leverId: ParamId,
    level: number,
    samples?: number,
  ): Promise<GoalSeekPair>;
  terminate(): void;
}

export type AnalysisOutcome<T> =
  | { readonly status: 'done'; readonly value: T; readonly ms: number }
  | { readonly status: 'superseded' }
  | { readonly status: 'failed'; readonly error: Error };

export interface AnalysisClient {
  /** One output's analysis bundle (calibration, goal seeks, tornado, on-track). */
  analyse(
    input: ModelInput,
    outputId: OutputId,
    options?: AnalyseOutputOptions,
  ): Promise<AnalysisOutcome<OutputAnalysis>>;
  /** Both goal seeks of one output for a lever chosen by the user and a probability level (0–1). */
  goalSeek(
    input: ModelInput,
    outputId: OutputId,
    leverId: ParamId,
    level: number,
    samples?: number,
  ): Promise<AnalysisOutcome<GoalSeekPair>>;
  /** True while a request is running. */
  readonly busy: boolean;
  terminate(): void;
}

/** The model functions the in-thread backend calls (passed in, so the page's bundle does not carry them). */
export interface AnalysisModel {
  readonly analyse: typeof import('../model/analysis').analyse;
  readonly goalSeek: typeof import('../model/goal-seek').goalSeek;
  readonly goalSeekProbability: typeof import('../model/goal-seek').goalSeekProbability;
}

/**
 * Runs the analysis on the calling thread with the given model functions (tests, the CLI; a page would pass
 * `await import('../model')`). Each call yields first, so callers see the same asynchrony as with a worker.
 */
export function createInThreadAnalysisBackend(model: AnalysisModel): AnalysisBackend {
  let alive = true;
  const check = async () => {
    await Promise.resolve();
    if (!alive) throw new WorkerFailure('analysis terminated', 'terminated');
  };
  return {
    async analyse(input, outputId, options) {
      await check();
      const { lever, ...rest } = options;
      return model.analyse(input, { ...rest, outputs: [outputId], levers: lever ? { [outputId]: lever } : undefined })
        .outputs[0];
    },
    async goalSeek(input, outputId, leverId, level, samples) {
      await check();
      return {
        central: model.goalSeek(input, outputId, leverId),
        probability: model.goalSeekProbability(input, outputId, leverId, level, samples),
      };
    },
    terminate() {
      alive = false;
    },
  };
}

/**
 * Runs the analysis in a web worker made by `makeWorker` on the first request. A crashed or hung worker is terminated
 * (the request in flight rejects with WorkerFailure) and a new one is made on the next request.
 */
export function createWorkerAnalysisBackend(
  makeWorker: () => Worker,
  options: { timeoutMs?: number } = {},
): AnalysisBackend {
  const handle = createWorkerHandle(makeWorker, 'analysis worker', options.timeoutMs ?? 60_000);
  return {
    analyse: (input, outputId, opts) => handle.call((r) => r.analyse(input, outputId, opts)),
    goalSeek: (input, outputId, leverId, level, samples) =>
      handle.call((r) => r.goalSeek(input, outputId, leverId, level, samples)),
    terminate: () => handle.close(),
  };
}

interface Job {
  readonly key: string;
  readonly ticket: Ticket;
  readonly start: () => Promise<unknown>;
  readonly resolve: (o: AnalysisOutcome<unknown>) => void;
}

/** Creates a latest-wins client over a backend. */
export function createAnalysisClient(backend: AnalysisBackend): AnalysisClient {
  const pending = new Map<string, Job>();
  // One latest-wins counter per output and kind: only the newest request of a key may deliver its answer.
  const latest = new Map<string, Latest>();
  let inFlight: Job | null = null;
  let terminated = false;

  function submit<T>(key: string, start: () => Promise<T>): Promise<AnalysisOutcome<T>> {
    if (terminated)
      return Promise.resolve({ status: 'failed', error: new WorkerFailure('analysis terminated', 'terminated') });
    return new Promise<AnalysisOutcome<T>>((resolve) => {
      const older = pending.get(key);
      if (older) older.resolve({ status: 'superseded' });
      let l = latest.get(key);
      if (!l) latest.set(key, (l = createLatest()));
      pending.delete(key); // a replaced request goes to the back of the queue
      pending.set(key, { key, ticket: l.begin(), start, resolve: resolve as (o: AnalysisOutcome<unknown>) => void });
      pump();
    });
  }

  function pump(): void {
    if (inFlight || pending.size === 0) return;
    const [key, job] = pending.entries().next().value as [string, Job];
    pending.delete(key);
    inFlight = job;
    const t0 = performance.now();
    job.start().then(
      (value) => {
        inFlight = null;
        job.resolve(
          job.ticket.isCurrent() ? { status: 'done', value, ms: performance.now() - t0 } : { status: 'superseded' },
        );
        pump();
      },
      (error: unknown) => {
        inFlight = null;
        job.resolve(
          job.ticket.isCurrent()
            ? { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) }
            : { status: 'superseded' },
        );
        pump();
      },
    );
  }

  return {
    analyse: (input, outputId, options = {}) =>
      submit(`analyse:${outputId}`, () => backend.analyse(input, outputId, options)),
    goalSeek: (input, outputId, leverId, level, samples) =>
      submit(`seek:${outputId}`, () => backend.goalSeek(input, outputId, leverId, level, samples)),
    get busy() {
      return inFlight !== null;
    },
    terminate() {
      terminated = true;
      for (const j of pending.values()) j.resolve({ status: 'superseded' });
      pending.clear();
      backend.terminate();
    },
  };
}

/** Creates the app's analysis client over its own worker, made on the first request. */
export function createDefaultAnalysisClient(): AnalysisClient {
  return createAnalysisClient(createWorkerAnalysisBackend(makeModelWorker));
}
