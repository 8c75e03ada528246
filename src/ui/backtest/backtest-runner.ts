/**
 * Runs the backtest off the main thread: a pool of backtest workers (one per core, at most one per vintage) takes the
 * vintages from a shared queue, and the runs are scored here (arithmetic on small arrays). Progress is the number of
 * vintages done; cancel() terminates the workers.
 */
import { wrap } from 'comlink';
import { quarterEnds, scoreBacktest, type BacktestResult, type VintageRun } from '../../model/backtest';
import type { ModelInput } from '../../model/types';
import type { BacktestWorkerApi } from '../../../workers/backtest.worker';

export interface BacktestJob {
  readonly promise: Promise<BacktestResult>;
  cancel(): void;
}

/** Returns the number of workers for this device: one per core, at least 1, at most 8. */
export function backtestPoolSize(vintages: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(8, cores, vintages));
}

/** Starts a backtest of `input` at `samples` samples a vintage; `onProgress(done, total)` hears each vintage done. */
export function startBacktest(
  input: ModelInput,
  samples: number,
  onProgress: (done: number, total: number) => void,
): BacktestJob {
  const vintages = quarterEnds();
  const size = backtestPoolSize(vintages.length);
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL('../../../workers/backtest.worker.ts', import.meta.url), { type: 'module' }),
  );
  let cancelled = false;
  let fail: (e: Error) => void = () => {};
  const cancel = () => {
    cancelled = true;
    for (const w of workers) w.terminate();
    fail(new Error('cancelled'));
  };
  const promise = new Promise<BacktestResult>((resolve, reject) => {
    fail = reject;
    const runs: VintageRun[] = [];
    let next = 0;
    const plain = JSON.parse(JSON.stringify(input)) as ModelInput; // a plain object crosses the boundary
    for (const w of workers)
      w.addEventListener('error', (e) => {
        e.preventDefault();
        for (const x of workers) x.terminate();
        reject(new Error(e.message || 'backtest worker crashed'));
      });
    Promise.all(
      workers.map(async (w) => {
        const api = wrap<BacktestWorkerApi>(w);
        while (next < vintages.length && !cancelled) {
          const asOf = vintages[next++];
          runs.push(await api.runVintage(plain, asOf, samples));
          onProgress(runs.length, vintages.length);
        }
      }),
    ).then(
      () => {
        for (const w of workers) w.terminate();
        if (!cancelled) resolve(scoreBacktest(runs, samples));
      },
      (e: unknown) => {
        for (const w of workers) w.terminate();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
  return { promise, cancel };
}
