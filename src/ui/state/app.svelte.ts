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
import { paintTracker } from '../paint-tracker';

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

  // Times of edits not yet covered by a shown result (for the paint tracker).
  #pendingEdits: { edit: number; at: number }[] = [];

  // Quick runs and full runs go to separate schedulers (separate workers), so a preview never waits behind a full
  // run. Results may then arrive out of order: one is shown only if it reflects a newer edit than the one shown,
  // or the same edit at more samples. So a stale result is never shown.
  readonly #preview: Scheduler;
  readonly #full: Scheduler;
  #edit = 0;
  #shown = { edit: -1, samples: 0 };
  #inFlight = 0;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #lastVerdicts = new Map<OutputId, boolean>();

  constructor(full: Scheduler, preview: Scheduler = full) {
    this.#full = full;
    this.#preview = preview;
    const report = (e: Error) => {
      this.failure = e.message;
    };
    full.onFailure = report;
    preview.onFailure = report;
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

  /** Runs the current scenario: a quick run first, so the first charts come fast, then the full run. */
  runNow(): void {
    this.#schedule('preview');
    this.settle();
  }

  #schedule(mode: 'preview' | 'full'): void {
    this.#edit++;
    this.#pendingEdits.push({ edit: this.#edit, at: performance.now() });
    clearTimeout(this.#settleTimer);
    if (mode === 'full') {
      void this.#run(this.#full, this.scenario.samples);
      return;
    }
    void this.#run(this.#preview, Math.min(PREVIEW_SAMPLES, this.scenario.samples));
    this.#settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  /** Starts the full run of the current edit now (a slider was released, or the edits paused). */
  settle(): void {
    clearTimeout(this.#settleTimer);
    if (this.#shown.edit === this.#edit && this.#shown.samples >= this.scenario.samples) return;
    void this.#run(this.#full, this.scenario.samples);
  }

  async #run(scheduler: Scheduler, samples: number): Promise<void> {
    const input = $state.snapshot(this.scenario) as Scenario;
    const edit = this.#edit;
    this.#inFlight++;
    this.running = true;
    const outcome = await scheduler.request(input, samples);
    this.running = --this.#inFlight > 0;
    if (outcome.status === 'failed') {
      this.failure = outcome.error.message;
      return;
    }
    if (outcome.status !== 'done') return;
    const shown = this.#shown;
    if (edit < shown.edit || (edit === shown.edit && samples <= shown.samples)) return;
    this.#shown = { edit, samples };
    this.result = outcome.result;
    this.shownSamples = outcome.result.samples;
    this.shownMs = Math.round(outcome.ms);
    this.generation++;
    this.#announce(outcome.result);
    const covered = this.#pendingEdits.filter((e) => e.edit <= edit);
    this.#pendingEdits = this.#pendingEdits.filter((e) => e.edit > edit);
    paintTracker.delivered(covered.map((e) => e.at));
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
    // Keep the last announcement until another verdict flips (a later, fuller run of the same edit changes none).
    if (changed.length) this.changedVerdicts = changed;
  }

  /** Headline outputs whose verdict flipped with the last result (the page announces them). */
  changedVerdicts = $state<OutputId[]>([]);
}
