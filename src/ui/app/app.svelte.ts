/**
 * The notebook's state: the scenario (always valid: every edit is parsed by the schema before it is applied), the
 * language and theme, and the latest result. Edits ask the scheduler for a quick run at a reduced sample count, so
 * charts follow a dragged slider; when the edit settles the full run replaces it. The UI only renders this state.
 */
import { ScenarioSchema, formatIssues, planOf, type Scenario } from '../../scenario/schema';
import { PRESETS, basisName, presetById, type Preset } from '../../scenario/presets';
import { switchedScenario } from './plan-switch';
import type { LinkState, ViewMode } from '../../scenario/link-state';
import {
  OUTPUTS,
  PARAMS,
  shiftDist,
  type OutputId,
  type OutputResult,
  type ParamId,
  type Dist,
  type PlanId,
  type RunResult,
} from '../../model';
import { LARGE_RUN, createLatest, isCancelled, type Fallback, type Scheduler, type Ticket } from '../../runner';
import { pick, type Lang } from '../../i18n';
import type { BaselinePaths } from '../notebook/baseline';
import { paintTracker } from '../lib/paint-tracker';
import { EditHistory } from './history.svelte';

export type Theme = 'auto' | 'light' | 'dark';

/** How an edit runs the model: a quick run now and the full run when it settles, the full run now, or no run (the
 * title and notes do not change any result). */
export type EditMode = 'preview' | 'full' | 'none';

export interface EditOptions {
  /** Edits of the same key close together (a dragged slider, typing in a field) are one undo step. */
  coalesce?: string;
  /** Record the edit in the undo history (default true). */
  record?: boolean;
}

/** A scenario being compared (see compare.svelte.ts): its name, colour and run. */
export interface CompareRun {
  /** The entry of `compare`: a preset id or a saved scenario's name. */
  name: string;
  kind: 'preset' | 'saved';
  label: { zh: string; en: string };
  colour: string;
  /** 'other-plan': a scenario of the other plan (from a link or a saved scenario), which is not run or compared. */
  status: 'running' | 'done' | 'missing' | 'failed' | 'other-plan';
  result: RunResult | null;
}

/** The fields of a scenario the model reads (title, notes and the preset's name change no result). */
export function modelKey(s: Scenario): string {
  const { title: _t, notes: _n, preset: _p, ...rest } = s;
  return JSON.stringify(rest);
}

/**
 * Returns the draft without its plan, before another scenario is assigned over it: a 2021 scenario names no plan, so
 * assigning one over an upgrade-plan draft would otherwise keep the upgrade plan.
 */
function withoutPlan(s: Scenario): Scenario {
  delete s.plan;
  return s;
}

