/** Names of the outputs per language, from the plan's targets (data/plan-targets.json). */
import { PLAN_TARGETS } from '../data/targets';
import type { OutputId } from '../model/indicators';
import type { Lang } from './format';

/** Returns an output's name in a language. */
export function outputName(id: OutputId, lang: Lang): string {
  const x = PLAN_TARGETS.indicators.find((i) => i.id === id) ?? PLAN_TARGETS.other_targets.find((i) => i.id === id);
  if (!x) return id;
  return lang === 'zh-CN' ? x.zh : x.en;
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
