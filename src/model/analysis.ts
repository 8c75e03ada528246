/**
 * The analysis bundle behind `--json --analysis` and the analysis panel: for every headline indicator, its
 * calibration against the observations (where there are any), goal seeks on the central path and for a probability
 * of meeting the target, the top of its tornado and the model-free on-track status. Plain JSON-serialisable objects
 * (no typed arrays, no non-finite numbers); pure TypeScript, so it runs in the worker and the CLI.
 */
import { deadlineIndex, resolveAnchors } from './anchors';
import { DEFAULT_PLAN, PLANS } from './plans';
import { calibrate, type Calibration } from './calibrate';
import { goalSeek, goalSeekProbability, type GoalSeekResult, type ProbabilitySeekResult } from './goal-seek';
import { OUTPUTS, meets, type OutputId, type Target } from './indicators';
import { runCentral } from './monte-carlo';
import { onTrack, type OnTrackOutput } from './on-track';
import type { ParamId, TrafficFamily, UsersFamily } from './registry';
import { sensitivity, type SensitivityRow } from './sensitivity';
import type { ModelInput } from './types';

export interface AnalyseOptions {
  /** Outputs to analyse (default: the headline indicators). */
  readonly outputs?: readonly OutputId[];
  /** Levers for the goal seeks, per output (default: defaultLever). */
  readonly levers?: Partial<Record<OutputId, ParamId>>;
  /** Probability level for the probabilistic goal seek (default 0.8). */
  readonly level?: number;
  /** Draws per evaluation of the probabilistic goal seek (default: the scenario's count, at most 2000). */
  readonly samples?: number;
  /** Run the probabilistic goal seek (default true; it is the slow part). */
  readonly probability?: boolean;
  /** Tornado rows kept per output (default 5). */
  readonly top?: number;
  /** Also fit the users ceiling (default false). */
  readonly fitCeiling?: boolean;
}

export interface OutputAnalysis {
  readonly id: OutputId;
  readonly target: Target;
  /** Central value at 2023-12 and its verdict. */
  readonly central: number;
  readonly met: boolean;
  readonly calibration: Calibration;
  readonly goalSeek: GoalSeekResult;
  readonly goalSeekProbability: ProbabilitySeekResult | null;
  readonly sensitivity: {
    readonly base: number;
    readonly rows: SensitivityRow[];
    /** Number of relevant parameters in the full tornado. */
    readonly relevant: number;
  };
  readonly onTrack: OnTrackOutput;
}

export interface Analysis {
  readonly asOf: string;
  readonly horizon: string;
  readonly seed: number;
  readonly families: { readonly users: UsersFamily; readonly traffic: TrafficFamily };
  readonly level: number;
  readonly samples: number;
  readonly outputs: OutputAnalysis[];
}

/** Analyses a scenario's headline outputs (or those asked for). */
export function analyse(input: ModelInput, opts: AnalyseOptions = {}): Analysis {
  const ids = opts.outputs ?? PLANS[input.plan ?? DEFAULT_PLAN].headline;
  const level = opts.level ?? 0.8;
  const samples = opts.samples ?? Math.min(input.samples, 2000);
  const top = opts.top ?? 5;
  const a = resolveAnchors(input.asOf, input.horizon, undefined, input.plan);
  const central = runCentral(input, a);
  const outputs = ids.map((id): OutputAnalysis => {
    const value = central[id][deadlineIndex(a, id)];
    const lever = opts.levers?.[id];
    const tornado = sensitivity(input, id);
    return {
      id,
      target: OUTPUTS[id].target,
      central: value,
      met: meets(OUTPUTS[id].target, value),
      calibration: calibrate(input, id, { fitCeiling: opts.fitCeiling }),
      goalSeek: goalSeek(input, id, lever),
      goalSeekProbability: opts.probability === false ? null : goalSeekProbability(input, id, lever, level, samples),
      sensitivity: { base: tornado.base, rows: tornado.rows.slice(0, top), relevant: tornado.rows.length },
      onTrack: onTrack(id, input.asOf),
    };
  });
  return {
    asOf: input.asOf,
    horizon: input.horizon,
    seed: input.seed,
    families: { ...input.families },
    level,
    samples,
    outputs,
  };
}