/** Samples of the quick run made while a control moves. */
export const PREVIEW_SAMPLES = 1000;
/** How long after the last keyboard or typed edit the full run starts. */
export const SETTLE_MS = 250;
/** Edits waiting for their result that are remembered for the paint tracker (older ones are forgotten). */
const PENDING_MAX = 100;
/** How long a flipped verdict is shown as "missed → met". */
export const FLIP_MS = 6000;

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
  /** Fraction done of a large run on the worker pool, or null when none is in flight. */
  progress = $state<number | null>(null);
  /** True when the last large run was cancelled by the user (the previous result stays shown). */
  cancelled = $state(false);
  /** Stops a large run in flight (set by the page that made the pool). */
  cancelLargeRun: (() => void) | undefined;
  /** The last worker failure, shown in the error panel until dismissed. */
  failure = $state<string | null>(null);
  /** True when no model worker could start and the model runs on the main thread (see runner/fallback.ts). */
  onMainThread = $state(false);
  /** Why the workers were given up (the failure's message), while on the main thread. */
  fallbackDetail = $state<string | null>(null);
  /** The most samples a main-thread run takes. */
  mainThreadMax = $state(Infinity);
  /** The last refused edit's messages (schema errors), by field. */
  refused = $state<string[]>([]);
  /** Count of results delivered (tests wait on it). */
  generation = $state(0);
  /** The open view (part of the share link): notebook, compare, or presentation at an indicator. */
  view = $state<{ mode: ViewMode; indicator?: OutputId }>({ mode: 'notebook' });
  /** Scenarios compared with this one: preset ids or saved names (at most three). */
  compare = $state<string[]>([]);
  /** Their runs, in the same order, set by the comparison runner. */
  compareRuns = $state.raw<CompareRun[]>([]);
  /** Undo and redo of scenario edits. */
  readonly history = new EditHistory<Scenario>();

  // Times of edits not yet covered by a shown result (for the paint tracker).
  #pendingEdits: { edit: number; at: number }[] = [];

  // Quick runs and full runs go to separate schedulers (separate workers), so a preview never waits behind a full
  // run. Results may then arrive out of order: one is shown only if it reflects a newer edit than the one shown,
  // or the same edit at more samples. So a stale result is never shown.
  readonly #preview: Scheduler;
  readonly #full: Scheduler;
  // One ticket per edit: a result is shown only if it answers a newer edit than the one shown, or the same edit at
  // more samples (the rank).
  readonly #edits = createLatest();
  #edit: Ticket = this.#edits.begin();
  #inFlight = 0;
  #fallback: Fallback | null = null;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  // Bookkeeping, not state the page renders: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
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

  /**
   * Follows the runners' fallback: a worker failure being retried is shown in the error panel; when the runs fall
   * back to the main thread the page says so and offers Retry (retryWorkers).
   */
  watchFallback(fallback: Fallback): void {
    this.#fallback = fallback;
    this.mainThreadMax = fallback.maxSamples;
    fallback.onRetry = (e) => {
      this.failure = e.message;
    };
    fallback.onChange = (mode, e) => {
      this.onMainThread = mode === 'main';
      this.fallbackDetail = e?.message ?? null;
      // The fallback notice replaces the "being run again" panel.
      if (e) this.failure = null;
    };
  }

  /** Tries the model workers again (the fallback's Retry) and runs the current scenario on them. */
  retryWorkers(): void {
    this.#fallback?.retry();
    this.failure = null;
    this.runNow();
  }

  get preset(): Preset {
    return presetById(this.scenario.preset) ?? PRESETS[0];
  }

  /** What the scenario starts from, by name: its preset's, or "registry defaults" (a file that names no preset). */
  get basisName(): string {
    return basisName(this.scenario.preset, this.lang === 'zh-CN' ? 'zh' : 'en');
  }

  /** Whether the scenario starts from a shipped preset (else from the registry defaults, or an unknown id). */
  get hasPreset(): boolean {
    return presetById(this.scenario.preset) !== undefined;
  }

  /**
   * Applies an edit to a copy of the scenario and keeps it only if the schema accepts the result; returns the
   * messages of a refused edit (and the scenario stays as it was). `mode`: 'preview' runs the quick run now and the
   * full run when the edit settles; 'full' runs the full run now; 'none' runs nothing (title, notes). An accepted
   * edit that changes the scenario is an undo step (see EditOptions).
   */
  edit(change: (s: Scenario) => void, mode: EditMode = 'full', options: EditOptions = {}): string[] {
    const before = $state.snapshot(this.scenario) as Scenario;
    const draft = structuredClone(before);
    change(draft);
    const parsed = ScenarioSchema.safeParse(draft);
    if (!parsed.success) {
      this.refused = formatIssues(parsed.error.issues);
      return this.refused;
    }
    this.refused = [];
    if ((options.record ?? true) && JSON.stringify(before) !== JSON.stringify(parsed.data))
      this.history.record(before, options.coalesce);
    this.scenario = parsed.data;
    if (mode !== 'none') this.#schedule(mode);
    return [];
  }

  /** Sets a parameter's point value; its uncertainty moves with it (see shiftDist). */
  setParam(id: ParamId, value: number, mode: 'preview' | 'full' = 'full'): string[] {
    this.lastEdited = id;
    return this.edit(
      (s) => {
        const old = s.params[id];
        s.params[id] = { value, dist: shiftDist(old.dist, old.value, value, PARAMS[id]) };
      },
      mode,
      // Slider moves (previews) of one parameter coalesce into one undo step; a typed value is a step of its own.
      mode === 'preview' ? { coalesce: `param:${id}` } : {},
    );
  }

  setDist(id: ParamId, dist: Dist): string[] {
    this.lastEdited = id;
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

  /** Switches to a preset, keeping the language, the sampling settings, the title and the notes. */
  usePreset(id: string): void {
    const p = presetById(id);
    if (!p) return;
    const { seed, samples, title, notes } = this.scenario;
    this.edit((s) => {
      Object.assign(withoutPlan(s), structuredClone(p.scenario), { seed, samples, title, notes });
    });
  }

  /** The scenario's plan (sailing-2021 when it names none). */
  get plan(): PlanId {
    return planOf(this.scenario);
  }

  /**
   * Switches to another plan: its baseline preset and dates, keeping the seed, samples, title, notes and families,
   * and every assumption both plans share that differs from the current preset's (plan-switch.ts). Returns how many
   * shared assumptions were kept. One undo step; the comparison (of the other plan's scenarios) is cleared.
   */
  switchPlan(plan: PlanId): number {
    if (plan === this.plan) return 0;
    const from = $state.snapshot(this.scenario) as Scenario;
    const { scenario, kept } = switchedScenario(from, this.preset, plan);
    this.edit((s) => void Object.assign(withoutPlan(s), scenario));
    if (planOf(this.scenario) === plan) {
      this.compare = [];
      if (this.view.indicator) this.view = { mode: this.view.mode === 'compare' ? 'notebook' : this.view.mode };
    }
    return kept.length;
  }

  /** Resets every assumption to the current preset (dates, seed and samples too); the title and notes stay. */
  resetAll(): void {
    const p = this.preset;
    const { title, notes } = this.scenario;
    this.edit((s) => {
      Object.assign(withoutPlan(s), structuredClone(p.scenario), { title, notes });
    });
  }

  /** Starts over: the first preset with every default, no title or notes, the notebook view, nothing compared. */
  resetToDefaults(): void {
    this.edit((s) => {
      Object.assign(withoutPlan(s), structuredClone(PRESETS[0].scenario));
    });
    this.view = { mode: 'notebook' };
    this.compare = [];
  }

  /** Replaces the whole scenario (validated like any edit; an undo step unless told otherwise). */
  replaceScenario(next: Scenario, options: EditOptions & { run?: boolean } = {}): string[] {
    const run = (options.run ?? true) && modelKey(next) !== modelKey($state.snapshot(this.scenario) as Scenario);
    return this.edit((s) => void Object.assign(withoutPlan(s), structuredClone(next)), run ? 'full' : 'none', options);
  }

  /** The whole shareable state: scenario, language, view and comparison. */
  linkState(): LinkState {
    const view = $state.snapshot(this.view);
    return {
      scenario: $state.snapshot(this.scenario) as Scenario,
      lang: this.lang,
      view: view.indicator ? { mode: view.mode, indicator: view.indicator } : { mode: view.mode },
      ...(this.compare.length ? { compare: [...this.compare] } : {}),
    };
  }

  /** Applies a (validated) shareable state; the scenario change is an undo step unless `record` is false. */
  applyLinkState(state: LinkState, options: { record?: boolean; keepLang?: boolean; run?: boolean } = {}): void {
    this.replaceScenario(state.scenario, { record: options.record ?? true, run: options.run });
    if (!options.keepLang) this.lang = state.lang;
    this.view = state.view.indicator
      ? { mode: state.view.mode, indicator: state.view.indicator }
      : { mode: state.view.mode };
    this.compare = [...(state.compare ?? [])];
  }

  /** Goes back one undo step; false when there is none. */
  undo(): boolean {
    return this.#travel((cur) => this.history.undo(cur));
  }

  /** Goes forward one step; false when there is none. */
  redo(): boolean {
    return this.#travel((cur) => this.history.redo(cur));
  }

  #travel(step: (cur: Scenario) => Scenario | undefined): boolean {
    const cur = $state.snapshot(this.scenario) as Scenario;
    const next = step(cur);
    if (!next) return false;
    this.refused = [];
    this.scenario = next;
    if (modelKey(next) !== modelKey(cur)) this.#schedule('full');
    return true;
  }

  /** The compared scenarios' central paths of one output, for the fan chart's overlays. */
  overlaysFor(id: OutputId): { label: string; colour: string; output: OutputResult }[] {
    return this.compareRuns
      .filter((r) => r.result?.outputs[id]) // a compared scenario of the other plan has none of this plan's outputs
      .map((r) => ({ label: pick(r.label, this.lang), colour: r.colour, output: r.result!.outputs[id] }));
  }

  /**
   * Runs the current scenario: a quick run first, so the first charts come fast, then the full run once it is in (on
   * two cores, a full run booting alongside would slow the quick one down).
   */
  runNow(): void {
    this.#newEdit();
    clearTimeout(this.#settleTimer);
    void this.#run(this.#preview, Math.min(PREVIEW_SAMPLES, this.scenario.samples)).then(() => this.#settleRun());
  }

  /** Starts a new edit: its results supersede every earlier edit's. */
  #newEdit(): void {
    this.#edit = this.#edits.begin();
    this.#pendingEdits.push({ edit: this.#edit.seq, at: performance.now() });
    // Edits whose results never came (a failed run) are not kept for ever.
    if (this.#pendingEdits.length > PENDING_MAX) this.#pendingEdits.splice(0, this.#pendingEdits.length - PENDING_MAX);
  }

  #schedule(mode: 'preview' | 'full'): void {
    this.#newEdit();
    clearTimeout(this.#settleTimer);
    if (mode === 'full') {
      void this.#run(this.#full, this.scenario.samples);
      return;
    }
    void this.#run(this.#preview, Math.min(PREVIEW_SAMPLES, this.scenario.samples));
    this.#settleTimer = setTimeout(() => this.#settleRun(), SETTLE_MS);
  }

  /** A slider was released: its moves are one undo step, and the full run of the current edit starts now. */
  settle(): void {
    this.history.seal();
    this.#settleRun();
  }

  /** Starts the full run of the current edit now (the edits paused, or a slider was released). */
  #settleRun(): void {
    clearTimeout(this.#settleTimer);
    const shown = this.#edits.shown;
    if (shown && shown.seq === this.#edit.seq && shown.rank >= this.scenario.samples) return;
    void this.#run(this.#full, this.scenario.samples);
  }

  async #run(scheduler: Scheduler, samples: number): Promise<void> {
    const input = $state.snapshot(this.scenario) as Scenario;
    const edit = this.#edit;
    this.#inFlight++;
    this.running = true;
    this.cancelled = false;
    if (samples >= LARGE_RUN) this.progress = 0;
    const outcome = await scheduler.request(input, samples);
    this.running = --this.#inFlight > 0;
    if (samples >= LARGE_RUN) this.progress = null;
    if (outcome.status === 'failed') {
      if (isCancelled(outcome.error)) this.cancelled = true;
      else this.failure = outcome.error.message;
      return;
    }
    if (outcome.status !== 'done') return;
    if (!edit.settle(samples)) return;
    this.result = outcome.result;
    this.shownSamples = outcome.result.samples;
    this.shownMs = Math.round(outcome.ms);
    this.generation++;
    this.#announce(outcome.result);
    const covered = this.#pendingEdits.filter((e) => e.edit <= edit.seq);
    this.#pendingEdits = this.#pendingEdits.filter((e) => e.edit > edit.seq);
    paintTracker.delivered(covered.map((e) => e.at));
  }

  #announce(r: RunResult): void {
    const changed: OutputId[] = [];
    for (const id of r.ids) {
      if (!OUTPUTS[id].headline) continue;
      const met = r.outputs[id].verdict.met;
      const before = this.#lastVerdicts.get(id);
      if (before !== undefined && before !== met) changed.push(id);
      this.#lastVerdicts.set(id, met);
    }
    // Keep the last announcement until another verdict flips (a later, fuller run of the same edit changes none).
    if (changed.length) {
      this.changedVerdicts = changed;
      // Shown as "未达标 → 达标" in the scorecard and the sticky status for a few seconds.
      this.recentFlips = changed;
      clearTimeout(this.#flipTimer);
      this.#flipTimer = undefined;
    }
    // The flips stay while a slider moves (quick runs) and for FLIP_MS once the full run of the edit is shown.
    if (this.recentFlips.length && this.#flipTimer === undefined && r.samples >= this.scenario.samples) {
      this.#flipTimer = setTimeout(() => {
        this.recentFlips = [];
        this.#flipTimer = undefined;
      }, FLIP_MS);
    }
  }

  /** Headline outputs whose verdict flipped in the last few seconds (FLIP_MS), shown as "missed → met". */
  recentFlips = $state<OutputId[]>([]);
  #flipTimer: ReturnType<typeof setTimeout> | undefined;
  /** The assumption edited last (the sticky status shows its indicator). */
  lastEdited = $state<ParamId | null>(null);
  /** The preset's central paths while the scenario differs from its preset (the charts' grey reference line). */
  baseline = $state.raw<BaselinePaths | null>(null);

  /** Headline outputs whose verdict flipped with the last result (the page announces them). */
  changedVerdicts = $state<OutputId[]>([]);
}
