/**
 * One runner suite, run against the in-thread runner and the real web worker in headless Chromium: same results,
 * bit-identical to Node's (the checksum fixture), transferred typed arrays, latest-wins scheduling, crash recovery,
 * the pool's hang detection and the fall back to the main thread when no worker can start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import checksums from '../fixtures/checksums.json';
import { PRESETS } from '../../src/scenario/presets';
import { checksum, OUTPUT_IDS } from '../../src/model';
import {
  createFallback,
  createInThreadRunner,
  createPoolRunner,
  createWorkerRunner,
  createScheduler,
  makeModelWorker as makeWorker,
  WorkerFailure,
  type ModelRunner,
  type RunnerMode,
} from '../../src/runner';

/** A worker whose script does not load, as after a redeploy removed it (the browser reports a load error). */
const brokenWorker = () =>
  new Worker(URL.createObjectURL(new Blob(['this is not JavaScript ('], { type: 'text/javascript' })));
const baseline = PRESETS[0].scenario;
const fixture = checksums as Record<string, string>;

const runners: [string, () => ModelRunner][] = [
  ['in-thread', createInThreadRunner],
  ['worker', () => createWorkerRunner(makeWorker)],
];

describe.each(runners)('%s runner', (_name, create) => {
  let runner: ModelRunner;
  afterEach(() => runner?.terminate());

  it('returns every output as Float64Arrays, bit-identical to Node for every preset', async () => {
    runner = create();
    for (const p of PRESETS) {
      const r = await runner.run(p.scenario, 1000);
      for (const id of OUTPUT_IDS) {
        expect(r.outputs[id].central).toBeInstanceOf(Float64Array);
        expect(r.outputs[id].bands).toBeInstanceOf(Float64Array);
      }
      expect(checksum(r)).toBe(fixture[`${p.id}@1000`]);
    }
  });

  it('lets the newest request win: intermediate requests are superseded, results arrive in order', async () => {
    runner = create();
    const s = createScheduler(runner);
    const qs = [0.01, 0.02, 0.03, 0.04, 0.05];
    const outcomes = await Promise.all(
      qs.map((q) =>
        s.request({ ...baseline, params: { ...baseline.params, bassQ: { value: q, dist: { kind: 'fixed' } } } }, 500),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'superseded', 'superseded', 'superseded', 'done']);
    const first = outcomes[0];
    const last = outcomes[4];
    if (first.status !== 'done' || last.status !== 'done') throw new Error('unreachable');
    // The last one delivered is the newest request's: higher q, more users.
    expect(last.result.outputs.users.value).toBeGreaterThan(first.result.outputs.users.value);
    expect(last.seq).toBeGreaterThan(first.seq);
  });
});

describe('worker runner failures', () => {
  it('reports a hung worker as a timeout, replaces it, and runs again', async () => {
    let made = 0;
    const runner = createWorkerRunner(
      () => {
        made++;
        return makeWorker();
      },
      { timeoutMs: 1 },
    );
    await expect(runner.run(baseline, 2000)).rejects.toBeInstanceOf(WorkerFailure);
    runner.terminate();
    const healthy = createWorkerRunner(() => {
      made++;
      return makeWorker();
    });
    const r = await healthy.run(baseline, 500);
    expect(r.samples).toBe(500);
    expect(made).toBe(2);
    healthy.terminate();
  });

  it('recovers from a crashed worker through the scheduler and re-runs the last request', async () => {
    let made = 0;
    const runner = createWorkerRunner(() => {
      made++;
      // The first worker is broken: it throws on load, as a crashed worker would.
      return made === 1
        ? new Worker(URL.createObjectURL(new Blob(['throw new Error("boom")'], { type: 'text/javascript' })))
        : makeWorker();
    });
    const s = createScheduler(runner);
    const failures: Error[] = [];
    s.onFailure = (e) => failures.push(e);
    const o = await s.request(baseline, 500);
    expect(failures.length).toBe(1);
    expect(failures[0]).toBeInstanceOf(WorkerFailure);
    expect(o.status).toBe('done');
    expect(made).toBe(2);
    runner.terminate();
  });
});

