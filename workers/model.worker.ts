/** The model in a web worker: a thin comlink expose of src/model. Results come back with their arrays transferred. */
import { expose, transfer } from 'comlink';
import { runModel, transferables } from '../src/model/monte-carlo';
import type { ModelInput } from '../src/model/types';
// The analysis (and its least-squares solver) loads on first use: a worker that only runs the model boots faster.
const analysis = () => Promise.all([import('../src/model/analysis'), import('../src/model/goal-seek')]);
import type { OutputId } from '../src/model/indicators';
import type { ParamId } from '../src/model/registry';

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

const api = {
  /**
   * One Monte Carlo run. `outputs` limits the summaries to some outputs (a pool's share); `onProgress`, a
   * comlink-proxied callback, hears the fraction done.
   */
  run(input: ModelInput, samples: number, outputs?: readonly OutputId[], onProgress?: (fraction: number) => void) {
    const result = runModel(input, samples, { outputs, onProgress: onProgress ? (f) => void onProgress(f) : undefined });
    return transfer(result, transferables(result));
  },
  /** One output's analysis bundle: calibration, both goal seeks, tornado rows and on-track status (plain JSON). */
  async analyse(input: ModelInput, outputId: OutputId, options: AnalyseOutputOptions = {}) {
    const [{ analyse }] = await analysis();
    const { lever, ...rest } = options;
    return analyse(input, { ...rest, outputs: [outputId], levers: lever ? { [outputId]: lever } : undefined }).outputs[0];
  },
  /** Both goal seeks of one output for a given lever and probability level. */
  async goalSeek(input: ModelInput, outputId: OutputId, leverId: ParamId, level: number, samples?: number) {
    const [, { goalSeek, goalSeekProbability }] = await analysis();
    return { central: goalSeek(input, outputId, leverId), probability: goalSeekProbability(input, outputId, leverId, level, samples) };
  },
};

expose(api);
export type ModelWorkerApi = typeof api;
