/**
 * Seeded sampling of parameter sets. Every parameter draws its uniforms from its own stream, keyed by the run's seed
 * and the parameter's id, and turns them into values by the inverse of its distribution's CDF. So two scenarios run
 * with one seed share their random draws parameter by parameter (common random numbers): changing one parameter's
 * distribution moves only that parameter's values, and differences between scenarios are not sampling noise.
 */
import { randomLcg } from 'd3-random';
import { exp, probit } from './math';
import type { Dist } from './types';

/** Mixes a seed and a string into a 32-bit stream key (FNV-1a over the string, then a murmur3 finaliser). */
export function streamKey(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= seed >>> 16;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fills `out` with uniforms strictly inside (0, 1) from the stream of (seed, name). */
export function fillUniforms(out: Float64Array, seed: number, name: string): Float64Array {
  const next = randomLcg(streamKey(seed, name));
  // randomLcg yields k / 2^32 for k in [0, 2^32): shifting by half a step keeps 0 and 1 out, so inverse CDFs stay finite.
  const half = 0.5 / 4294967296;
  for (let i = 0; i < out.length; i++) out[i] = next() + half;
  return out;
}

/** Returns the value of a distribution at probability u (its inverse CDF), before clipping. */
export function inverseCdf(d: Dist, u: number, point: number): number {
  switch (d.kind) {
    case 'fixed':
      return point;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b <= a) return a;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'normal':
      return d.mean + d.sd * probit(u);
    case 'lognormal':
      return d.median * exp(d.sigma * probit(u));
    default:
      return d satisfies never;
  }
}

/**
 * Draws `n` values of one parameter: inverse-CDF transforms of its own uniform stream, clipped to the allowed range.
 * A fixed parameter is filled with its point value and consumes no stream.
 */
export function sampleParam(
  name: string,
  d: Dist,
  point: number,
  min: number,
  max: number,
  n: number,
  seed: number,
): Float64Array {
  const out = new Float64Array(n);
  if (d.kind === 'fixed') return out.fill(point);
  fillUniforms(out, seed, name);
  for (let i = 0; i < n; i++) {
    const v = inverseCdf(d, out[i], point);
    out[i] = v < min ? min : v > max ? max : v;
  }
  return out;
}
