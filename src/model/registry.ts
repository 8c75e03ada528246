/**
 * The parameter registry: the one place that says, for every assumption of the model, its point value, its default
 * uncertainty, its allowed range, unit and step, which cells show its control, and its label and help text in Chinese
 * and English. The scenario schema, the controls, the cells, the CLI's messages and the documentation all read it.
 * Adding a parameter or an indicator: docs/adding-an-indicator.md.
 */
import type { IndicatorId, OutputId, ProgrammeId, UpgradeId } from './indicators';
import type { Dist } from './types';
import { UPGRADE_DEFS, UPGRADE_PARAM_IDS } from './registry-2027';

export type UnitId =
  | 'pctPerYear'
  | 'pctOfPopulation'
  | 'pct'
  | 'perMonth'
  | 'ratio'
  | 'ratioPerYear'
  | 'stationsPerYear'
  | 'sims'
  | 'networks'
  | 'perIndustry'
  | 'perIndustryPerYear'
  | 'count'
  | 'countPerYear'
  | 'connections';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export const UNITS: Record<UnitId, Text> = {
  pctPerYear: { zh: '%/年', en: '% per year' },
  pctOfPopulation: { zh: '% 人口', en: '% of population' },
  pct: { zh: '%', en: '%' },
  perMonth: { zh: '/月', en: 'per month' },
  ratio: { zh: '倍', en: '×' },
  ratioPerYear: { zh: '倍/年', en: '× per year' },
  stationsPerYear: { zh: '站/年', en: 'stations per year' },
  sims: { zh: '张 SIM 卡', en: 'SIMs' },
  networks: { zh: '个', en: 'networks' },
  perIndustry: { zh: '个/行业', en: 'per industry' },
  perIndustryPerYear: { zh: '个/行业/年', en: 'per industry per year' },
  count: { zh: '个', en: '' },
  countPerYear: { zh: '个/年', en: 'per year' },
  connections: { zh: '个连接', en: 'connections' },
};

/** Which family a parameter belongs to, where the indicator offers several; the others ignore it. */
export type FamilyScope = { readonly users: UsersFamily } | { readonly traffic: TrafficFamily } | undefined;

export const USERS_FAMILIES = ['bass', 'logistic', 'gompertz'] as const;
export type UsersFamily = (typeof USERS_FAMILIES)[number];
export const TRAFFIC_FAMILIES = ['structural', 'logistic'] as const;
export type TrafficFamily = (typeof TRAFFIC_FAMILIES)[number];

/** The group a parameter is shown under: an indicator's cell, the context (population, subscriptions) or a programme target. */
export type ParamGroup = 'context' | IndicatorId | ProgrammeId | UpgradeId;

/**
 * The observation a fallback starting value stands in for, named by its field in Anchors: null there (the as-of date
 * precedes it) means the fallback is used and its control shown.
 */
export type FallbackFor = 'trafficObs' | 'vpnObs' | 'iotConn';

/** What a scenario's parameter takes when it gives no uncertainty: a fixed point (presets state their own). */
const FIXED: Dist = Object.freeze({ kind: 'fixed' });

export interface ParamDef {
  readonly id: ParamId;
  readonly group: ParamGroup;
  readonly unit: UnitId;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The registry's default point value (presets override it). */
  readonly value: number;
  readonly label: Text;
  readonly help: Text;
  /** The family this parameter belongs to, if the indicator has several. */
  readonly family?: FamilyScope;
  /**
   * How raising the parameter moves its indicators at the deadline: +1 never lowers them, −1 never raises them,
   * 0 no promise. The property tests hold the model to it.
   */
  readonly direction: 1 | -1 | 0;
  /** Set where the parameter only matters when the as-of date falls before that observation (a fallback start). */
  readonly fallback?: FallbackFor;
  /**
   * The default uncertainty: the distribution a scenario's parameter takes when the scenario gives none (the schema
   * reads it). Fixed unless the table says otherwise; the presets state their own.
   */
  readonly uncertainty: Dist;
  /**
   * The cells whose assumption controls show this parameter: its group's cell by default (the users group: the users
   * cell), none for context parameters unless named here.
   */
  readonly cells: readonly OutputId[];
  /** Shown in those cells only under this family (e.g. subscriptions: only the structural traffic model uses them). */
  readonly cellFamily?: FamilyScope;
}

