/**
 * Plain types the model works on. The scenario's TypeScript type is derived from its zod schema in src/scenario;
 * the model depends only on the shape below, which that schema's output satisfies.
 */
import type { ParamId, TrafficFamily, UsersFamily } from './registry';
import type { Month } from './months';
import type { OutputId } from './indicators';
import type { PlanId } from './plans';

/** A parameter's uncertainty. Every draw is clipped to the parameter's allowed range. */
export type Dist =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number };

export interface ParamSetting {
  /** Point value: used by the central path. */
  readonly value: number;
  readonly dist: Dist;
}

/** What the model needs from a scenario. */
export interface ModelInput {
  /** The plan whose targets the run reads (default `sailing-2021`): it fixes the outputs and the deadline. */
  readonly plan?: PlanId;
  /** ISO date: the model anchors on the last observation at or before it. */
  readonly asOf: string;
  /** `YYYY-MM`: last month simulated (at least the plan's deadline). */
  readonly horizon: string;
  readonly seed: number;
  readonly samples: number;
  readonly families: { readonly users: UsersFamily; readonly traffic: TrafficFamily };
  readonly params: Readonly<Record<ParamId, ParamSetting>>;
}

/** The quantile levels of the bands, in the order they are stored. */
export const QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

export interface Verdict {
  readonly met: boolean;
  /** Value minus target, in the indicator's unit (for a range: distance inside the nearer bound; negative outside). */
  readonly margin: number;
  /** Margin as a percentage of the target level. */
  readonly marginPct: number;
}

/** One output of a run. Arrays are indexed by month from `start`. */
export interface OutputResult {
  readonly id: OutputId;
  /** First month of the path: the anchor month. */
  readonly start: Month;
  /** Number of months in the path (start … horizon). */
  readonly length: number;
  /** Central path: every parameter at its point value. */
  readonly central: Float64Array;
  /** Quantile bands, `QUANTILES.length` rows of `length` months: row q starts at `q * length`. */
  readonly bands: Float64Array;
  /** Index of the deadline month (2023-12) in the path. */
  readonly deadlineIndex: number;
  /** Central value at the deadline. */
  readonly value: number;
  readonly verdict: Verdict;
  /** Share of samples meeting the target at the deadline. */
  readonly pMet: number;
  /** First month the central path meets the target, or null if it never does within the horizon. */
  readonly crossing: Month | null;
  /** Share of samples whose path has met the target at or before each month. */
  readonly crossingCdf: Float64Array;
  /** First month by which half the samples have met the target, or null. */
  readonly crossingMedian: Month | null;
  /** Every sample's value at the deadline. */
  readonly deadlineSamples: Float64Array;
}

export interface RunResult {
  readonly samples: number;
  readonly seed: number;
  readonly plan: PlanId;
  /** The run's outputs: its plan's, headline first. `outputs` holds these and no others. */
  readonly ids: readonly OutputId[];
  readonly deadline: Month;
  readonly horizon: Month;
  /** Keyed by output; only the plan's outputs (`ids`) are present. */
  readonly outputs: Readonly<Record<OutputId, OutputResult>>;
  /** Share of samples in which every headline target is met at the deadline. */
  readonly pAllMet: number;
  readonly modelVersion: string;
  readonly dataVersion: string;
}
