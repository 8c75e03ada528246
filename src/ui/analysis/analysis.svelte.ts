/**
 * The state of one cell's analysis panel: whether it is open, the lever and probability level the user chose, and
 * the latest analysis bundle and goal seeks from the analysis worker. Nothing runs while the panel is closed; when it
 * opens the analysis runs at once, and while it is open every scenario change re-runs it after a pause (DEBOUNCE_MS).
 * Results are shown only if they answer the newest request, and each remembers the scenario it was computed for, so
 * the panel can say it is updating. The model-free on-track status is cheap and pure: it is computed here, on the
 * main thread, and shown even while the panel is closed. Applying an answer goes through the app state's validated
 * edits (setParam, edit), like any other change of an assumption.
 */
import { untrack } from 'svelte';
import {
  OUTPUTS,
  PARAMS,
  defaultLever,
  isActive,
  onTrack,
  planParams,
  shiftDist,
  type OnTrackOutput,
  type OutputAnalysis,
  type OutputId,
  type ParamId,
} from '../../model';
import { createDefaultAnalysisClient, type AnalysisClient, type GoalSeekPair } from '../../runner/analysis';
import { createLatest } from '../../runner/latest';
import type { Scenario } from '../../scenario/schema';
import type { AppState } from '../app/app.svelte';
import { orderLevers, round4 } from '../../i18n/analysis-text';

/** Pause after the last scenario change before an open panel re-runs its analysis. */
export const DEBOUNCE_MS = 400;
/** Allowed probability levels of the probabilistic goal seek, in percent. */
export const LEVEL_MIN = 1;
export const LEVEL_MAX = 99;
export const LEVEL_DEFAULT = 80;
/** Tornado rows shown. */
export const TORNADO_ROWS = 8;

let shared: AnalysisClient | null = null;
/** The app's analysis client, created on first use (its worker on the first request). */
export function analysisClient(): AnalysisClient {
  shared ??= createDefaultAnalysisClient();
  return shared;
}

/** Parses a typed probability level in percent: a whole or decimal number from 1 to 99, else null. */
export function parseLevel(text: string): number | null {
  const v = Number(text.trim().replace(',', '.').replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(v) || v < LEVEL_MIN || v > LEVEL_MAX) return null;
  return v;
}

export class AnalysisState {
  readonly #app: () => AppState;
  readonly #id: () => OutputId;
  readonly #client: () => AnalysisClient;

  open = $state(false);
  /** The lever chosen by the user; null means the output's default lever. */
  chosenLever = $state<ParamId | null>(null);
  /** Probability level of the probabilistic goal seek, in percent. */
  level = $state(LEVEL_DEFAULT);
  bundle = $state.raw<OutputAnalysis | null>(null);
  seek = $state.raw<GoalSeekPair | null>(null);
  analysing = $state(false);
  seeking = $state(false);
  error = $state<string | null>(null);
  /** Outcome of the last "use fitted values": refused edits' messages, or 'applied'. */
  fittedMessage = $state<string[] | 'applied' | null>(null);

  // The scenario objects the shown bundle and seek were computed for (the app replaces its scenario on every edit).
  #bundleFor = $state.raw<Scenario | null>(null);
  #seekFor = $state.raw<Scenario | null>(null);
  // Latest wins: the whole analysis, and the goal seeks (which a full analysis also answers).
  readonly #analyses = createLatest();
  readonly #seeks = createLatest();
  #justOpened = false;

  constructor(app: () => AppState, id: () => OutputId, client: () => AnalysisClient = analysisClient) {
    this.#app = app;
    this.#id = id;
    this.#client = client;
  }

  get app(): AppState {
    return this.#app();
  }
  get id(): OutputId {
    return this.#id();
  }

  /** The model-free progress status from the observations known at the as-of date. */
  readonly onTrack: OnTrackOutput = $derived.by(() => onTrack(this.id, this.app.scenario.asOf));

  /**
   * Parameters that can serve as the lever: those the scenario's plan reads (the other plan's own assumptions cannot
   * move this plan's outputs), active under the scenario's families.
   */
  readonly levers: ParamId[] = $derived.by(() => {
    const f = this.app.scenario.families;
    return orderLevers(
      planParams(this.app.plan).filter((p) => isActive(PARAMS[p], f)),
      this.id,
    );
  });

  readonly defaultLever: ParamId = $derived.by(() => defaultLever(this.id, this.app.scenario.families));

