/**
 * The assumptions only the upgrade plan's outputs read (《5G规模化应用“扬帆”行动升级方案》, targets at 2027-12). They
 * join the registry (registry.ts) after the 2021 plan's, so the 2021 parameters' order, draws and links are unchanged.
 * None of their point values is a data figure: where a figure exists (the 40 million 5G IoT connections of March
 * 2024), the model anchors on it and the parameter is only the fallback before it was known.
 */
import type { ParamEntry } from './registry';

/** An entry as the registry's own table writes it: fixed default uncertainty and its group's cell unless named. */
type Def = ParamEntry;

const t = (zh: string, en: string) => ({ zh, en });

export const UPGRADE_PARAM_IDS = [
  'personalGap',
  'iotConnStart',
  'iotConnGrowth',
  'iotConnDecay',
  'lmStart',
  'lmK',
  'lmMax',
  'edgeStart',
  'edgePerYear',
  'citiesStart',
  'citiesPerYear',
] as const;
export type UpgradeParamId = (typeof UPGRADE_PARAM_IDS)[number];

export const UPGRADE_DEFS: Record<UpgradeParamId, Def> = {
  personalGap: {
    group: 'personal_user_penetration',
    unit: 'pct',
    min: 0,
    max: 40,
    step: 0.5,
    value: 0,
    direction: -1,
    label: t('手机用户与个人用户之差（假设）', 'Phone users above persons (assumption)'),
    help: t(
      '目标按5G个人用户计算，但唯一的官方序列是5G移动电话用户（一人可持多张号卡，也含非个人号卡）。该假设为5G移动电话用户中不对应独立个人用户的比例：个人用户普及率 = 5G移动电话用户 ÷ 人口 × （1 − 差距）。取0即按新华社的口径（9.81亿 ÷ 约14亿 ≈ 70%）。',
      "The target counts 5G personal users; the only official series counts 5G phone users (one person may hold several, and not every number is a person's). This assumption is the share of 5G phone users that are not distinct personal users: personal-user penetration = 5G phone users ÷ population × (1 − gap). Zero is Xinhua's own reckoning (981 million ÷ about 1.4 billion ≈ 70 %).",
    ),
  },
  iotConnStart: {
    group: 'iot_connections',
    unit: 'connections',
    min: 1e6,
    max: 1e9,
    step: 1e6,
    value: 4e7,
    direction: 1,
    fallback: 'iotConn',
    label: t('起始5G物联网终端连接数（假设）', 'Starting 5G IoT connections (assumption)'),
    help: t(
      '仅当基准日早于唯一的官方数字（2024年3月末“超4000万个”，是下限）为人所知时使用。',
      'Used only when the as-of date is before the one official figure ("over 40 million" at end-March 2024, a lower bound) was known.',
    ),
  },
  iotConnGrowth: {
    group: 'iot_connections',
    unit: 'pctPerYear',
    min: 0,
    max: 300,
    step: 1,
    value: 30,
    direction: 1,
    label: t('首年增长率', 'First-year growth'),
    help: t(
      '自最后一个官方数字起第一年5G物联网终端连接数的增长率；此后每年乘以（1−衰减）。这是一项假设：没有第二个官方数字可以估计增速。',
      'Growth of 5G IoT connections in the first year after the last official figure; each following year it is multiplied by (1 − decay). An assumption: there is no second official figure to estimate a growth rate from.',
    ),
  },
  iotConnDecay: {
    group: 'iot_connections',
    unit: 'pctPerYear',
    min: 0,
    max: 90,
    step: 1,
    value: 10,
    direction: -1,
    label: t('增长率年衰减', 'Yearly decay of growth'),
    help: t('增长率每年缩减的比例。', 'Share by which the growth rate shrinks each year.'),
  },
  lmStart: {
    group: 'industrial_penetration_lm',
    unit: 'pct',
    min: 0,
    max: 60,
    step: 0.5,
    value: 20,
    direction: 1,
    label: t('起始渗透率（假设）', 'Starting penetration (assumption)'),
    help: t(
      '大中型工业企业5G应用渗透率没有官方统计序列：基准日的渗透率是一项假设，而非数据。上一计划的目标（大型工业企业超35%）口径不同（仅大型企业）。',
      "There is no official series of 5G penetration in large and medium industrial enterprises: the share at the as-of date is an assumption, not data. The previous plan's target (over 35 % of large enterprises) measured large enterprises only.",
    ),
  },
  lmK: {
    group: 'industrial_penetration_lm',
    unit: 'pctPerYear',
    min: 0,
    max: 200,
    step: 1,
    value: 30,
    direction: 1,
    label: t('渗透年增长率', 'Annual growth rate'),
    help: t(
      '渗透率远低于上限时的年增长率（逻辑斯蒂）。',
      'Annual growth rate of the share while far below its ceiling (logistic).',
    ),
  },
  lmMax: {
    group: 'industrial_penetration_lm',
    unit: 'pct',
    min: 5,
    max: 100,
    step: 1,
    value: 70,
    direction: 1,
    label: t('渗透率上限', 'Penetration ceiling'),
    help: t(
      '可能应用5G的大中型工业企业占比的饱和水平。',
      'Saturation level: the share of large and medium industrial enterprises that could ever apply 5G.',
    ),
  },
  edgeStart: {
    group: 'edge_nodes',
    unit: 'count',
    min: 0,
    max: 10000,
    step: 10,
    value: 1000,
    direction: 1,
    label: t('起始边缘计算节点数（假设）', 'Starting edge computing nodes (assumption)'),
    help: t(
      '没有官方序列：基准日由5G行业虚拟专网带动建设的边缘计算节点数是一项假设。',
      'No official series: the number of edge computing nodes built with 5G industry networks at the as-of date is an assumption.',
    ),
  },
  edgePerYear: {
    group: 'edge_nodes',
    unit: 'countPerYear',
    min: 0,
    max: 5000,
    step: 10,
    value: 1000,
    direction: 1,
    label: t('每年新增节点', 'New nodes per year'),
    help: t('每年新增数量，线性累计。', 'Added each year, accumulated linearly.'),
  },
  citiesStart: {
    group: 'scale_cities',
    unit: 'count',
    min: 0,
    max: 300,
    step: 1,
    value: 0,
    direction: 1,
    label: t('起始城市数（假设）', 'Starting cities (assumption)'),
    help: t(
      '没有官方序列：基准日已推进建设的5G应用规模发展城市数是一项假设。',
      'No official series: the number of 5G scale-application cities under way at the as-of date is an assumption.',
    ),
  },
  citiesPerYear: {
    group: 'scale_cities',
    unit: 'countPerYear',
    min: 0,
    max: 100,
    step: 0.5,
    value: 30,
    direction: 1,
    label: t('每年新增城市', 'New cities per year'),
    help: t('每年新增数量，线性累计。', 'Added each year, accumulated linearly.'),
  },
};