/** A registry entry as written in the table below: defaults for the optional fields are filled in by PARAMS. */
export type ParamEntry = Omit<ParamDef, 'id' | 'uncertainty' | 'cells'> &
  Partial<Pick<ParamDef, 'uncertainty' | 'cells'>>;

// Helper for text pairs, to keep the table below readable.
const t = (zh: string, en: string): Text => ({ zh, en });

export const PARAM_IDS = [
  'popGrowth',
  'subsGrowth',
  'ceiling',
  'bassP',
  'bassQ',
  'logisticR',
  'gompertzG',
  'ratioDrift',
  'ratioStart',
  'trafficK',
  'trafficMax',
  'trafficStart',
  'industrialStart',
  'industrialK',
  'industrialMax',
  'iotStart',
  'iotGrowth',
  'iotDecay',
  'buildAnnual',
  'buildGrowth',
  'vpnStart',
  'vpnGrowth',
  'vpnDecay',
  'vpnCeiling',
  'benchStart',
  'benchPerYear',
  'solutionsStart',
  'solutionsPerYear',
  'standardsStart',
  'standardsPerYear',
  'securityStart',
  'securityPerYear',
  'regionalStart',
  'regionalPerYear',
  // The upgrade plan's own assumptions (registry-2027.ts), after every 2021 one.
  ...UPGRADE_PARAM_IDS,
] as const;
export type ParamId = (typeof PARAM_IDS)[number];

