/**
 * The contract between the main thread and the model worker. The runner owns it; `workers/model.worker.ts` declares
 * that the object it exposes `satisfies` it, and the runner never imports the worker file, so the two sides are
 * checked against one type and no cast crosses the comlink boundary.
 */
import type {
  GoalSeekResult,
  ModelInput,
  OutputAnalysis,
  OutputId,
  ParamId,
  ProbabilitySeekResult,
  RunResult,
} from '../model';

/** Options of one output's analysis (see AnalyseOptions in src/model/analysis.ts). */
export interface AnalyseOutputOptions {
  /** Lever of the goal seeks (default: the output's default lever). */
  readonly lever?: ParamId;
  /** Probability level of the probabilistic goal seek (default 0.8). */
  readonly level?: number;
  /** Draws per evaluation of the probabilistic goal seek (default: the scenario's count, at most 2000). */
  readonly samples?: number;
  /** Tornado rows kept (default 5). */
  readonly top?: number;
}

/** The goal seeks of one output for one lever: on the central path and for a probability of meeting the target. */
export interface GoalSeekPair {
  readonly central: GoalSeekResult;
  readonly probability: ProbabilitySeekResult;
}

/** What the model worker exposes. Results come back with their typed arrays transferred. */
export interface ModelWorkerApi {
  /**
   * One Monte Carlo run. `outputs` limits the summaries to some outputs (a pool's share); `onProgress`, a
   * comlink-proxied callback, hears the fraction done (the pool's heartbeat).
   */
  run(
    input: ModelInput,
    samples: number,
    outputs?: readonly OutputId[],
    onProgress?: (fraction: number) => void,
  ): RunResult;
  /** One output's analysis bundle: calibration, both goal seeks, tornado rows and on-track status (plain JSON). */
  analyse(input: ModelInput, outputId: OutputId, options?: AnalyseOutputOptions): Promise<OutputAnalysis>;
  /** Both goal seeks of one output for a given lever and probability level. */
  goalSeek(
    input: ModelInput,
    outputId: OutputId,
    leverId: ParamId,
    level: number,
    samples?: number,
  ): Promise<GoalSeekPair>;
}

/** Makes the app's model worker from the bundled worker file (the one place that names it). */
export function makeModelWorker(): Worker {
  return new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' });
}
