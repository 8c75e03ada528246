/**
 * Moving a parameter's point value carries its uncertainty along: a planner who raises q expects the whole
 * distribution of q to rise, not only the central path. Additive shifts for uniform, triangular and normal; a scale
 * for lognormal (its median follows the point). Bounds are clipped to the allowed range, which keeps their order.
 */
import type { Dist } from './types';
import type { ParamDef } from './registry';

/** Returns the distribution moved so that it sits where it did relative to the point value, now `to`. */
export function shiftDist(d: Dist, from: number, to: number, p: Pick<ParamDef, 'min' | 'max'>): Dist {
  const delta = to - from;
  const clip = (v: number) => Math.min(p.max, Math.max(p.min, v));
  switch (d.kind) {
    case 'fixed':
      return d;
    case 'uniform':
      return { kind: 'uniform', min: clip(d.min + delta), max: clip(d.max + delta) };
    case 'triangular':
      return { kind: 'triangular', min: clip(d.min + delta), mode: clip(d.mode + delta), max: clip(d.max + delta) };
    case 'normal':
      return { kind: 'normal', mean: clip(d.mean + delta), sd: d.sd };
    case 'lognormal': {
      const median = from > 0 && to > 0 ? d.median * (to / from) : to;
      // The median must stay positive: at a point of 0 it takes the smallest positive value of the range.
      const floor = Math.max(p.min, Number.MIN_VALUE);
      return {
        kind: 'lognormal',
        median: Math.min(p.max, Math.max(floor, median > 0 ? median : floor)),
        sigma: d.sigma,
      };
    }
    default:
      return d satisfies never;
  }
}
