/**
 * Runs the scenarios compared with the current one (presets or saved scenarios, at most three) on a scheduler and
 * worker of their own, so they never delay the main runs. Each runs with the current scenario's seed and sample
 * count: every parameter draws from its own seeded stream, so with common random numbers the differences between
 * scenarios come from their assumptions, not from sampling noise. Results are cached by scenario.
 */
import { createDefaultWorkerRunner, createLatest, createScheduler, type Scheduler } from '../../runner';
import { presetById } from '../../scenario/presets';
import { planOf, type Scenario } from '../../scenario/schema';
import { SERIES_COLOURS } from '../lib/palette';
import { modelKey, type AppState, type CompareRun } from '../app/app.svelte';
import type { SavedScenarios } from '../saved/saved.svelte';

/** Colours of the compared scenarios: the palette's series colours after the current scenario's blue. */
export const COMPARE_COLOURS = SERIES_COLOURS.slice(1);

const CACHE_MAX = 12;

export class CompareRunner {
  readonly #app: AppState;
  readonly #saved: SavedScenarios | null;
  readonly #scheduler: Scheduler;
  // A cache of results, not state the page renders: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #cache = new Map<string, CompareRun['result']>();
  // Latest wins: a refresh (or stop) makes the runs of every earlier refresh stale.
  readonly #refreshes = createLatest();
  #stop: (() => void) | null = null;

  constructor(
    app: AppState,
    saved: SavedScenarios | null,
    scheduler: Scheduler = createScheduler(createDefaultWorkerRunner()),
  ) {
    this.#app = app;
    this.#saved = saved;
    this.#scheduler = scheduler;
  }

  start(): void {
    this.#stop = $effect.root(() => {
      // What the runs depend on: the entries, the current seed and sample count, and the scenarios the entries name
      // (a saved one may be replaced). Other edits of the current scenario change none of them.
      const key = $derived.by(() => {
        const entries = [...this.#app.compare];
        const { seed, samples } = this.#app.scenario;
        const plan = this.#app.plan;
        const named = entries.map((n) => {
          const r = this.resolve(n);
          return r ? modelKey(r.scenario) : null;
        });
        return JSON.stringify({ entries, seed, samples, plan, named });
      });
      $effect(() => {
        const { entries, seed, samples } = JSON.parse(key) as { entries: string[]; seed: number; samples: number };
        void this.#refresh(entries, seed, samples);
      });
    });
  }

  stop(): void {
    this.#refreshes.cancel();
    this.#stop?.();
  }

  /** The scenario an entry names: a preset id first, else a saved scenario's name. */
  resolve(name: string): { kind: 'preset' | 'saved'; label: { zh: string; en: string }; scenario: Scenario } | null {
    const p = presetById(name);
    if (p) return { kind: 'preset', label: p.name, scenario: p.scenario };
    const s = this.#saved?.find(name);
    if (s) return { kind: 'saved', label: { zh: s.name, en: s.name }, scenario: s.state.scenario };
    return null;
  }

  async #refresh(entries: string[], seed: number, samples: number): Promise<void> {
    const refresh = this.#refreshes.begin();
    const runs: CompareRun[] = entries.map((name, i) => {
      const r = this.resolve(name);
      const colour = COMPARE_COLOURS[i % COMPARE_COLOURS.length];
      if (!r) return { name, kind: 'saved', label: { zh: name, en: name }, colour, status: 'missing', result: null };
      // A scenario of the other plan has other targets and another deadline: it is named, never run or compared.
      if (planOf(r.scenario) !== this.#app.plan)
        return { name, kind: r.kind, label: r.label, colour, status: 'other-plan', result: null };
      const input = { ...r.scenario, seed, samples };
      const cached = this.#cache.get(modelKey(input));
      return {
        name,
        kind: r.kind,
        label: r.label,
        colour,
        status: cached ? 'done' : 'running',
        result: cached ?? null,
      };
    });
    this.#app.compareRuns = runs;
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].status !== 'running') continue;
      const input = { ...this.resolve(runs[i].name)!.scenario, seed, samples };
      const outcome = await this.#scheduler.request(input, samples);
      if (!refresh.isCurrent()) return;
      const done: CompareRun =
        outcome.status === 'done'
          ? { ...runs[i], status: 'done', result: outcome.result }
          : { ...runs[i], status: 'failed', result: null };
      if (outcome.status === 'done') {
        this.#cache.set(modelKey(input), outcome.result);
        if (this.#cache.size > CACHE_MAX) this.#cache.delete(this.#cache.keys().next().value!);
      }
      runs[i] = done;
      this.#app.compareRuns = [...runs];
    }
  }
}
