/**
 * The model's one-step recurrences (DESIGN.md, "The model") on plain numbers. simulate.ts applies them to every sample
 * month by month; calibrate.ts steps the same functions along the observations when it fits them, so a fit is a fit
 * of the model itself and the two cannot drift apart. Each is a few floating-point operations in a fixed order: change
 * one and the golden runs (tests/unit/model/golden-run.test.ts) say so.
 */
import { exp, log, pow } from './math';

/** Returns `(1 + pct/100)^(1/12)`, the monthly factor of an annual percentage rate. */
export function monthlyFactor(pct: number): number {
  return pow(1 + pct / 100, 1 / 12);
}

/** Returns the market potential `Mk = ceiling/100 × P`, given `mkShare = ceiling / 100` and the population. */
export function marketPotential(mkShare: number, population: number): number {
  return mkShare * population;
}

/** Bass: `U + (p + q·U/Mk)·(Mk − U)`, with p and q monthly. */
export function bassStep(u: number, mk: number, p: number, q: number): number {
  return u + (p + (q * u) / mk) * (mk - u);
}

/** Logistic users: `U + r·U·(1 − U/Mk)`, with r monthly. */
export function logisticUsersStep(u: number, mk: number, r: number): number {
  return u + r * u * (1 - u / mk);
}

/** Gompertz: `Mk·exp(ln(U/Mk)·e^(−g))`, given `decay = e^(−g)`. */
export function gompertzStep(u: number, mk: number, decay: number): number {
  return mk * exp(log(u / mk) * decay);
}

/** Returns e^(−g), the Gompertz step's per-month decay of ln(U/Mk). */
export function gompertzDecay(g: number): number {
  return exp(-g);
}

/** A cumulative count never falls: the next value where it is higher, else the current one. */
export function held(current: number, next: number): number {
  return next > current ? next : current;
}

/**
 * A logistic share (industrial penetration, the logistic traffic share) one month on, by the exact solution over the
 * month: `max / (1 + (max/x − 1)·e^(−ρ))` with `eK = e^(−ρ) = (1 + k)^(−1/12)`, kept within 0 … 100 %.
 */
export function logisticShareStep(x: number, max: number, eK: number): number {
  const next = max / (1 + (max / x - 1) * eK);
  return next < 0 ? 0 : next > 100 ? 100 : next;
}

/** Base stations: the monthly additions in build year y (0 from the anchor), `annual·(1 + growth)^y / 12`. */
export function monthlyAdditions(annual: number, growthPct: number, y: number): number {
  return (annual * pow(1 + growthPct / 100, y)) / 12;
}
