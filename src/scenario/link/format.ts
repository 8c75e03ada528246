/**
 * The v1 payload format, which v2 keeps: the difference of a LinkState from a preset, as one-letter keys (DiffSchema),
 * with parameters in a frozen order (V1_PARAM_ORDER) and numbers as whole steps of each parameter's grid; DEFLATE is
 * primed with a frozen dictionary of the app's vocabulary (V1_DICTIONARY).
 *
 * Frozen for link formats v1 and v2: changing the order or the dictionary breaks every such link (make a new
 * format and a migration instead). New parameters may only be appended to the order.
 */
import { z } from 'zod/mini';
import { PARAMS, type ParamDef, type ParamId } from '../../model/registry';
import { DATA_VERSION, MODEL_VERSION } from '../../model/version';
import { presetById, presetsOf, PRESETS, type Preset } from '../presets';
import { planOf, type Scenario } from '../schema';
import { DEFAULT_LANG, DEFAULT_VIEW_MODE, type LinkState } from '../link-state';
import { DecodeError, type LinkWarning } from './errors';

/** The largest step index a number may carry. */
const STEP_INDEX_MAX = 1e9;

/** The order of parameters in a v1 payload's `p` array. */
export const V1_PARAM_ORDER: readonly ParamId[] = [
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
  // Appended with the upgrade plan (2024-11): its own assumptions.
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
];

/**
 * The preset DEFLATE dictionary of v1: the registry's English labels; the Chinese labels and help texts of the
 * registry, the presets' Chinese rationales and the plan targets' Chinese names as of the first release; and the
 * payload's keys and common values. Notes written in the app's own vocabulary, and the payload's structure, then
 * compress to back-references.
 */
