// The plan-launch snapshot (data/observations-as-of-2021-07.csv), generated from the CSV by scripts/gen-data.ts.
// tests/unit/model/data.test.ts checks every figure here against that file; src/data/vintage.ts holds the later figures.
import { SNAPSHOT_ROWS } from './observations.generated';
import type { Observation } from './types';

export const OBSERVATIONS: readonly Observation[] = SNAPSHOT_ROWS.map((t) => ({
  series: t[0],
  date: t[1],
  value: t[2],
  unit: t[3],
  basis: t[4] === 1 ? ('derived' as const) : ('reported' as const),
  source: t[5],
}));
