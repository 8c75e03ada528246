/**
 * A fingerprint of a run's numbers: FNV-1a over the bytes of every array and scalar, in output order. Equal
 * fingerprints mean bit-identical results; tests use it to prove that Node, the CLI and the worker agree.
 */
import type { RunResult } from './types';

/** Returns a hex fingerprint of every number in a result. */
export function checksum(r: RunResult): string {
  let h = 0x811c9dc5;
  const eat = (a: Float64Array) => {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  };
  for (const id of r.ids) {
    const o = r.outputs[id];
    eat(o.central);
    eat(o.bands);
    eat(o.crossingCdf);
    eat(o.deadlineSamples);
    eat(Float64Array.of(o.value, o.pMet, o.crossing ?? -1, o.crossingMedian ?? -1));
  }
  eat(Float64Array.of(r.pAllMet));
  return (h >>> 0).toString(16).padStart(8, '0');
}
