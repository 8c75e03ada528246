/**
 * The plan's indicators as the model sees them: fixed ids, targets and comparators (read from the reference data),
 * the observed series that anchors each, and the physical bounds every path must respect.
 */
import { PLAN_TARGETS } from '../data/targets';

export const INDICATOR_IDS = [
  'user_penetration',
  'users',
  'traffic_share',
  'industrial_penetration',
  'iot_growth',
  'base_stations_per_10k',
  'industry_vpn',
  'benchmarks_per_industry',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const PROGRAMME_IDS = ['solutions', 'industry_standards', 'security_demo_centers', 'regional_benchmarks'] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

export type OutputId = IndicatorId | ProgrammeId;
export const OUTPUT_IDS: readonly OutputId[] = [...INDICATOR_IDS, ...PROGRAMME_IDS];

/** A target: strictly above, at least, or within a closed range at the deadline. */
export type Target =
  | { readonly comparator: '>' | '>='; readonly value: number }
  | { readonly comparator: 'range'; readonly lo: number; readonly hi: number };

export interface OutputMeta {
  readonly id: OutputId;
  readonly headline: boolean;
  readonly target: Target;
  /** `share`: a percentage kept within [0, 100]; `count`: a cumulative count that never falls; `rate`: a growth rate. */
  readonly kind: 'share' | 'count' | 'rate' | 'density';
  /** The observed series behind the indicator, if any (its values are shown as data). */
  readonly series?: string;
}

function targetOf(id: OutputId): Target {
  const ind = PLAN_TARGETS.indicators.find((x) => x.id === id);
  if (ind) return { comparator: ind.comparator, value: ind.target };
  const prog = PLAN_TARGETS.other_targets.find((x) => x.id === id);
  if (!prog) throw new Error(`no target for ${id} in data/plan-targets.json`);
  if (prog.comparator === 'range') return { comparator: 'range', lo: prog.target[0], hi: prog.target[1] };
  return { comparator: prog.comparator, value: prog.target };
}

const KIND: Record<OutputId, OutputMeta['kind']> = {
  user_penetration: 'share',
  users: 'count',
  traffic_share: 'share',
  industrial_penetration: 'share',
  iot_growth: 'rate',
  base_stations_per_10k: 'density',
  industry_vpn: 'count',
  benchmarks_per_industry: 'count',
  solutions: 'count',
  industry_standards: 'count',
  security_demo_centers: 'count',
  regional_benchmarks: 'count',
};

const SERIES: Partial<Record<OutputId, string>> = {
  // Connections until the 2021 metric break, 5G phone users after, bridged (src/model/bridge.ts).
  user_penetration: 'g5_users',
  users: 'g5_users',
  traffic_share: 'g5_traffic_share',
  base_stations_per_10k: 'g5_base_stations',
  industry_vpn: 'g5_industry_vpn',
};

/** Metadata of every output, headline indicators first. */
export const OUTPUTS: Readonly<Record<OutputId, OutputMeta>> = Object.fromEntries(
  OUTPUT_IDS.map((id) => [
    id,
    { id, headline: (INDICATOR_IDS as readonly string[]).includes(id), target: targetOf(id), kind: KIND[id], series: SERIES[id] },
  ]),
) as Record<OutputId, OutputMeta>;

/** Returns whether a value meets a target. */
export function meets(target: Target, v: number): boolean {
  switch (target.comparator) {
    case '>':
      return v > target.value;
    case '>=':
      return v >= target.value;
    case 'range':
      return v >= target.lo && v <= target.hi;
    default:
      return target satisfies never;
  }
}

/** Returns the margin of a value over its target in the indicator's unit (negative when missed). */
export function marginOf(target: Target, v: number): number {
  return target.comparator === 'range' ? Math.min(v - target.lo, target.hi - v) : v - target.value;
}

/** Returns the target's reference level (the threshold, or the range's lower bound). */
export function targetLevel(target: Target): number {
  return target.comparator === 'range' ? target.lo : target.value;
}