export const V1_DICTIONARY_TEXT = `Population change. Mobile subscriptions change. Ceiling (market potential). Innovation coefficient p. Imitation coefficient q. Logistic growth rate r. Gompertz rate g. Traffic ratio drift. Starting traffic ratio r. Traffic share growth rate. Traffic share ceiling. Starting traffic share. Starting penetration (assumption). Annual growth rate. Penetration ceiling. 5G IoT terminals at end-2020 (assumption). First-year growth. Yearly decay of growth. Annual additions. Change in annual additions. Starting networks. Annual growth. Yearly decay of growth. Ceiling. Starting benchmarks (assumption). New benchmarks per year. Starting solutions (assumption). New solutions per year. Starting standards (assumption). New standards per year. Starting centres (assumption). New centres per year. Starting regional benchmarks (assumption). New regional benchmarks per year
人口年变化率:全国人口自最后一次观测(2020年末)起的复合年变化率。人口预测是一项假设;2022年起人口略有下降。
移动电话用户年变化率:移动电话用户总数自最后一次观测起的复合年变化率;用于计算5G用户在全部移动用户中的占比(流量占比的结构模型)。
用户上限(市场潜力):5G用户最终可达到的规模,以人口百分比表示。可超过100%,因为许多人持有两张以上号卡。
创新系数 p:Bass模型中不受已有用户影响、自发转向5G的月度比例。
模仿系数 q:Bass模型中因已有用户带动而转向5G的月度系数。
逻辑增长率 r:逻辑斯蒂模型的月增长率:用户远低于上限时每月约增长 r。
冈珀茨速率 g:冈珀茨模型的月速率:每月 ln(用户/上限) 乘以 exp(−g)。
流量倍数年变化:5G用户人均流量与非5G用户之比 r 每年的线性变化。2021年5月 r≈0.34:多数5G手机仍在使用4G网络;随着覆盖扩大 r 向1以上攀升(2022年初5G用户月均流量超过20GB,全部用户平均约14GB)。这一假设决定流量占比目标。
起始流量倍数 r:仅当基准日早于2021年5月的流量观测时使用:起始的5G与非5G用户人均流量之比。
流量占比增长率:直接对流量占比使用逻辑斯蒂模型时的年增长率(远低于上限时)。
流量占比上限:逻辑斯蒂模型中流量占比的饱和水平。
起始流量占比:仅当基准日早于2021年5月的流量观测时使用。
起始渗透率(假设):该指标没有官方统计序列:基准日的渗透率是一项假设,而非数据。2020年末已有1100多个"5G+工业互联网"在建项目,可作参考,但不是该指标本身。
渗透年增长率:渗透率远低于上限时的年增长率(逻辑斯蒂)。
渗透率上限:可能应用5G的大型工业企业占比的饱和水平。
2020年末5G物联网终端(假设):没有官方序列,是假设。它只影响终端数量,不影响年均增长率。蜂窝物联网用户(含NB-IoT、4G)2020年末为11.36亿,仅供参考。
首年增长率:2021年5G物联网终端用户的增长率;此后每年乘以(1−衰减)。
增长率年衰减:增长率每年缩减的比例。
年新建基站:基准时点的5G基站年新增数量,平均分摊到各月。2020年新增约58万个。
新建规模年变化:年新增数量每年的变化率。
起始虚拟专网数:仅当基准日早于2021年7月的观测(1655个)时使用。
年增长率:虚拟专网数量第一年的复合增长率。
增长率年衰减:增长率每年缩减的比例。
数量上限:虚拟专网数量的上限;取最大值即不设上限。
起始标杆数(假设):没有官方序列:基准日每个重点行业已遴选的标杆数是一项假设。
每年新增标杆:每个重点行业每年新遴选的示范应用标杆数。
起始解决方案数(假设):没有官方序列:基准日的数量是一项假设。
每年新增解决方案:每年新增数量,线性累计。
起始标准数(假设):没有官方序列:基准日的数量是一项假设。
每年新增标准:每年新增数量,线性累计。
起始示范中心数(假设):没有官方序列:基准日的数量是一项假设。
每年新增示范中心:每年新增数量,线性累计。
起始区域标杆数(假设):没有官方序列:基准日的数量是一项假设。
每年新增区域标杆:每年新增数量,线性累计。
基准情景:以2021年7月计划发布时可获得的数据为基础。5G用户采用Bass模型,上限为人口的100%,p和q按最小二乘拟合2020年5月至2021年6月的5G手机终端连接数(每月净增约2500万,拟合结果以创新系数为主、模仿系数接近零,说明早期S曲线的形状尚难识别,因此q的不确定性较宽)。基站按2020年约58万个的实际新建规模延续;流量倍数r自0.34起每年上升0.25。工业企业渗透率、物联网终端和示范标杆没有官方序列,起始值和增速都是假设,不确定性相应放宽。
计划目标情景:假设各项工作按计划的力度推进:用户增长更快、上限更高(许多人持有多张号卡),5G用户流量倍数随覆盖扩大每年上升0.4,基站每年新建约70万个并逐年略增,物联网终端首年增长330%,每个重点行业每年遴选约45个标杆。这是计划设想能够实现各项目标的路径,用于检验目标是否一致、哪些目标最依赖乐观假设。
审慎情景:假设增长放缓:终端换机周期拉长使用户上限降至人口的90%、净增逐月减少;5G用户的流量倍数上升缓慢(室内与农村覆盖滞后);基站建设从每年50万个起逐年减少10%;行业应用推广慢于预期,物联网终端增速衰减更快。用于了解哪些目标在不利条件下最先落空。
5G应用“扬帆”行动计划(2021-2023年)
5G个人用户普及率:5G用户普及率=5G移动电话用户数/全国人口数。其中,5G移动电话用户数是指使用5G网络的个人用户。
5G用户数:用户数超过5.6亿(与普及率同列于总体目标)
5G网络接入流量占比:5G网络接入流量占移动互联网接入总流量的比例。
5G在大型工业企业渗透率:在生产经营等环节中开展5G应用的大型工业企业数在我国大型工业企业总数中的占比。大型工业企业是国家统计局依据中国有关工业企业规模划分标准所确定的大型规模工业企业。
5G物联网终端用户数年均增长率:行业企业5G物联网终端用户数年均增长率。5G物联网终端用户数按SIM卡统计。
每万人拥有5G基站数:全国每一万人平均拥有的5G基站数量。
5G行业虚拟专网数:利用5G公网为行业企业构建的5G虚拟网络数目。
每重点行业5G示范应用标杆数:每个重点行业遴选的5G示范应用标杆数量。
5G应用解决方案
重点行业标准
5G应用安全创新示范中心
区域示范标杆
{"mv":"1.0.0","dv":"2021-07","pr":"","t":"","n":"","a":"2021-07-31","h":"2025-12","s":20210705,"S":10000,"f":{"u":"bass","u":"logistic","u":"gompertz","t":"structural","t":"logistic"},"l":"en","m":"compare","m":"present","i":"user_penetration","i":"users","i":"traffic_share","i":"industrial_penetration","i":"iot_growth","i":"base_stations_per_10k","i":"industry_vpn","i":"benchmarks_per_industry","i":"solutions","i":"industry_standards","i":"security_demo_centers","i":"regional_benchmarks","c":["baseline","plan-ambition","cautious"],"k":"22222222","p":[`;

