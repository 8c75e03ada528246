/**
 * The plan's indicators as the model sees them: fixed ids, targets and comparators (read from the reference data),
 * the observed series that anchors each, and the physical bounds every path must respect.
 */
import { PLAN_TARGETS } from '../data/targets';
import { target2027 } from '../data/targets-2027';
import { parseMonth, type Month } from './months';

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

export const PROGRAMME_IDS = [
  'solutions',
  'industry_standards',
  'security_demo_centers',
  'regional_benchmarks',
] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

/**
 * The upgrade plan's (2024-11) headline indicators, each with its own id even where it reuses a 2021 output's
 * equations (its own target, deadline, definition and wording): data/targets-2027.json.
 */
export const UPGRADE_INDICATOR_IDS = [
  'personal_user_penetration',
  'traffic_share_2027',
  'base_stations_per_10k_2027',
  'industry_vpn_2027',
  'iot_connections',
  'industrial_penetration_lm',
] as const;
/** The upgrade plan's further quantitative targets (shown with the programme targets' machinery). */
export const UPGRADE_FURTHER_IDS = ['edge_nodes', 'scale_cities'] as const;
export type UpgradeId = (typeof UPGRADE_INDICATOR_IDS)[number] | (typeof UPGRADE_FURTHER_IDS)[number];

export type OutputId = IndicatorId | ProgrammeId | UpgradeId;
/** The 2021 plan's outputs, headline first (the order of its results, checksums and golden files). */
export const OUTPUT_IDS: readonly (IndicatorId | ProgrammeId)[] = [...INDICATOR_IDS, ...PROGRAMME_IDS];
/** Every output of the model, the 2021 plan's first: the order of the simulation's sink. */
export const ALL_OUTPUT_IDS: readonly OutputId[] = [...OUTPUT_IDS, ...UPGRADE_INDICATOR_IDS, ...UPGRADE_FURTHER_IDS];

/** Where an upgrade-plan output's target is in data/targets-2027.json. */
const TARGET_2027_ID: Readonly<Record<UpgradeId, string>> = {
  personal_user_penetration: 'g5_personal_user_penetration',
  traffic_share_2027: 'g5_traffic_share',
  base_stations_per_10k_2027: 'base_stations_per_10k',
  industry_vpn_2027: 'g5_industry_vpn',
  iot_connections: 'g5_iot_connections',
  industrial_penetration_lm: 'large_medium_industrial_5g_penetration',
  edge_nodes: 'edge_computing_nodes',
  scale_cities: 'g5_scale_application_cities',
};

/** Returns the id of an upgrade-plan output's target in data/targets-2027.json, or undefined for a 2021 output. */
export function target2027Id(id: OutputId): string | undefined {
  return (TARGET_2027_ID as Partial<Record<OutputId, string>>)[id];
}

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
  /** The month the target is read at: 2023-12 for the 2021 plan's outputs, 2027-12 for the upgrade plan's. */
  readonly deadline: Month;
}

const DEADLINE_2021: Month = parseMonth(PLAN_TARGETS.plan.deadline.slice(0, 7));

function targetOf(id: OutputId): Target {
  const id27 = target2027Id(id);
  if (id27) {
    const t = target2027(id27);
    if (t.value === null || t.comparator === 'qualitative')
      throw new Error(`${id27} in data/targets-2027.json has no quantitative target`);
    return { comparator: t.comparator, value: t.value };
  }
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
  personal_user_penetration: 'share',
  traffic_share_2027: 'share',
  base_stations_per_10k_2027: 'density',
  industry_vpn_2027: 'count',
  iot_connections: 'count',
  industrial_penetration_lm: 'share',
  edge_nodes: 'count',
  scale_cities: 'count',
};

const SERIES: Partial<Record<OutputId, string>> = {
  // Connections until the 2021 metric break, 5G phone users after, bridged (src/model/bridge.ts).
  user_penetration: 'g5_users',
  users: 'g5_users',
  traffic_share: 'g5_traffic_share',
  base_stations_per_10k: 'g5_base_stations',
  industry_vpn: 'g5_industry_vpn',
  // The penetration target counts persons; the only series counts 5G phone users (a proxy, see plans.ts).
  personal_user_penetration: 'g5_users',
  traffic_share_2027: 'g5_traffic_share',
  base_stations_per_10k_2027: 'g5_base_stations',
  industry_vpn_2027: 'g5_industry_vpn',
  iot_connections: 'g5_iot_connections',
};

const HEADLINE: ReadonlySet<OutputId> = new Set([...INDICATOR_IDS, ...UPGRADE_INDICATOR_IDS]);

/** Metadata of every output, headline indicators first. */
export const OUTPUTS: Readonly<Record<OutputId, OutputMeta>> = Object.fromEntries(
  ALL_OUTPUT_IDS.map((id) => [
    id,
    {
      id,
      headline: HEADLINE.has(id),
      target: targetOf(id),
      kind: KIND[id],
      series: SERIES[id],
      deadline: target2027Id(id) ? parseMonth(target2027(target2027Id(id)!).deadline.slice(0, 7)) : DEADLINE_2021,
    },
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
