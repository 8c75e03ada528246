/**
 * One-at-a-time sensitivity of an output's central 2023-12 value (a tornado): every parameter active under the
 * scenario's families is swung between the 10th and 90th percentiles of its distribution, all others held at their
 * point values. Central paths only, so the result does not depend on the seed or the sample count. Pure TypeScript.
 *
 * Relevance is computed, not declared: a parameter whose swing leaves the output unchanged (it does not feed this
 * output, or it only matters before the first observation, or its distribution is degenerate) is dropped.
 */
import { deadlineIndex, resolveAnchors } from './anchors';
import { OUTPUTS, type OutputId, type Target } from './indicators';
import { PARAM_IDS, PARAMS, isActive, type ParamId } from './registry';
import { inverseCdf } from './random';
import { centralFn } from './goal-seek';
import { runCentral } from './monte-carlo';
import type { ModelInput } from './types';

/**
 * How a row's low and high values were chosen: the 10th and 90th percentiles of its distribution ('p10-p90'); for a
 * fixed parameter ±10 % of its point value ('fixed-10pct'), or ±10 % of its range where the point is 0
 * ('fixed-10pct-of-range'). src/i18n/analysis-text.ts renders them in both languages.
 */
export type SwingBasis = 'p10-p90' | 'fixed-10pct' | 'fixed-10pct-of-range';

/** Why a parameter is left out of a tornado: not used under the scenario's families, or its swing moves nothing. */
export type DropReason = 'inactive' | 'no-effect';

export interface SensitivityRow {
  readonly param: ParamId;
  readonly basis: SwingBasis;
  /** The parameter's low and high values (clipped to its range). */
  readonly low: number;
  readonly high: number;
  /** Central value at the deadline with the parameter at low and at high. */
  readonly outputLow: number;
  readonly outputHigh: number;
  /** outputHigh − outputLow: its sign is the direction in which raising the parameter moves the output. */
  readonly swing: number;
}

export interface SensitivityResult {
  readonly outputId: OutputId;
  readonly target: Target;
  /** Central value at the deadline with every parameter at its point value. */
  readonly base: number;
  /** Ranked by |swing|, largest first (registry order breaks ties). */
  readonly rows: SensitivityRow[];
  /** Parameters left out, and why. */
  readonly dropped: { readonly param: ParamId; readonly reason: DropReason }[];
}

/** The swing of one parameter: p10 and p90 of its distribution, or ±10 % of a fixed point (of its range if the point is 0). */
export function swingOf(input: ModelInput, id: ParamId): { low: number; high: number; basis: SwingBasis } {
  const p = PARAMS[id];
  const s = input.params[id];
  const clip = (v: number) => Math.min(p.max, Math.max(p.min, v));
  if (s.dist.kind !== 'fixed') {
    return {
      low: clip(inverseCdf(s.dist, 0.1, s.value)),
      high: clip(inverseCdf(s.dist, 0.9, s.value)),
      basis: 'p10-p90',
    };
  }
  if (s.value !== 0) {
    const d = 0.1 * Math.abs(s.value);
    return { low: clip(s.value - d), high: clip(s.value + d), basis: 'fixed-10pct' };
  }
  const d = 0.1 * (p.max - p.min);
  return { low: clip(s.value - d), high: clip(s.value + d), basis: 'fixed-10pct-of-range' };
}

/** Returns the tornado of one output's central value at 2023-12. */
export function sensitivity(input: ModelInput, outputId: OutputId): SensitivityResult {
  const a = resolveAnchors(input.asOf, input.horizon, undefined, input.plan);
  const rows: SensitivityRow[] = [];
  const dropped: SensitivityResult['dropped'] = [];
  const base = runCentral(input, a)[outputId][deadlineIndex(a, outputId)];
  const tol = 1e-9 * Math.max(1, Math.abs(base));
  for (const id of PARAM_IDS) {
    if (!isActive(PARAMS[id], input.families)) {
      dropped.push({ param: id, reason: 'inactive' });
      continue;
    }
    const { low, high, basis } = swingOf(input, id);
    const f = centralFn(input, outputId, id, a);
    const outputLow = f(low);
    const outputHigh = f(high);
    if (Math.abs(outputLow - base) <= tol && Math.abs(outputHigh - base) <= tol) {
      dropped.push({ param: id, reason: 'no-effect' });
      continue;
    }
    rows.push({ param: id, basis, low, high, outputLow, outputHigh, swing: outputHigh - outputLow });
  }
  const order = new Map(PARAM_IDS.map((id, i) => [id, i]));
  rows.sort((x, y) => Math.abs(y.swing) - Math.abs(x.swing) || order.get(x.param)! - order.get(y.param)!);
  return { outputId, target: OUTPUTS[outputId].target, base, rows, dropped };
}
