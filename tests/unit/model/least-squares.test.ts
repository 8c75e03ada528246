/**
 * The calibration's numerical helpers on their own, against answers known in closed form: bounded least squares on a
 * straight line and an exponential, the standard errors of ordinary least squares, the small matrix inverse, RMSE and
 * R², and the bisection both goal seeks use.
 */
import { describe, expect, it } from 'vitest';
import { fitBounded, fitQuality, invert } from '../../../src/model/least-squares';
import { bisect } from '../../../src/model/goal-seek';

describe('fitBounded', () => {
  const x = [0, 1, 2, 3, 4, 5, 6, 7];

  it('recovers a straight line exactly, within its bounds', () => {
    const y = x.map((v) => 3 + 1.5 * v);
    const r = fitBounded(
      {
        x,
        y,
        lo: [0, 0],
        width: [10, 5],
        curve:
          ([a, b]) =>
          (t) =>
            a + b * t,
        conditions: 0,
      },
      [5, 2.5],
    );
    expect(r.values[0]).toBeCloseTo(3, 6);
    expect(r.values[1]).toBeCloseTo(1.5, 6);
    expect(r.theta[0]).toBeCloseTo(0.3, 6);
    expect(r.sse).toBeLessThan(1e-12);
  });

  it('gives the standard errors of ordinary least squares on noisy data', () => {
    const noise = [0.3, -0.2, 0.1, -0.4, 0.25, 0.05, -0.15, 0.2];
    const y = x.map((v, i) => 2 + 0.5 * v + noise[i]);
    const r = fitBounded(
      {
        x,
        y,
        lo: [-10, -10],
        width: [20, 20],
        curve:
          ([a, b]) =>
          (t) =>
            a + b * t,
        conditions: 0,
      },
      [0, 0],
    );
    // Closed form: b = Sxy / Sxx, a = ȳ − b·x̄, se(b) = s / √Sxx with s² = SSE / (n − 2).
    const n = x.length;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const b = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / sxx;
    const a = my - b * mx;
    const sse = x.reduce((s, v, i) => s + (y[i] - a - b * v) ** 2, 0);
    const s2 = sse / (n - 2);
    expect(r.values[0]).toBeCloseTo(a, 6);
    expect(r.values[1]).toBeCloseTo(b, 6);
    expect(r.se![1]).toBeCloseTo(Math.sqrt(s2 / sxx), 4);
    expect(r.se![0]).toBeCloseTo(Math.sqrt(s2 * (1 / n + (mx * mx) / sxx)), 4);
  });

  it('keeps a parameter at its bound when the best fit lies beyond it, and has no errors without spare points', () => {
    const y = x.map((v) => 2 * Math.exp(0.3 * v));
    const r = fitBounded(
      {
        x,
        y,
        lo: [0],
        width: [0.2],
        curve:
          ([k]) =>
          (t) =>
            2 * Math.exp(k * t),
        conditions: 0,
      },
      [0.1],
    );
    expect(r.theta[0]).toBe(1);
    expect(r.values[0]).toBeCloseTo(0.2, 12);
    const two = fitBounded(
      {
        x: [0, 1],
        y: [3, 4.5],
        lo: [0, 0],
        width: [10, 5],
        curve:
          ([a, b]) =>
          (t) =>
            a + b * t,
        conditions: 0,
      },
      [1, 1],
    );
    expect(two.se).toBeNull();
  });
});

describe('invert, fitQuality, bisect', () => {
  it('inverts a small matrix and refuses a singular one', () => {
    const inv = invert([
      [4, 7],
      [2, 6],
    ])!;
    expect(inv[0][0]).toBeCloseTo(0.6, 12);
    expect(inv[0][1]).toBeCloseTo(-0.7, 12);
    expect(inv[1][0]).toBeCloseTo(-0.2, 12);
    expect(inv[1][1]).toBeCloseTo(0.4, 12);
    expect(
      invert([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
  });

  it('computes RMSE and R²', () => {
    expect(fitQuality([])).toEqual({ rmse: 0, r2: 1 });
    expect(
      fitQuality([
        { observed: 1, fitted: 1 },
        { observed: 3, fitted: 3 },
      ]),
    ).toEqual({ rmse: 0, r2: 1 });
    const q = fitQuality([
      { observed: 1, fitted: 2 },
      { observed: 3, fitted: 2 },
    ]);
    expect(q.rmse).toBe(1);
    expect(q.r2).toBe(0); // SSE 2 against a total of 2 about the mean: no better than the mean
    expect(
      fitQuality([
        { observed: 1, fitted: 3 },
        { observed: 3, fitted: 1 },
      ]).r2,
    ).toBe(-3); // worse than the mean
  });

  it('bisects to the boundary from either side, and stops where floating point does', () => {
    const up = bisect(2, 0, (x) => x * x >= 2, 1e-12, 200);
    expect(up.meets * up.meets).toBeGreaterThanOrEqual(2);
    expect(up.fails * up.fails).toBeLessThan(2);
    expect(up.meets - Math.SQRT2).toBeLessThan(1e-11);
    const down = bisect(0, 10, (x) => x <= 3.25, 0.01, 200);
    expect(down.meets).toBeLessThanOrEqual(3.25);
    expect(down.fails).toBeGreaterThan(3.25);
    expect(down.fails - down.meets).toBeLessThanOrEqual(0.01);
    // A tolerance below the spacing of doubles ends when the midpoint equals an end, not after maxIter.
    let calls = 0;
    const tight = bisect(2, 1, (x) => (calls++, x >= 1.5), 0, 10_000);
    expect(calls).toBeLessThan(70);
    expect(tight.meets).toBe(1.5);
  });
});
