/**
 * The peer in the model benchmark: Squiggle (@quri/squiggle-lang) evaluating the users indicator's Bass model of a
 * scenario, month by month, on sample sets of the same size as ours. Squiggle's arithmetic on sample-set
 * distributions is element-wise, so this is the same recurrence over the same number of samples:
 *   U(t+1) = U(t) + (p + q·U(t)/Mk)·(Mk − U(t)),  Mk = ceiling × P
 * with p, q and the ceiling drawn from the scenario's triangular distributions (population held at its anchor value;
 * its tiny drift does not change the cost).
 */
import { run } from '@quri/squiggle-lang';
import type { Scenario } from '../src/scenario/schema';
import type { Dist } from '../src/model';

function sq(d: Dist, point: number): string {
  switch (d.kind) {
    case 'fixed':
      return String(point);
    case 'uniform':
      return `uniform(${d.min}, ${d.max})`;
    case 'triangular':
      return `triangular(${d.min}, ${d.mode}, ${d.max})`;
    case 'normal':
      return `normal(${d.mean}, ${d.sd})`;
    case 'lognormal':
      return `lognormal(${Math.log(d.median)}, ${d.sigma})`;
  }
}

/** Returns the Squiggle program for the users path from the anchor (2021-06) to `months` months later. */
export function bassProgram(s: Scenario, u0: number, population: number, months: number): string {
  const p = s.params;
  return `
p = ${sq(p.bassP.dist, p.bassP.value)}
q = ${sq(p.bassQ.dist, p.bassQ.value)}
mk = ${sq(p.ceiling.dist, p.ceiling.value)} / 100 * ${population}
step(u) = u + (p + q * u / mk) * (mk - u)
final = List.reduce(List.upTo(1, ${months}), ${u0}, {|u, _i| step(u)})
[mean(final), quantile(final, 0.05), quantile(final, 0.95)]
`;
}

/** Runs the Squiggle peer once and returns its wall time and its answer (mean, p5, p95 of users at the deadline). */
export async function runSquigglePeer(s: Scenario, samples: number, months = 30): Promise<{ ms: number; answer: string }> {
  const code = bassProgram(s, 365e6, 1.41212e9, months);
  const t0 = performance.now();
  const r = await run(code, { environment: { sampleCount: samples, xyPointLength: 100, seed: String(s.seed) } });
  const ms = performance.now() - t0;
  if (!r.result.ok) throw new Error(`Squiggle failed: ${r.result.value.toString()}`);
  return { ms, answer: r.result.value.result.toString() };
}