const DEFS: Record<ParamId, ParamEntry> = {
  popGrowth: {
    group: 'context',
    unit: 'pctPerYear',
    min: -1.5,
    max: 1.5,
    step: 0.05,
    value: 0,
    direction: 0,
    cells: ['user_penetration', 'personal_user_penetration'],
    label: t('人口年变化率', 'Population change'),
    help: t(
      '全国人口自最后一次观测（2020年末）起的复合年变化率。人口预测是一项假设；2022年起人口略有下降。',
      'Compound annual change of the national population from its last observation (end-2020). A population projection is an assumption; population fell slightly from 2022 on.',
    ),
  },
  subsGrowth: {
    group: 'context',
    unit: 'pctPerYear',
    min: -5,
    max: 10,
    step: 0.1,
    value: 1,
    direction: -1,
    cells: ['traffic_share', 'traffic_share_2027'],
    cellFamily: { traffic: 'structural' },
    label: t('移动电话用户年变化率', 'Mobile subscriptions change'),
    help: t(
      '移动电话用户总数自最后一次观测起的复合年变化率；用于计算5G用户在全部移动用户中的占比（流量占比的结构模型）。',
      'Compound annual change of all mobile subscriptions from their last observation; it sets the 5G share of subscriptions used by the structural traffic model.',
    ),
  },
  ceiling: {
    group: 'users',
    unit: 'pctOfPopulation',
    min: 30,
    max: 160,
    step: 1,
    value: 100,
    direction: 1,
    label: t('用户上限（市场潜力）', 'Ceiling (market potential)'),
    help: t(
      '5G用户最终可达到的规模，以人口百分比表示。可超过100%，因为许多人持有两张以上号卡。',
      'Eventual number of 5G users as a share of the population. It may exceed 100 %, since many people hold two or more subscriptions.',
    ),
  },
  bassP: {
    group: 'users',
    unit: 'perMonth',
    min: 0,
    max: 0.05,
    step: 0.0005,
    value: 0.004,
    direction: 1,
    family: { users: 'bass' },
    label: t('创新系数 p', 'Innovation coefficient p'),
    help: t(
      'Bass模型中不受已有用户影响、自发转向5G的月度比例。',
      'Bass model: the monthly share of the remaining market that adopts 5G on its own, regardless of existing users.',
    ),
  },
  bassQ: {
    group: 'users',
    unit: 'perMonth',
    min: 0,
    max: 0.4,
    step: 0.001,
    value: 0.07,
    direction: 1,
    family: { users: 'bass' },
    label: t('模仿系数 q', 'Imitation coefficient q'),
    help: t(
      'Bass模型中因已有用户带动而转向5G的月度系数。',
      'Bass model: the monthly coefficient of adoption driven by existing users.',
    ),
  },
  logisticR: {
    group: 'users',
    unit: 'perMonth',
    min: 0,
    max: 0.4,
    step: 0.001,
    value: 0.09,
    direction: 1,
    family: { users: 'logistic' },
    label: t('逻辑增长率 r', 'Logistic growth rate r'),
    help: t(
      '逻辑斯蒂模型的月增长率：用户远低于上限时每月约增长 r。',
      'Logistic model: the monthly growth rate while users are far below the ceiling.',
    ),
  },
  gompertzG: {
    group: 'users',
    unit: 'perMonth',
    min: 0,
    max: 0.3,
    step: 0.001,
    value: 0.05,
    direction: 1,
    family: { users: 'gompertz' },
    label: t('冈珀茨速率 g', 'Gompertz rate g'),
    help: t(
      '冈珀茨模型的月速率：每月 ln(用户/上限) 乘以 exp(−g)。',
      'Gompertz model: each month ln(users/ceiling) is multiplied by exp(−g).',
    ),
  },
  ratioDrift: {
    group: 'traffic_share',
    unit: 'ratioPerYear',
    min: -0.2,
    max: 1.5,
    step: 0.01,
    value: 0.3,
    direction: 1,
    family: { traffic: 'structural' },
    label: t('流量倍数年变化', 'Traffic ratio drift'),
    help: t(
      '5G用户人均流量与非5G用户之比 r 每年的线性变化。2021年5月 r≈0.34：多数5G手机仍在使用4G网络；随着覆盖扩大 r 向1以上攀升（2022年初5G用户月均流量超过20GB，全部用户平均约14GB）。这一假设决定流量占比目标。',
      "Yearly linear change of r, the ratio of a 5G user's traffic to a non-5G user's. In May 2021 r ≈ 0.34: most 5G handsets still used 4G networks. As coverage grows r rises towards and past 1 (by early 2022 users on 5G used above 20 GB a month against an average near 14 GB). This assumption decides the traffic target.",
    ),
  },
  ratioStart: {
    group: 'traffic_share',
    unit: 'ratio',
    min: 0.05,
    max: 3,
    step: 0.01,
    value: 0.34,
    direction: 1,
    family: { traffic: 'structural' },
    fallback: 'trafficObs',
    label: t('起始流量倍数 r', 'Starting traffic ratio r'),
    help: t(
      '仅当基准日早于2021年5月的流量观测时使用：起始的5G与非5G用户人均流量之比。',
      "Used only when the as-of date is before the May 2021 traffic figure: the starting ratio of a 5G user's traffic to a non-5G user's.",
    ),
  },
  trafficK: {
    group: 'traffic_share',
    unit: 'pctPerYear',
    min: 0,
    max: 500,
    step: 1,
    value: 120,
    direction: 1,
    family: { traffic: 'logistic' },
    label: t('流量占比增长率', 'Traffic share growth rate'),
    help: t(
      '直接对流量占比使用逻辑斯蒂模型时的年增长率（远低于上限时）。',
      'Annual growth rate of the share while far below its ceiling, when the share itself follows a logistic curve.',
    ),
  },
  trafficMax: {
    group: 'traffic_share',
    unit: 'pct',
    min: 10,
    max: 100,
    step: 1,
    value: 90,
    direction: 1,
    family: { traffic: 'logistic' },
    label: t('流量占比上限', 'Traffic share ceiling'),
    help: t('逻辑斯蒂模型中流量占比的饱和水平。', 'Saturation level of the traffic share in the logistic model.'),
  },
  trafficStart: {
    group: 'traffic_share',
    unit: 'pct',
    min: 0.1,
    max: 60,
    step: 0.1,
    value: 8.1,
    direction: 1,
    family: { traffic: 'logistic' },
    fallback: 'trafficObs',
    label: t('起始流量占比', 'Starting traffic share'),
    help: t(
      '仅当基准日早于2021年5月的流量观测时使用。',
      'Used only when the as-of date is before the May 2021 traffic figure.',
    ),
  },
  industrialStart: {
    group: 'industrial_penetration',
    unit: 'pct',
    min: 0,
    max: 50,
    step: 0.5,
    value: 5,
    direction: 1,
    label: t('起始渗透率（假设）', 'Starting penetration (assumption)'),
    help: t(
      '该指标没有官方统计序列：基准日的渗透率是一项假设，而非数据。2020年末已有1100多个“5G+工业互联网”在建项目，可作参考，但不是该指标本身。',
      'This indicator has no official series: the starting share at the as-of date is an assumption, not data. Over 1,100 5G + industrial-internet projects were under construction at end-2020: context, not the indicator itself.',
    ),
  },
  industrialK: {
    group: 'industrial_penetration',
    unit: 'pctPerYear',
    min: 0,
    max: 400,
    step: 1,
    value: 80,
    direction: 1,
    label: t('渗透年增长率', 'Annual growth rate'),
    help: t(
      '渗透率远低于上限时的年增长率（逻辑斯蒂）。',
      'Annual growth rate of the share while far below its ceiling (logistic).',
    ),
  },
  industrialMax: {
    group: 'industrial_penetration',
    unit: 'pct',
    min: 5,
    max: 100,
    step: 1,
    value: 60,
    direction: 1,
    label: t('渗透率上限', 'Penetration ceiling'),
    help: t(
      '可能应用5G的大型工业企业占比的饱和水平。',
      'Saturation level: the share of large industrial enterprises that could ever apply 5G.',
    ),
  },
  iotStart: {
    group: 'iot_growth',
    unit: 'sims',
    min: 1e5,
    max: 1e9,
    step: 1e5,
    value: 1e7,
    direction: 0,
    label: t('2020年末5G物联网终端（假设）', '5G IoT terminals at end-2020 (assumption)'),
    help: t(
      '没有官方序列，是假设。它只影响终端数量，不影响年均增长率。蜂窝物联网用户（含NB-IoT、4G）2020年末为11.36亿，仅供参考。',
      'No official series: an assumption. It scales the count only and does not change the average growth rate. Cellular IoT users of all technologies (NB-IoT, 4G, 5G) were 1.136 billion at end-2020: context only.',
    ),
  },
  iotGrowth: {
    group: 'iot_growth',
    unit: 'pctPerYear',
    min: 0,
    max: 1000,
    step: 5,
    value: 300,
    direction: 1,
    label: t('首年增长率', 'First-year growth'),
    help: t(
      '2021年5G物联网终端用户的增长率；此后每年乘以（1−衰减）。',
      'Growth of 5G IoT terminal users in 2021; each following year it is multiplied by (1 − decay).',
    ),
  },
  iotDecay: {
    group: 'iot_growth',
    unit: 'pctPerYear',
    min: 0,
    max: 90,
    step: 1,
    value: 30,
    direction: -1,
    label: t('增长率年衰减', 'Yearly decay of growth'),
    help: t('增长率每年缩减的比例。', 'Share by which the growth rate shrinks each year.'),
  },
  buildAnnual: {
    group: 'base_stations_per_10k',
    unit: 'stationsPerYear',
    min: 0,
    max: 1.5e6,
    step: 10000,
    value: 600000,
    direction: 1,
    label: t('年新建基站', 'Annual additions'),
    help: t(
      '基准时点的5G基站年新增数量，平均分摊到各月。2020年新增约58万个。',
      'Annual 5G base-station additions at the anchor, spread evenly over months. About 580,000 were added in 2020.',
    ),
  },
  buildGrowth: {
    group: 'base_stations_per_10k',
    unit: 'pctPerYear',
    min: -60,
    max: 60,
    step: 1,
    value: 0,
    direction: 1,
    label: t('新建规模年变化', 'Change in annual additions'),
    help: t('年新增数量每年的变化率。', 'Yearly change of the annual additions.'),
  },
  vpnStart: {
    group: 'industry_vpn',
    unit: 'networks',
    min: 0,
    max: 10000,
    step: 10,
    value: 1000,
    direction: 1,
    fallback: 'vpnObs',
    label: t('起始虚拟专网数', 'Starting networks'),
    help: t(
      '仅当基准日早于2021年7月的观测（1655个）时使用。',
      'Used only when the as-of date is before the July 2021 figure (1,655).',
    ),
  },
  vpnGrowth: {
    group: 'industry_vpn',
    unit: 'pctPerYear',
    min: 0,
    max: 500,
    step: 1,
    value: 80,
    direction: 1,
    label: t('年增长率', 'Annual growth'),
    help: t('虚拟专网数量第一年的复合增长率。', 'Compound growth of the number of networks in the first year.'),
  },
  vpnDecay: {
    group: 'industry_vpn',
    unit: 'pctPerYear',
    min: 0,
    max: 90,
    step: 1,
    value: 20,
    direction: -1,
    label: t('增长率年衰减', 'Yearly decay of growth'),
    help: t('增长率每年缩减的比例。', 'Share by which the growth rate shrinks each year.'),
  },
  vpnCeiling: {
    group: 'industry_vpn',
    unit: 'networks',
    min: 1000,
    max: 1e6,
    step: 1000,
    value: 1e6,
    direction: 1,
    label: t('数量上限', 'Ceiling'),
    help: t('虚拟专网数量的上限；取最大值即不设上限。', 'Cap on the number of networks; the maximum means no cap.'),
  },
  benchStart: {
    group: 'benchmarks_per_industry',
    unit: 'perIndustry',
    min: 0,
    max: 200,
    step: 1,
    value: 0,
    direction: 1,
    label: t('起始标杆数（假设）', 'Starting benchmarks (assumption)'),
    help: t(
      '没有官方序列：基准日每个重点行业已遴选的标杆数是一项假设。',
      'No official series: the number already selected per key industry at the as-of date is an assumption.',
    ),
  },
  benchPerYear: {
    group: 'benchmarks_per_industry',
    unit: 'perIndustryPerYear',
    min: 0,
    max: 200,
    step: 1,
    value: 40,
    direction: 1,
    label: t('每年新增标杆', 'New benchmarks per year'),
    help: t(
      '每个重点行业每年新遴选的示范应用标杆数。',
      'New benchmark applications selected per key industry per year.',
    ),
  },
  ...programme('solutions', 'solutions', 0, 300, 40, t('解决方案', 'solutions')),
  ...programme('standards', 'industry_standards', 0, 100, 12, t('标准', 'standards')),
  ...programme('security', 'security_demo_centers', 0, 20, 5, t('示范中心', 'centres')),
  ...programme('regional', 'regional_benchmarks', 0, 10, 1.5, t('区域标杆', 'regional benchmarks')),
  ...UPGRADE_DEFS,
};

