/**
 * The notebook's state: the scenario (always valid: every edit is parsed by the schema before it is applied), the
 * language and theme, and the latest result. Edits ask the scheduler for a quick run at a reduced sample count, so
 * charts follow a dragged slider; when the edit settles the full run replaces it. The UI only renders this state.
 */
import { ScenarioSchema, formatIssues, type Scenario } from '../../scenario/schema';
import { PRESETS, presetById, type Preset } from '../../scenario/presets';
import { OUTPUT_IDS, OUTPUTS, PARAMS, shiftDist, type OutputId, type ParamId, type Dist, type RunResult } from '../../model';
import type { Scheduler } from '../../runner';
import type { Lang } from '../../i18n';

export type Theme = 'auto' | 'light' | 'dark';

/** Samples of the quick run made while a control moves. */
export const PREVIEW_SAMPLES = 1000;
/** How long after the last keyboard or typed edit the full run starts. */
export const SETTLE_MS = 250;

export class AppState {
  scenario = $state<Scenario>(structuredClone(PRESETS[0].scenario));
  lang = $state<Lang>('zh-CN');
  theme = $state<Theme>('auto');
  /** The newest result shown; replaced whole, never mutated. */
  result = $state.raw<RunResult | null>(null);
  /** Samples and duration of the run behind `result`. */
  shownSamples = $state(0);
  shownMs = $state(0);
  running = $state(false);
  /** The last worker failure, shown in the error panel until dismissed. */
  failure = $state<string | null>(null);
  /** The last refused edit's messages (schema errors), by field. */
  refused = $state<string[]>([]);
  /** Polite announcements of verdict changes, for the aria-live region. */
  announcement = $state('');
  /** Count of results delivered (tests wait on it). */
  generation = $state(0);

  /**
   * Edit-to-paint latencies in ms, one per edit, measured from the edit to the frame after its result (or a newer
   * one) reached the DOM. Plain data, read by the UI benchmark (bench/ui.bench.ts).
   */
  readonly perf: { latencies: number[]; runs: number } = { latencies: [], runs: 0 };
  #editTimes: { run: number; at: number }[] = [];
  #runCounter = 0;

  readonly #scheduler: Scheduler;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #lastVerdicts = new Map<OutputId, boolean>();
  #pendingFull = 0;

  constructor(scheduler: Scheduler) {
    this.#scheduler = scheduler;
    scheduler.onFailure = (e) => {
      this.failure = e.message;
    };
  }

  get preset(): Preset {
    return presetById(this.scenario.preset) ?? PRESETS[0];
  }

  /**
   * Applies an edit to a copy of the scenario and keeps it only if the schema accepts the result; returns the
   * messages of a refused edit (and the scenario stays as it was). `mode`: 'preview' runs the quick run now and the
   * full run when the edit settles; 'full' runs the full run now.
   */
  edit(change: (s: Scenario) => void, mode: 'preview' | 'full' = 'full'): string[] {
    const draft = $state.snapshot(this.scenario) as Scenario;
    change(draft);
    const parsed = ScenarioSchema.safeParse(draft);
    if (!parsed.success) {
      this.refused = formatIssues(parsed.error.issues);
      return this.refused;
    }
    this.refused = [];
    this.scenario = parsed.data;
    this.#schedule(mode);
    return [];
  }

  /** Sets a parameter's point value; its uncertainty moves with it (see shiftDist). */
  setParam(id: ParamId, value: number, mode: 'preview' | 'full' = 'full'): string[] {
    return this.edit((s) => {
      const old = s.params[id];
      s.params[id] = { value, dist: shiftDist(old.dist, old.value, value, PARAMS[id]) };
    }, mode);
  }

  setDist(id: ParamId, dist: Dist): string[] {
    return this.edit((s) => {
      s.params[id] = { ...s.params[id], dist };
    });
  }

  resetParam(id: ParamId): void {
    const p = this.preset.scenario.params[id];
    this.edit((s) => {
      s.params[id] = structuredClone(p);
    });
  }

  /** Switches to a preset, keeping the language and the sampling settings. */
  usePreset(id: string): void {
    const p = presetById(id);
    if (!p) return;
    const { seed, samples } = this.scenario;
    this.edit((s) => {
      Object.assign(s, structuredClone(p.scenario), { seed, samples });
    });
  }

  /** Resets every assumption to the current preset (dates, seed and samples too). */
  resetAll(): void {
    const p = this.preset;
    this.edit((s) => {
      Object.assign(s, structuredClone(p.scenario));
    });
  }

  /** Runs the current scenario in full (at start-up and after a failure). */
  runNow(): void {
    this.#schedule('full');
  }

  #schedule(mode: 'preview' | 'full'): void {
    clearTimeout(this.#settleTimer);
    if (mode === 'full') {
      void this.#run(this.scenario.samples);
      return;
    }
    void this.#run(Math.min(PREVIEW_SAMPLES, this.scenario.samples));
    this.#settleTimer = setTimeout(() => void this.#run(this.scenario.samples), SETTLE_MS);
  }

  /** Lets the full run follow immediately (a slider was released). */
  settle(): void {
    clearTimeout(this.#settleTimer);
    void this.#run(this.scenario.samples);
  }

  async #run(samples: number): Promise<void> {
    const input = $state.snapshot(this.scenario) as Scenario;
    this.running = true;
    const ticket = ++this.#pendingFull;
    const run = ++this.#runCounter;
    this.#editTimes.push({ run, at: performance.now() });
    const outcome = await this.#scheduler.request(input, samples);
    if (ticket === this.#pendingFull) this.running = false;
    if (outcome.status === 'failed') {
      this.failure = outcome.error.message;
      return;
    }
    if (outcome.status !== 'done') return;
    this.result = outcome.result;
    this.perf.runs++;
    const covered = this.#editTimes.filter((e) => e.run <= run);
    this.#editTimes = this.#editTimes.filter((e) => e.run > run);
    // Svelte flushes the DOM in a microtask; the frame after that is when the new charts are painted.
    queueMicrotask(() =>
      requestAnimationFrame(() => {
        const painted = performance.now();
        for (const e of covered) this.perf.latencies.push(painted - e.at);
      }),
    );
    this.shownSamples = outcome.result.samples;
    this.shownMs = Math.round(outcome.ms);
    this.generation++;
    this.#announce(outcome.result);
  }

  #announce(r: RunResult): void {
    const changed: OutputId[] = [];
    for (const id of OUTPUT_IDS) {
      if (!OUTPUTS[id].headline) continue;
      const met = r.outputs[id].verdict.met;
      const before = this.#lastVerdicts.get(id);
      if (before !== undefined && before !== met) changed.push(id);
      this.#lastVerdicts.set(id, met);
    }
    this.changedVerdicts = changed;
  }

  /** Headline outputs whose verdict flipped with the last result (the page announces them). */
  changedVerdicts = $state<OutputId[]>([]);
}
