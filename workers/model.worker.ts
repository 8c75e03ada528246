/** The model in a web worker: a thin comlink expose of src/model. Results come back with their arrays transferred. */
import { expose, transfer } from 'comlink';
import { runModel, transferables, type ModelInput } from '../src/model';

const api = {
  run(input: ModelInput, samples: number) {
    const result = runModel(input, samples);
    return transfer(result, transferables(result));
  },
};

expose(api);
export type ModelWorkerApi = typeof api;