const utf8 = new TextEncoder();
/** The v1 dictionary as UTF-8 bytes. */
export const V1_DICTIONARY = utf8.encode(V1_DICTIONARY_TEXT);

// ---------------------------------------------------------------------------------------------------------------
// Numbers: a whole number of steps from an origin where that reproduces the value exactly, else shortest decimal text.

interface Scale {
  origin: number;
  step: number;
}
const clean = (x: number) => Number(x.toPrecision(12));
const NUM_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The whole number of steps from the origin that gives exactly v, if there is one. */
function gridIndex(v: number, sc: Scale): number | undefined {
  const k = Math.round((v - sc.origin) / sc.step);
  return Number.isSafeInteger(k) && Math.abs(k) <= STEP_INDEX_MAX && Object.is(clean(sc.origin + k * sc.step), v)
    ? k
    : undefined;
}

/** A number as a step index (relative to `from`, a step index, when given) or, off the grid, its decimal text. */
function encNum(v: number, sc: Scale, from?: number): number | string {
  if (Object.is(v, -0)) return '-0';
  const k = gridIndex(v, sc);
  return k === undefined ? String(v) : from === undefined ? k : from - k;
}

function decNum(x: unknown, sc: Scale, where: string, from?: number): number {
  if (typeof x === 'number') {
    const k = from === undefined ? x : from - x;
    if (Number.isInteger(x) && Math.abs(x) <= STEP_INDEX_MAX && Math.abs(k) <= 2 * STEP_INDEX_MAX)
      return clean(sc.origin + k * sc.step);
  } else if (typeof x === 'string' && x.length <= 32 && NUM_TEXT.test(x)) {
    const v = Number(x);
    if (Number.isFinite(v)) return v;
  }
  throw new DecodeError('schema', `${where}: not a valid number`);
}

const valueScale = (p: ParamDef): Scale => ({ origin: p.min, step: p.step });
const sdScale = (p: ParamDef): Scale => ({ origin: 0, step: p.step });
const SIGMA_SCALE: Scale = { origin: 0, step: 0.01 };

// ---------------------------------------------------------------------------------------------------------------
// Parameters: `k` is a string of one tag per parameter (a base-36 digit) in V1_PARAM_ORDER, stopping after the
// last changed one, and `p` the flat array of their numbers, in the same order:
//   0                 unchanged: no numbers
//   1                 only the value changed: the value
//   2 + 4·kind + f    the distribution changed; kind indexes DIST_KINDS (triangular first, the commonest), and the
//                     flags f say: +1 the value is unchanged (else the value comes first), +2 the centre (mode,
//                     mean, median) comes next (else it equals the value). Then: triangular mode − min,
//                     max − mode · uniform min, max · normal sd · lognormal sigma · fixed nothing.
// A number is a whole number of steps (see encNum; the triangular's bounds count steps from the mode when the mode
// lies on the grid) or its decimal text.

type Setting = Scenario['params'][ParamId];
type Dist = Setting['dist'];
type Token = number | string;

const DIST_KINDS = ['triangular', 'uniform', 'normal', 'lognormal', 'fixed'] as const;
const HAS_CENTRE: Record<Dist['kind'], boolean> = {
  triangular: true,
  uniform: false,
  normal: true,
  lognormal: true,
  fixed: false,
};
const TAGS = /^[0-9a-l]*$/; // 0 … 2 + 4·5 − 1 = 21 in base 36

function sameDist(a: Dist, b: Dist): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function centreOf(d: Dist): number | undefined {
  return d.kind === 'triangular'
    ? d.mode
    : d.kind === 'normal'
      ? d.mean
      : d.kind === 'lognormal'
        ? d.median
        : undefined;
}