function programme(
  prefix: 'solutions' | 'standards' | 'security' | 'regional',
  group: ProgrammeId,
  min: number,
  max: number,
  perYear: number,
  what: Text,
): Record<`${typeof prefix}${'Start' | 'PerYear'}`, ParamEntry> {
  return {
    [`${prefix}Start`]: {
      group,
      unit: 'count',
      min,
      max,
      step: 1,
      value: 0,
      direction: 1,
      label: t(`起始${what.zh}数（假设）`, `Starting ${what.en} (assumption)`),
      help: t(
        '没有官方序列：基准日的数量是一项假设。',
        'No official series: the count at the as-of date is an assumption.',
      ),
    },
    [`${prefix}PerYear`]: {
      group,
      unit: 'countPerYear',
      min: 0,
      max,
      step: 0.5,
      value: perYear,
      direction: 1,
      label: t(`每年新增${what.zh}`, `New ${what.en} per year`),
      help: t('每年新增数量，线性累计。', 'Added each year, accumulated linearly.'),
    },
  } as Record<`${typeof prefix}${'Start' | 'PerYear'}`, ParamEntry>;
}

/**
 * The upgrade plan's outputs that reuse a 2021 output's equations (simulate.ts) show that output's parameters too; the
 * personal-user penetration steps the users model.
 */
