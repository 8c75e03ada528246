/**
 * The two plans the notebook serves. A plan fixes the target set (its headline and further outputs), the deadline,
 * the default as-of date (the plan's issue date, or the latest data where that is earlier) and the horizon (at least
 * two years past the deadline). `sailing-2021` is what every scenario, link and file without a plan means.
 *
 * - `sailing-2021`: 《5G应用“扬帆”行动计划(2021-2023年)》, issued 2021-07-05, targets at 2023-12 (data/plan-targets.json).
 * - `upgrade-2024`: 《5G规模化应用“扬帆”行动升级方案》, dated 2024-11-22, targets at 2027-12 (data/targets-2027.json).
 */
import { PLAN_TARGETS } from '../data/targets';
import { TARGETS_2027 } from '../data/targets-2027';
import { STORE } from '../data/vintage';
import { INDICATOR_IDS, PROGRAMME_IDS, UPGRADE_FURTHER_IDS, UPGRADE_INDICATOR_IDS, type OutputId } from './indicators';
import { formatMonth, parseMonth, type Month } from './months';
import { PARAM_IDS, PARAMS, type ParamGroup, type ParamId } from './registry';

export const PLAN_IDS = ['sailing-2021', 'upgrade-2024'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
/** The plan of every scenario, link and file that names none. */
export const DEFAULT_PLAN: PlanId = 'sailing-2021';

export interface PlanDef {
  readonly id: PlanId;
  readonly title: { readonly zh: string; readonly en: string };
  /** The date on the plan's document, ISO. */
  readonly issued: string;
  readonly deadline: Month;
  /** Headline targets (the scorecard's first group, and P(all met)). */
  readonly headline: readonly OutputId[];
  /** Further quantitative targets (the scorecard's second group). */
  readonly further: readonly OutputId[];
  /** Default as-of date: the issue date, or the latest data where that is earlier (ISO). */
  readonly defaultAsOf: string;
  /** Default and earliest horizon (`YYYY-MM`): two years past the deadline. */
  readonly defaultHorizon: string;
  readonly minHorizon: string;
  /** The parameter groups whose assumptions the plan's outputs read. */
  readonly groups: readonly ParamGroup[];
}

const TWO_YEARS = 24;

function planDef(
  id: PlanId,
  title: PlanDef['title'],
  issued: string,
  deadlineIso: string,
  headline: readonly OutputId[],
  further: readonly OutputId[],
  groups: readonly ParamGroup[],
): PlanDef {
  const deadline = parseMonth(deadlineIso.slice(0, 7));
  const horizon = formatMonth(deadline + TWO_YEARS);
  const asOf = issued < STORE.lastAsOf ? issued : STORE.lastAsOf;
  return {
    id,
    title,
    issued,
    deadline,
    headline,
    further,
    defaultAsOf: asOf,
    defaultHorizon: horizon,
    minHorizon: horizon,
    groups,
  };
}

export const PLANS: Readonly<Record<PlanId, PlanDef>> = {
  'sailing-2021': {
    // The 2021 plan keeps the defaults every existing scenario was made with: as-of the end of the launch month (the
    // plan-launch data snapshot), horizon 2025-12, earliest horizon the deadline itself.
    ...planDef(
      'sailing-2021',
      { zh: PLAN_TARGETS.plan.zh, en: PLAN_TARGETS.plan.en },
      PLAN_TARGETS.plan.issued,
      PLAN_TARGETS.plan.deadline,
      INDICATOR_IDS,
      PROGRAMME_IDS,
      [
        'context',
        'users',
        'user_penetration',
        'traffic_share',
        'industrial_penetration',
        'iot_growth',
        'base_stations_per_10k',
        'industry_vpn',
        'benchmarks_per_industry',
        ...PROGRAMME_IDS,
      ],
    ),
    defaultAsOf: '2021-07-31',
    defaultHorizon: '2025-12',
    minHorizon: '2023-12',
  },
  'upgrade-2024': planDef(
    'upgrade-2024',
    { zh: TARGETS_2027.plan.title_zh, en: TARGETS_2027.plan.title_en },
    TARGETS_2027.plan.dates.document_dated,
    TARGETS_2027.plan.deadline,
    UPGRADE_INDICATOR_IDS,
    UPGRADE_FURTHER_IDS,
    [
      'context',
      'users',
      'traffic_share',
      'base_stations_per_10k',
      'industry_vpn',
      ...UPGRADE_INDICATOR_IDS,
      ...UPGRADE_FURTHER_IDS,
    ],
  ),
};

/** Returns a plan's outputs: headline first, then its further targets. */
export function planOutputs(plan: PlanId): readonly OutputId[] {
  return [...PLANS[plan].headline, ...PLANS[plan].further];
}

/** Returns the plan an output belongs to. */
export function planOfOutput(id: OutputId): PlanId {
  return PLAN_IDS.find((p) => planOutputs(p).includes(id)) ?? DEFAULT_PLAN;
}

/** Returns the parameters a plan's outputs read, in registry order. */
export function planParams(plan: PlanId): ParamId[] {
  const groups = new Set(PLANS[plan].groups);
  return PARAM_IDS.filter((id) => groups.has(PARAMS[id].group));
}

/** Returns the parameters both plans read: what a plan switch keeps. */
export function sharedParams(): ParamId[] {
  const up = new Set(planParams('upgrade-2024'));
  return planParams('sailing-2021').filter((id) => up.has(id));
}

/**
 * The parameter groups shown in an output's cell: the groups its equations read. The upgrade plan's shared indicators
 * reuse the 2021 equations, so their cells show those assumptions (and their own where they add one).
 */
export function cellGroups(id: OutputId): ParamGroup[] {
  switch (id) {
    case 'users':
    case 'user_penetration':
      return ['users'];
    case 'personal_user_penetration':
      return ['users', 'personal_user_penetration'];
    case 'traffic_share_2027':
      return ['traffic_share'];
    case 'base_stations_per_10k_2027':
      return ['base_stations_per_10k'];
    case 'industry_vpn_2027':
      return ['industry_vpn'];
    default:
      return [id];
  }
}