/** One parameter's tag and numbers. */
function encodeParam(p: ParamDef, cur: Setting, base: Setting): [number, Token[]] {
  const vs = valueScale(p);
  const valueSame = Object.is(cur.value, base.value);
  if (sameDist(cur.dist, base.dist)) return valueSame ? [0, []] : [1, [encNum(cur.value, vs)]];
  const d = cur.dist;
  const centre = centreOf(d);
  const explicitCentre = centre !== undefined && !Object.is(centre, cur.value);
  const tag = 2 + 4 * DIST_KINDS.indexOf(d.kind) + (valueSame ? 1 : 0) + (explicitCentre ? 2 : 0);
  const out: Token[] = [];
  if (!valueSame) out.push(encNum(cur.value, vs));
  if (explicitCentre) out.push(encNum(centre, vs));
  if (d.kind === 'triangular') {
    const k = gridIndex(d.mode, vs);
    const max = encNum(d.max, vs, k);
    out.push(encNum(d.min, vs, k), typeof max === 'number' ? -max : max);
  } else if (d.kind === 'uniform') out.push(encNum(d.min, vs), encNum(d.max, vs));
  else if (d.kind === 'normal') out.push(encNum(d.sd, sdScale(p)));
  else if (d.kind === 'lognormal') out.push(encNum(d.sigma, SIGMA_SCALE));
  return [tag, out];
}

/** Reads one parameter's numbers from `tokens` at `pos`; returns the setting and the position after them. */
function decodeParam(
  p: ParamDef,
  tag: number,
  tokens: readonly unknown[],
  pos: number,
  base: Setting,
): [Setting, number] {
  const where = `params.${p.id}`;
  const vs = valueScale(p);
  const next = (name: string, sc: Scale = vs, from?: number, above = false) => {
    if (pos >= tokens.length)
      throw new DecodeError('schema', `${where}: the link ends in the middle of this parameter`);
    const t = tokens[pos++];
    return decNum(above && typeof t === 'number' ? -t : t, sc, `${where}.${name}`, from);
  };
  if (tag === 0) return [base, pos];
  if (tag === 1) return [{ value: next('value'), dist: base.dist }, pos];
  const kind = DIST_KINDS[(tag - 2) >> 2];
  const valueSame = ((tag - 2) & 1) === 1;
  const explicitCentre = ((tag - 2) & 2) === 2;
  if (explicitCentre && !HAS_CENTRE[kind])
    throw new DecodeError('schema', `${where}: a ${kind} distribution has no centre`);
  const value = valueSame ? base.value : next('value');
  const centre = explicitCentre ? next('dist.centre') : value;
  let dist: Dist;
  if (kind === 'triangular') {
    const k = gridIndex(centre, vs);
    const min = next('dist.min', vs, k);
    const max = next('dist.max', vs, k, true);
    dist = { kind, min, mode: centre, max };
  } else if (kind === 'uniform') {
    dist = { kind, min: next('dist.min'), max: next('dist.max') };
  } else if (kind === 'normal') {
    dist = { kind, mean: centre, sd: next('dist.sd', sdScale(p)) };
  } else if (kind === 'lognormal') {
    dist = { kind, median: centre, sigma: next('dist.sigma', SIGMA_SCALE) };
  } else {
    dist = { kind };
  }
  return [{ value, dist }, pos];
}

// ---------------------------------------------------------------------------------------------------------------
// The difference.

const Str = (max: number) => z.string().check(z.maxLength(max));

export const DiffSchema = z.object({
  mv: z.optional(Str(32)),
  dv: z.optional(Str(32)),
  pr: z.optional(Str(64)),
  /** The plan, where it differs from the preset's (links without it mean the preset's plan: the 2021 one for v1's presets). */
  pl: z.optional(Str(32)),
  t: z.optional(Str(4000)),
  n: z.optional(Str(8000)),
  a: z.optional(Str(32)),
  h: z.optional(Str(32)),
  s: z.optional(z.number()),
  S: z.optional(z.number()),
  f: z.optional(z.object({ u: z.optional(Str(32)), t: z.optional(Str(32)) })),
  k: z.optional(Str(64).check(z.regex(TAGS))),
  p: z.optional(z.array(z.union([z.number(), Str(32)])).check(z.maxLength(512))),
  l: z.optional(Str(16)),
  m: z.optional(Str(16)),
  i: z.optional(Str(64)),
  c: z.optional(z.array(Str(200)).check(z.maxLength(16))),
});
export type Diff = z.output<typeof DiffSchema>;
export const DIFF_KEYS = new Set(Object.keys(DiffSchema.def.shape));

