/** Names of the outputs per language, from the plan's targets (data/plan-targets.json). */
import { PLAN_TARGETS } from '../data/targets';
import type { OutputId } from '../model/indicators';
import { fullWidthZh, type Lang } from './format';

/** Short names of the upgrade plan's outputs (the plan's own wording, data/targets-2027.json, is their definition). */
const UPGRADE_NAMES: Partial<Record<OutputId, { zh: string; en: string }>> = {
  personal_user_penetration: { zh: '5G个人用户普及率', en: '5G personal-user penetration' },
  traffic_share_2027: { zh: '5G网络接入流量占比', en: '5G share of mobile internet access traffic' },
  base_stations_per_10k_2027: { zh: '每万人拥有5G基站数', en: '5G base stations per 10,000 people' },
  industry_vpn_2027: { zh: '5G行业虚拟专网数', en: '5G industry virtual private networks' },
  iot_connections: { zh: '5G物联网终端连接数', en: '5G IoT terminal connections' },
  industrial_penetration_lm: {
    zh: '大中型工业企业5G应用渗透率',
    en: '5G penetration in large and medium industrial enterprises',
  },
  edge_nodes: { zh: '边缘计算节点数', en: 'Edge computing nodes' },
  scale_cities: { zh: '5G应用规模发展城市数', en: '5G scale-application cities' },
};

/** Returns an upgrade-plan output's name, or undefined for a 2021 output. */
export function upgradeName(id: OutputId, lang: Lang): string | undefined {
  const n = UPGRADE_NAMES[id];
  return n && (lang === 'zh-CN' ? n.zh : n.en);
}

/** Returns an output's name in a language (the upgrade plan's outputs by their short names). */
export function outputName(id: OutputId, lang: Lang): string {
  const up = upgradeName(id, lang);
  if (up) return up;
  const x = PLAN_TARGETS.indicators.find((i) => i.id === id) ?? PLAN_TARGETS.other_targets.find((i) => i.id === id);
  if (!x) return id;
  // Official names come from a data file: their punctuation is written in full width next to Chinese characters.
  return lang === 'zh-CN' ? fullWidthZh(x.zh) : x.en;
}

const SERIES_NAMES: Record<string, { zh: string; en: string }> = {
  g5_handset_connections: { zh: '5G手机终端连接数', en: '5G handset connections' },
  g5_phone_users: { zh: '5G移动电话用户数', en: '5G mobile phone users' },
  g5_users: { zh: '5G用户数', en: '5G users' },
  g5_traffic_share: { zh: '5G流量占移动互联网接入流量比重', en: '5G share of mobile internet access traffic' },
  g5_base_stations: { zh: '5G基站数', en: '5G base stations' },
  g5_industry_vpn: { zh: '5G行业虚拟专网数', en: '5G industry virtual private networks' },
  population: { zh: '全国人口', en: 'national population' },
  mobile_users: { zh: '移动电话用户数', en: 'mobile phone subscriptions' },
};

/** Returns an observed series' name in a language (the internal id only for a series without one). */
export function seriesName(series: string, lang: Lang): string {
  const n = SERIES_NAMES[series];
  return n ? (lang === 'zh-CN' ? n.zh : n.en) : series;
}