describe('worker pool', () => {
  it('splits a run across workers and merges a result bit-identical to one worker, with progress', async () => {
    const pool = createPoolRunner(makeWorker, 3);
    const seen: number[] = [];
    pool.onProgress = (f) => seen.push(f);
    const single = createWorkerRunner(makeWorker);
    for (const p of PRESETS) {
      const merged = await pool.run(p.scenario, 1000);
      expect(checksum(merged)).toBe(fixture[`${p.id}@1000`]);
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    const big = await pool.run(baseline, 20_000);
    const one = await single.run(baseline, 20_000);
    expect(checksum(big)).toBe(checksum(one));
    pool.terminate();
    single.terminate();
  });

  it('runs the upgrade plan in a worker and across workers bit-identical to Node, with only its outputs', async () => {
    const { createPoolRunner } = await import('../../src/runner/pool');
    const { UPGRADE_PRESETS } = await import('../../src/scenario/presets');
    const { runModel, planOutputs } = await import('../../src/model');
    const pool = createPoolRunner(makeWorker, 3);
    const single = createWorkerRunner(makeWorker);
    for (const p of UPGRADE_PRESETS) {
      const node = runModel(p.scenario, 1000);
      const one = await single.run(p.scenario, 1000);
      const merged = await pool.run(p.scenario, 1000);
      expect(one.ids).toEqual(planOutputs('upgrade-2024'));
      expect(Object.keys(merged.outputs).sort()).toEqual([...planOutputs('upgrade-2024')].sort());
      expect(checksum(one)).toBe(checksum(node));
      expect(checksum(merged)).toBe(checksum(node));
    }
    pool.terminate();
    single.terminate();
  });

  it('cancels a run in flight and runs again afterwards', async () => {
    const pool = createPoolRunner(makeWorker, 2);
    let started = false;
    pool.onProgress = (f) => (started ||= f > 0);
    const running = pool.run(baseline, 100_000);
    await expect.poll(() => started, { timeout: 20_000 }).toBe(true);
    pool.cancel();
    await expect(running).rejects.toMatchObject({ reason: 'cancelled' });
    const r = await pool.run(baseline, 500);
    expect(checksum(r)).toBe(checksum(await createInThreadRunner().run(baseline, 500)));
    pool.terminate();
  });
});

describe('pool hang detection', () => {
  it('takes workers that fall silent mid-run as hung, and the next run starts new ones', async () => {
    const made: Worker[] = [];
    const pool = createPoolRunner(
      () => {
        const w = makeWorker();
        made.push(w);
        return w;
      },
      { size: 2, idleMs: 8000 },
    );
    let heard = 0;
    pool.onProgress = (f) => {
      if (f > 0 && f < 1) heard++;
    };
    const t0 = performance.now();
    const running = pool.run(baseline, 200_000);
    await expect.poll(() => heard, { timeout: 20_000 }).toBeGreaterThan(0);
    // The workers die without a word (terminated from outside: no error event, no answer): the run would hang.
    for (const w of made) w.terminate();
    const failure = await running.then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(WorkerFailure);
    expect((failure as WorkerFailure).reason).toBe('timeout');
    expect(performance.now() - t0).toBeLessThan(40_000);
    const r = await pool.run(baseline, 1000);
    expect(made.length).toBe(4);
    expect(checksum(r)).toBe(fixture['baseline@1000']);
    pool.terminate();
  });
});

describe('fall back to the main thread', () => {
  it('retries a worker that cannot start once, then runs on the main thread at most maxSamples, until retry()', async () => {
    let made = 0;
    let broken = true;
    const fallback = createFallback({ maxSamples: 2000 });
    const retried: Error[] = [];
    const modes: RunnerMode[] = [];
    fallback.onRetry = (e) => retried.push(e);
    fallback.onChange = (m) => modes.push(m);
    const runner = fallback.wrap(
      createWorkerRunner(() => {
        made++;
        return broken ? brokenWorker() : makeWorker();
      }),
    );
    const r = await runner.run(baseline, 5000);
    expect(made).toBe(2);
    expect(retried.length).toBe(1);
    expect(retried[0]).toBeInstanceOf(WorkerFailure);
    expect(fallback.mode).toBe('main');
    expect(fallback.error?.reason).toBe('crash');
    expect(modes).toEqual(['main']);
    // The main thread ran it at the cap, with the figures any runner gives at that count.
    expect(r.samples).toBe(2000);
    expect(checksum(r)).toBe(checksum(await createInThreadRunner().run(baseline, 2000)));
    // While on the main thread no worker is tried.
    await runner.run(baseline, 500);
    expect(made).toBe(2);
    // Retry: the worker loads now, and the runs go back to it at full size.
    broken = false;
    fallback.retry();
    expect(modes).toEqual(['main', 'worker']);
    const again = await runner.run(baseline, 1000);
    expect(made).toBe(3);
    expect(fallback.mode).toBe('worker');
    expect(checksum(again)).toBe(fixture['baseline@1000']);
    runner.terminate();
  });

  it('does not fall back on a cancelled run', async () => {
    const fallback = createFallback();
    const pool = createPoolRunner(makeWorker, 2);
    const runner = fallback.wrap(pool);
    const running = runner.run(baseline, 100_000);
    setTimeout(() => pool.cancel(), 0);
    await expect(running).rejects.toMatchObject({ reason: 'cancelled' });
    expect(fallback.mode).toBe('worker');
    runner.terminate();
  });
});