  /** The lever in use: the user's choice while it is active, else the default. */
  readonly lever: ParamId = $derived.by(() => {
    const c = this.chosenLever;
    return c && isActive(PARAMS[c], this.app.scenario.families) ? c : this.defaultLever;
  });

  /** True when what is shown was computed for an older scenario (a newer analysis is pending or running). */
  get stale(): boolean {
    return (
      (this.#bundleFor !== null && this.#bundleFor !== this.app.scenario) ||
      (this.#seekFor !== null && this.#seekFor !== this.app.scenario)
    );
  }

  setOpen(open: boolean): void {
    if (open && !this.open) this.#justOpened = true;
    this.open = open;
  }

  /**
   * Called by the panel's effect whenever it is open and the scenario changes: runs now when just opened (unless the
   * shown analysis is already for this scenario), else after DEBOUNCE_MS. Returns the cleanup that cancels a wait.
   */
  schedule(): () => void {
    return untrack(() => {
      if (!this.open) return () => {};
      const now = this.#justOpened;
      this.#justOpened = false;
      if (now && this.#bundleFor === this.app.scenario) return () => {};
      const timer = setTimeout(() => this.run(), now ? 0 : DEBOUNCE_MS);
      return () => clearTimeout(timer);
    });
  }

  /** Runs the whole analysis of the current scenario (with the chosen lever and level). */
  async run(): Promise<void> {
    const app = this.app;
    const scenario = app.scenario;
    const input = $state.snapshot(scenario) as Scenario;
    const id = this.id;
    const lever = this.lever;
    const a = this.#analyses.begin();
    const s = this.#seeks.begin();
    this.analysing = true;
    const outcome = await this.#client().analyse(input, id, { lever, level: this.level / 100, top: TORNADO_ROWS });
    if (a.isCurrent()) this.analysing = false;
    if (outcome.status === 'superseded') return;
    if (outcome.status === 'failed') {
      if (a.isCurrent()) this.error = outcome.error.message;
      return;
    }
    if (!a.isCurrent()) return;
    this.error = null;
    this.bundle = outcome.value;
    this.#bundleFor = scenario;
    if (s.isCurrent()) {
      this.seek = { central: outcome.value.goalSeek, probability: outcome.value.goalSeekProbability! };
      this.#seekFor = scenario;
      this.seeking = false;
    }
  }

  /** Re-runs the goal seeks only (the lever or the level changed). */
  async runSeek(): Promise<void> {
    const scenario = this.app.scenario;
    const input = $state.snapshot(scenario) as Scenario;
    const s = this.#seeks.begin();
    this.seeking = true;
    const outcome = await this.#client().goalSeek(input, this.id, this.lever, this.level / 100);
    if (!s.isCurrent()) return;
    this.seeking = false;
    if (outcome.status === 'superseded') return;
    if (outcome.status === 'failed') {
      this.error = outcome.error.message;
      return;
    }
    this.error = null;
    this.seek = outcome.value;
    this.#seekFor = scenario;
  }

  /** Chooses the lever (null: the default) and seeks again. */
  setLever(lever: ParamId | null): void {
    this.chosenLever = lever === this.defaultLever ? null : lever;
    if (this.open) void this.runSeek();
  }

  /** Sets the probability level from typed text; returns an error message key, or null when accepted. */
  setLevel(text: string): 'anLevelInvalid' | null {
    const v = parseLevel(text);
    if (v === null) return 'anLevelInvalid';
    if (v !== this.level) {
      this.level = v;
      if (this.open) void this.runSeek();
    }
    return null;
  }

  /** Sets the lever's point value (its uncertainty moves with it); returns the messages of a refused edit. */
  applyLever(value: number): string[] {
    return this.app.setParam(this.seek?.central.lever ?? this.lever, value);
  }

  /** Sets the calibration's fitted values (four significant figures) as the central assumptions. */
  applyFitted(): string[] {
    const cal = this.bundle?.calibration;
    if (!cal || cal.status !== 'fitted') return [];
    const errors = this.app.edit((s) => {
      for (const [pid, v] of Object.entries(cal.params) as [ParamId, number][]) {
        const p = PARAMS[pid];
        const x = Math.min(p.max, Math.max(p.min, round4(v)));
        const old = s.params[pid];
        s.params[pid] = { value: x, dist: shiftDist(old.dist, old.value, x, p) };
      }
    });
    this.fittedMessage = errors.length ? errors : 'applied';
    return errors;
  }

  /** Whether the output is a headline indicator (only those have the panel). */
  get headline(): boolean {
    return OUTPUTS[this.id].headline;
  }
}