const TWIN_CELLS: Partial<Record<ParamGroup, readonly OutputId[]>> = {
  users: ['personal_user_penetration'],
  traffic_share: ['traffic_share_2027'],
  base_stations_per_10k: ['base_stations_per_10k_2027'],
  industry_vpn: ['industry_vpn_2027'],
};

/** The cells that show a group's parameters unless an entry names its own (with the upgrade plan's twins). */
function groupCells(group: ParamGroup): readonly OutputId[] {
  return group === 'context' ? [] : [group, ...(TWIN_CELLS[group] ?? [])];
}

/** Every parameter definition, keyed by id. */
export const PARAMS: Readonly<Record<ParamId, ParamDef>> = Object.fromEntries(
  PARAM_IDS.map((id) => {
    const d = DEFS[id];
    return [id, { id, ...d, uncertainty: d.uncertainty ?? FIXED, cells: d.cells ?? groupCells(d.group) }];
  }),
) as Record<ParamId, ParamDef>;

/** Returns whether a parameter is used under the given families. */
export function isActive(p: ParamDef, families: { users: UsersFamily; traffic: TrafficFamily }): boolean {
  return inFamily(p.family, families);
}

function inFamily(f: FamilyScope, families: { users: UsersFamily; traffic: TrafficFamily }): boolean {
  if (!f) return true;
  return 'users' in f ? f.users === families.users : f.traffic === families.traffic;
}

