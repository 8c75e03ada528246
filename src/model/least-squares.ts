/**
 * Bounded least squares for the calibration: ml-levenberg-marquardt over parameters normalised to their ranges
 * ([min, max] → [0, 1], which the optimiser keeps within bounds), from a few starting points, keeping the best fit;
 * asymptotic standard errors from the Jacobian at the optimum; RMSE and R². Knows nothing of the model: a problem is
 * observations, parameter ranges and a curve.
 */
import { levenbergMarquardt } from 'ml-levenberg-marquardt';

export interface LeastSquaresProblem {
  /** Where the curve is observed (months) and what was observed there. */
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Each parameter's lower bound and the width of its range. */
  readonly lo: readonly number[];
  readonly width: readonly number[];
  /** Returns the curve for the given parameter values, as a function of x. */
  readonly curve: (values: readonly number[]) => (x: number) => number;
  /** Observations that are initial conditions rather than data the curve can miss (they cost a degree of freedom). */
  readonly conditions: number;
}

export interface FitResult {
  readonly values: number[];
  /** The values normalised to [0, 1] over their ranges. */
  readonly theta: number[];
  /** Asymptotic standard errors in the parameters' units, or null without spare points or with a singular Jacobian. */
  readonly se: number[] | null;
  /** Sum of squared residuals, with residuals scaled by the largest |y|. */
  readonly sse: number;
}

/** Fits the problem's parameters from `current` (clamped inside the range) and a small grid of starting points. */
export function fitBounded(problem: LeastSquaresProblem, current: readonly number[]): FitResult {
  const { lo, width } = problem;
  const scale = Math.max(...problem.y.map((v) => Math.abs(v))) || 1;
  const toValues = (theta: readonly number[]) => theta.map((t, k) => lo[k] + t * width[k]);
  const data = { x: [...problem.x], y: problem.y.map((v) => v / scale) };
  const model = (theta: number[]) => {
    const f = problem.curve(toValues(theta));
    return (x: number) => f(x) / scale;
  };
  const sseOf = (theta: readonly number[]) => {
    const f = model([...theta]);
    let e = 0;
    for (let i = 0; i < data.x.length; i++) e += (data.y[i] - f(data.x[i])) ** 2;
    return e;
  };

  const k = lo.length;
  const clamp01 = (t: number) => Math.min(0.98, Math.max(0.02, t));
  const starts: number[][] = [current.map((v, j) => clamp01((v - lo[j]) / width[j]))];
  const levels = k === 1 ? [0.05, 0.2, 0.5] : k === 2 ? [0.03, 0.15, 0.5] : [0.05, 0.3];
  const grid = (j: number): number[][] =>
    j === k ? [[]] : grid(j + 1).flatMap((rest) => levels.map((l) => [l, ...rest]));
  starts.push(...grid(0));

  let best: { theta: number[]; sse: number } | null = null;
  for (const init of starts) {
    let r;
    try {
      r = levenbergMarquardt(data, model, {
        initialValues: init,
        minValues: new Array(k).fill(0),
        maxValues: new Array(k).fill(1),
        gradientDifference: 1e-6,
        centralDifference: true,
        damping: 1e-2,
        maxIterations: 300,
        errorTolerance: 1e-16,
      });
    } catch {
      continue;
    }
    const theta = r.parameterValues.map((t) => Math.min(1, Math.max(0, t)));
    const sse = sseOf(theta);
    if (Number.isFinite(sse) && (!best || sse < best.sse)) best = { theta, sse };
  }
  if (!best) throw new Error('calibration failed: no starting point gave a finite fit');

  const se = standardErrors(model, data, best.theta, best.sse, width, problem.conditions);
  return { values: toValues(best.theta), theta: best.theta, se, sse: best.sse };
}

/** Standard errors from s²·(JᵀJ)⁻¹ at the optimum (central differences in normalised coordinates), or null without spare points. */
function standardErrors(
  model: (theta: number[]) => (x: number) => number,
  data: { x: number[]; y: number[] },
  theta: readonly number[],
  sse: number,
  width: readonly number[],
  conditions: number,
): number[] | null {
  const k = theta.length;
  const dof = data.x.length - conditions - k;
  if (dof <= 0) return null;
  const h = 1e-6;
  const J = theta.map((_, j) => {
    const up = [...theta];
    const dn = [...theta];
    up[j] += h;
    dn[j] -= h;
    const fu = model(up);
    const fd = model(dn);
    return data.x.map((x) => (fu(x) - fd(x)) / (2 * h));
  });
  const A = J.map((ri) => J.map((rj) => ri.reduce((s, v, i) => s + v * rj[i], 0)));
  const inv = invert(A);
  if (!inv) return null;
  const s2 = sse / dof;
  return theta.map((_, j) => {
    const v = inv[j][j] * s2;
    return v >= 0 && Number.isFinite(v) ? Math.sqrt(v) * width[j] : Number.MAX_VALUE;
  });
}

/** Inverts a small symmetric matrix by Gauss-Jordan elimination with partial pivoting; null if singular. */
export function invert(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  const norm = Math.max(...a.map((r) => Math.max(...r.map(Math.abs)))) || 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) <= 1e-14 * norm) return null;
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

/** RMSE and R² of fitted against observed values. */
export function fitQuality(pts: readonly { readonly observed: number; readonly fitted: number }[]): {
  rmse: number;
  r2: number;
} {
  if (pts.length === 0) return { rmse: 0, r2: 1 };
  let ss = 0;
  let mean = 0;
  for (const p of pts) {
    ss += (p.observed - p.fitted) ** 2;
    mean += p.observed;
  }
  mean /= pts.length;
  let tot = 0;
  for (const p of pts) tot += (p.observed - mean) ** 2;
  return { rmse: Math.sqrt(ss / pts.length), r2: tot > 0 ? 1 - ss / tot : ss === 0 ? 1 : 0 };
}