/** The preset a scenario is described against: its own preset if shipped, else its plan's first, else the first. */
export function basePreset(s: Scenario): Preset {
  return presetById(s.preset) ?? presetsOf(planOf(s))[0] ?? PRESETS[0];
}

export function diffOf(state: LinkState, preset: Preset): Diff {
  const s = state.scenario;
  const b = preset.scenario;
  const d: Diff = {};
  if (s.preset !== b.preset) d.pr = s.preset;
  if (planOf(s) !== planOf(b)) d.pl = planOf(s);
  if (s.title !== b.title) d.t = s.title;
  if (s.notes !== b.notes) d.n = s.notes;
  if (s.asOf !== b.asOf) d.a = s.asOf;
  if (s.horizon !== b.horizon) d.h = s.horizon;
  if (s.seed !== b.seed) d.s = s.seed;
  if (s.samples !== b.samples) d.S = s.samples;
  if (s.families.users !== b.families.users || s.families.traffic !== b.families.traffic) {
    d.f = {};
    if (s.families.users !== b.families.users) d.f.u = s.families.users;
    if (s.families.traffic !== b.families.traffic) d.f.t = s.families.traffic;
  }
  const perParam = V1_PARAM_ORDER.map((id) => encodeParam(PARAMS[id], s.params[id], b.params[id]));
  while (perParam.length && perParam[perParam.length - 1][0] === 0) perParam.pop();
  if (perParam.length) {
    d.k = perParam.map(([tag]) => tag.toString(36)).join('');
    const p = perParam.flatMap(([, tokens]) => tokens);
    if (p.length) d.p = p;
  }
  if (state.lang !== DEFAULT_LANG) d.l = state.lang;
  if (state.view.mode !== DEFAULT_VIEW_MODE) d.m = state.view.mode;
  if (state.view.indicator !== undefined) d.i = state.view.indicator;
  if (state.compare !== undefined) d.c = [...state.compare];
  if (Object.keys(d).length) {
    d.mv = MODEL_VERSION;
    d.dv = DATA_VERSION;
  }
  return d;
}

/** Applies a difference to a preset: the raw (unvalidated) full state, with the versions it was made with. */
export function expand(preset: Preset, d: Diff, warn: (w: LinkWarning) => void): Record<string, unknown> {
  const b = preset.scenario;
  const params = { ...b.params } as Record<ParamId, Setting>;
  const tags = d.k ?? '';
  const tokens = d.p ?? [];
  let pos = 0;
  for (let i = 0; i < tags.length && i < V1_PARAM_ORDER.length; i++) {
    const id = V1_PARAM_ORDER[i];
    [params[id], pos] = decodeParam(PARAMS[id], parseInt(tags[i], 36), tokens, pos, b.params[id]);
  }
  if (tags.length > V1_PARAM_ORDER.length) warn({ code: 'unknown-params' });
  else if (pos < tokens.length)
    throw new DecodeError('schema', 'the link holds more parameter values than its parameters take');
  const scenario = {
    ...b,
    ...(d.pr !== undefined && { preset: d.pr }),
    ...(d.pl !== undefined && { plan: d.pl }),
    ...(d.t !== undefined && { title: d.t }),
    ...(d.n !== undefined && { notes: d.n }),
    ...(d.a !== undefined && { asOf: d.a }),
    ...(d.h !== undefined && { horizon: d.h }),
    ...(d.s !== undefined && { seed: d.s }),
    ...(d.S !== undefined && { samples: d.S }),
    families: { users: d.f?.u ?? b.families.users, traffic: d.f?.t ?? b.families.traffic },
    params,
  };
  return {
    scenario,
    lang: d.l ?? DEFAULT_LANG,
    view: { mode: d.m ?? DEFAULT_VIEW_MODE, ...(d.i !== undefined && { indicator: d.i }) },
    ...(d.c !== undefined && { compare: d.c }),
    ...(d.mv !== undefined && { mv: d.mv }),
    ...(d.dv !== undefined && { dv: d.dv }),
  };
}