/**
 * Returns the parameters whose controls an output's cell shows under the given families: the cell's own parameters
 * in registry order (an upgrade-plan twin's include the 2021 group's it reuses), then those it borrows from the
 * context. A fallback start is shown only while the observation it stands in for is missing (`observed[p.fallback]`
 * false).
 */
export function cellParams(
  id: OutputId,
  families: { users: UsersFamily; traffic: TrafficFamily },
  observed: Readonly<Record<FallbackFor, boolean>>,
): ParamDef[] {
  const shown = PARAM_IDS.map((pid) => PARAMS[pid]).filter(
    (p) =>
      p.cells.includes(id) &&
      isActive(p, families) &&
      inFamily(p.cellFamily, families) &&
      !(p.fallback && observed[p.fallback]),
  );
  // Own: the cell's group (or, for an upgrade-plan twin, the 2021 group whose equations it reuses); then the context.
  const own = (p: ParamDef) => p.group !== 'context';
  return [...shown.filter(own), ...shown.filter((p) => !own(p))];
}

/**
 * Returns the default distribution of a kind around a point value, as the controls offer it when the user picks that
 * kind: ±10 % of the allowed range (clipped to it) for uniform and triangular, a standard deviation of 5 % of the
 * range (two significant digits) for normal, and σ = 0.2 around the value (or the smallest positive step) for lognormal.
 */
export function distOfKind(p: ParamDef, value: number, kind: Dist['kind']): Dist {
  const w = p.max - p.min;
  const lo = Math.max(p.min, value - 0.1 * w);
  const hi = Math.min(p.max, value + 0.1 * w);
  switch (kind) {
    case 'fixed':
      return { kind };
    case 'uniform':
      return { kind, min: lo, max: hi };
    case 'triangular':
      return { kind, min: lo, mode: value, max: hi };
    case 'normal':
      return { kind, mean: value, sd: Number((0.05 * w).toPrecision(2)) };
    case 'lognormal':
      return { kind, median: value > 0 ? value : Math.max(p.min, p.step), sigma: 0.2 };
    default:
      return kind satisfies never;
  }
}
