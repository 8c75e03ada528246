/** The backtest's vintages in a web worker: a thin comlink expose of src/model/backtest's runVintage. */
import { expose, transfer } from 'comlink';
import { runVintage, type VintageRun } from '../src/model/backtest';
import type { ModelInput } from '../src/model/types';

/** The buffers of a vintage's run, transferred rather than copied. */
function buffers(r: VintageRun): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const o of Object.values(r.outputs)) {
    if (!o) continue;
    out.push(o.central.buffer as ArrayBuffer, o.bands.buffer as ArrayBuffer);
    if (o.deadlineSamples) out.push(o.deadlineSamples.buffer as ArrayBuffer);
  }
  return out;
}

const api = {
  /** Runs one vintage of the backtest: the scenario's assumptions as of `asOf`, on what was known then. */
  runVintage(input: ModelInput, asOf: string, samples: number): VintageRun {
    const r = runVintage(input, asOf, samples);
    return transfer(r, buffers(r));
  },
};

expose(api);
export type BacktestWorkerApi = typeof api;
