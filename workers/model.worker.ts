/** The model in a web worker: a thin comlink expose of src/model, checked against the runner's protocol. */
import { expose, transfer } from 'comlink';
import { runModel, transferables } from '../src/model/monte-carlo';
import type { ModelWorkerApi } from '../src/runner/protocol';
// The analysis (and its least-squares solver) loads on first use: a worker that only runs the model boots faster.
const analysis = () => Promise.all([import('../src/model/analysis'), import('../src/model/goal-seek')]);

const api = {
  run(input, samples, outputs, onProgress) {
    const result = runModel(input, samples, {
      outputs,
      onProgress: onProgress ? (f) => void onProgress(f) : undefined,
    });
    return transfer(result, transferables(result));
  },
  async analyse(input, outputId, options = {}) {
    const [{ analyse }] = await analysis();
    const { lever, ...rest } = options;
    return analyse(input, { ...rest, outputs: [outputId], levers: lever ? { [outputId]: lever } : undefined })
      .outputs[0];
  },
  async goalSeek(input, outputId, leverId, level, samples) {
    const [, { goalSeek, goalSeekProbability }] = await analysis();
    return {
      central: goalSeek(input, outputId, leverId),
      probability: goalSeekProbability(input, outputId, leverId, level, samples),
    };
  },
} satisfies ModelWorkerApi;

expose(api);
