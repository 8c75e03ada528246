/**
 * Share links. A link carries the whole app state (LinkState) as the smallest difference from a preset:
 *
 *   #v1.<presetId>                  an unmodified preset in the default view
 *   #v1.<presetId>.<payload>        payload = base64url(deflateRaw(UTF-8 JSON of the difference, V1 dictionary))
 *
 * The difference names only the fields that differ from the preset's scenario and from the default state, under
 * one-letter keys; parameters sit in a frozen order (V1_PARAM_ORDER) and an entry carries only what changed (its
 * value, its distribution or both); numbers are written as whole numbers of the parameter's step from its minimum
 * where that is exact (otherwise as their shortest decimal text). DEFLATE is primed with a frozen dictionary of the
 * app's vocabulary. Every non-empty payload also records the model and data versions it was made with (mv, dv).
 *
 * Older links are migrated through `migrations` (v0: `#v0=<base64url of the plain JSON of a full scenario>` with
 * the old field names `as_of` and `sampleCount`, and optional `lang` 'zh' | 'en' and `view` mode). decodeLink never throws: every step is guarded, input and
 * decompressed sizes are capped, nesting is limited, prototype keys are refused and the result is validated by
 * LinkStateSchema.
 */
import { deflateSync, inflateSync } from 'fflate';
import { z } from 'zod/mini';
import { PARAMS, type ParamDef, type ParamId } from '../model/registry';
import { DATA_VERSION, MODEL_VERSION } from '../model/version';
import { presetById, presetsOf, PRESETS, type Preset } from './presets';
import { formatIssues, planOf, type Scenario } from './schema';
import { DEFAULT_LANG, DEFAULT_VIEW_MODE, LinkStateSchema, type LinkState } from './link-state';

/** The current link format. */
export const CODEC_VERSION = 1;
/** Longer input is refused before any work. */
export const MAX_LINK_LENGTH = 8000;
/** The most bytes a payload may inflate to (guards against decompression bombs). */
export const MAX_INFLATED_BYTES = 64 * 1024;
/** The deepest nesting a payload may have, and the most values it may hold. */
const MAX_DEPTH = 8;
const MAX_NODES = 5000;
/** The largest step index a number may carry. */
const STEP_INDEX_MAX = 1e9;

export type LinkErrorCode = 'empty' | 'version' | 'preset' | 'payload' | 'json' | 'schema' | 'too-long';
export interface LinkError {
  code: LinkErrorCode;
  message: string;
}
export type DecodeResult = { ok: true; state: LinkState; warnings: string[] } | { ok: false; error: LinkError };

// ---------------------------------------------------------------------------------------------------------------
// Frozen for link format v1: changing either breaks every v1 link (make a v2 and a migration instead). New
// parameters may only be appended to the order.

/** The order of parameters in a v1 payload's `p` array. */
export const V1_PARAM_ORDER: readonly ParamId[] = [
  'popGrowth', 'subsGrowth', 'ceiling', 'bassP', 'bassQ', 'logisticR', 'gompertzG', 'ratioDrift', 'ratioStart',
  'trafficK', 'trafficMax', 'trafficStart', 'industrialStart', 'industrialK', 'industrialMax', 'iotStart', 'iotGrowth',
  'iotDecay', 'buildAnnual', 'buildGrowth', 'vpnStart', 'vpnGrowth', 'vpnDecay', 'vpnCeiling', 'benchStart',
  'benchPerYear', 'solutionsStart', 'solutionsPerYear', 'standardsStart', 'standardsPerYear', 'securityStart',
  'securityPerYear', 'regionalStart', 'regionalPerYear',
  // Appended with the upgrade plan (2024-11): its own assumptions.
  'personalGap', 'iotConnStart', 'iotConnGrowth', 'iotConnDecay', 'lmStart', 'lmK', 'lmMax', 'edgeStart', 'edgePerYear',
  'citiesStart', 'citiesPerYear',
];

/**
 * The preset DEFLATE dictionary of v1: the registry's English labels; the Chinese labels and help texts of the
 * registry, the presets' Chinese rationales and the plan targets' Chinese names as of the first release; and the
 * payload's keys and common values. Notes written in the app's own vocabulary, and the payload's structure, then
 * compress to back-references.
 */
const V1_DICTIONARY_TEXT = `Population change. Mobile subscriptions change. Ceiling (market potential). Innovation coefficient p. Imitation coefficient q. Logistic growth rate r. Gompertz rate g. Traffic ratio drift. Starting traffic ratio r. Traffic share growth rate. Traffic share ceiling. Starting traffic share. Starting penetration (assumption). Annual growth rate. Penetration ceiling. 5G IoT terminals at end-2020 (assumption). First-year growth. Yearly decay of growth. Annual additions. Change in annual additions. Starting networks. Annual growth. Yearly decay of growth. Ceiling. Starting benchmarks (assumption). New benchmarks per year. Starting solutions (assumption). New solutions per year. Starting standards (assumption). New standards per year. Starting centres (assumption). New centres per year. Starting regional benchmarks (assumption). New regional benchmarks per year
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

class DecodeError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes: base64url (no padding) and UTF-8.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64[n >> 18] + B64[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63];
  }
  return out;
}

/** Decodes unpadded base64url; undefined on any character outside the alphabet or an impossible length. */
export function fromBase64Url(s: string): Uint8Array | undefined {
  if (s.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const V1_DICTIONARY = utf8.encode(V1_DICTIONARY_TEXT);

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
  return Number.isSafeInteger(k) && Math.abs(k) <= STEP_INDEX_MAX && Object.is(clean(sc.origin + k * sc.step), v) ? k : undefined;
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
    if (Number.isInteger(x) && Math.abs(x) <= STEP_INDEX_MAX && Math.abs(k) <= 2 * STEP_INDEX_MAX) return clean(sc.origin + k * sc.step);
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
const HAS_CENTRE: Record<Dist['kind'], boolean> = { triangular: true, uniform: false, normal: true, lognormal: true, fixed: false };
const TAGS = /^[0-9a-l]*$/; // 0 … 2 + 4·5 − 1 = 21 in base 36

function sameDist(a: Dist, b: Dist): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function centreOf(d: Dist): number | undefined {
  return d.kind === 'triangular' ? d.mode : d.kind === 'normal' ? d.mean : d.kind === 'lognormal' ? d.median : undefined;
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
function decodeParam(p: ParamDef, tag: number, tokens: readonly unknown[], pos: number, base: Setting): [Setting, number] {
  const where = `params.${p.id}`;
  const vs = valueScale(p);
  const next = (name: string, sc: Scale = vs, from?: number, above = false) => {
    if (pos >= tokens.length) throw new DecodeError('schema', `${where}: the link ends in the middle of this parameter`);
    const t = tokens[pos++];
    return decNum(above && typeof t === 'number' ? -t : t, sc, `${where}.${name}`, from);
  };
  if (tag === 0) return [base, pos];
  if (tag === 1) return [{ value: next('value'), dist: base.dist }, pos];
  const kind = DIST_KINDS[(tag - 2) >> 2];
  const valueSame = ((tag - 2) & 1) === 1;
  const explicitCentre = ((tag - 2) & 2) === 2;
  if (explicitCentre && !HAS_CENTRE[kind]) throw new DecodeError('schema', `${where}: a ${kind} distribution has no centre`);
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
// The v1 difference.

const Str = (max: number) => z.string().check(z.maxLength(max));

const DiffSchema = z.object({
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
type Diff = z.output<typeof DiffSchema>;
const DIFF_KEYS = new Set(Object.keys(DiffSchema.def.shape));

/** The preset a scenario is described against: its own preset if shipped, else its plan's first, else the first. */
function basePreset(s: Scenario): Preset {
  return presetById(s.preset) ?? presetsOf(planOf(s))[0] ?? PRESETS[0];
}

function diffOf(state: LinkState, preset: Preset): Diff {
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

/** Encodes a (valid) state as a URL hash: `#v1.<presetId>` or `#v1.<presetId>.<payload>`. */
export function encodeLink(state: LinkState): string {
  const preset = basePreset(state.scenario);
  const d = diffOf(state, preset);
  const head = `#v${CODEC_VERSION}.${preset.id}`;
  if (!Object.keys(d).length) return head;
  return `${head}.${toBase64Url(deflateSync(utf8.encode(JSON.stringify(d)), { level: 9, dictionary: V1_DICTIONARY }))}`;
}

/** Applies a difference to a preset: the raw (unvalidated) full state, with the versions it was made with. */
function expand(preset: Preset, d: Diff, warn: (m: string) => void): Record<string, unknown> {
  const b = preset.scenario;
  const params = { ...b.params } as Record<ParamId, Setting>;
  const tags = d.k ?? '';
  const tokens = d.p ?? [];
  let pos = 0;
  for (let i = 0; i < tags.length && i < V1_PARAM_ORDER.length; i++) {
    const id = V1_PARAM_ORDER[i];
    [params[id], pos] = decodeParam(PARAMS[id], parseInt(tags[i], 36), tokens, pos, b.params[id]);
  }
  if (tags.length > V1_PARAM_ORDER.length) warn('Ignored parameters unknown to this version of Yangfan.');
  else if (pos < tokens.length) throw new DecodeError('schema', 'the link holds more parameter values than its parameters take');
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

// ---------------------------------------------------------------------------------------------------------------
// Guards shared by the readers.

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks a parsed JSON tree, without recursion: bounded depth and size, no prototype keys. */
function checkTree(root: unknown): void {
  const stack: [unknown, number][] = [[root, 0]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > MAX_NODES) throw new DecodeError('json', 'the payload holds too many values');
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) throw new DecodeError('json', 'the payload is nested too deeply');
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
    } else {
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) throw new DecodeError('json', `the payload holds a forbidden key "${k}"`);
        stack.push([(v as Record<string, unknown>)[k], depth + 1]);
      }
    }
  }
}

function bytesOf(b64: string): Uint8Array {
  const bytes = fromBase64Url(b64);
  if (!bytes) throw new DecodeError('payload', 'the link payload is not valid base64url');
  return bytes;
}

function inflate(bytes: Uint8Array, dictionary: Uint8Array): Uint8Array {
  // A fixed output buffer one byte larger than the cap: fflate never grows it, so filling it means too large.
  let out: Uint8Array;
  try {
    out = inflateSync(bytes, { out: new Uint8Array(MAX_INFLATED_BYTES + 1), dictionary });
  } catch {
    throw new DecodeError('payload', 'the link payload is damaged (it does not decompress)');
  }
  if (out.length > MAX_INFLATED_BYTES) throw new DecodeError('payload', 'the link payload decompresses to too much data');
  return out;
}

function jsonOf(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8Strict.decode(bytes);
  } catch {
    throw new DecodeError('payload', 'the link payload is not valid UTF-8 text');
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new DecodeError('json', 'the link payload is not valid JSON');
  }
  checkTree(v);
  return v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------------------------
// Readers (one per link version: the text after `v<n>` → that version's raw form) and migrations
// (version n raw → version n+1 raw). The v1 raw form is the unvalidated full state plus `mv`/`dv`.

type Warn = (message: string) => void;

const readers: Record<number, (rest: string, warn: Warn) => unknown> = {
  0: (rest) => {
    if (rest[0] !== '=') throw new DecodeError('version', 'a v0 link must read #v0=<data>');
    if (rest.length === 1) throw new DecodeError('payload', 'the v0 link carries no data');
    return jsonOf(bytesOf(rest.slice(1)));
  },
  1: (rest, warn) => {
    const m = /^\.([^.]*)(?:\.(.*))?$/s.exec(rest);
    if (!m) throw new DecodeError('version', 'a v1 link must read #v1.<preset>[.<data>]');
    const [, id, payload = ''] = m;
    if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new DecodeError('preset', 'the link names no valid preset');
    const preset = presetById(id);
    if (!preset) throw new DecodeError('preset', `the link names an unknown preset "${id}"`);
    let raw: unknown = {};
    if (payload !== '') {
      raw = jsonOf(inflate(bytesOf(payload), V1_DICTIONARY));
      if (!isPlainObject(raw)) throw new DecodeError('schema', 'the link payload is not an object');
    }
    const r = DiffSchema.safeParse(raw);
    if (!r.success) throw new DecodeError('schema', `the link payload is malformed: ${summarise(formatIssues(r.error.issues))}`);
    const unknown = Object.keys(raw as object).filter((k) => !DIFF_KEYS.has(k));
    if (unknown.length) warn(`Ignored unknown fields in the link: ${unknown.slice(0, 5).map((k) => k.slice(0, 24)).join(', ')}.`);
    return expand(preset, r.data, warn);
  },
};

/**
 * Migrations: each turns the raw form of link version n into that of version n + 1, reporting what it did.
 * v0 (`#v0=<base64url of plain JSON>`): a full scenario with the old names `as_of` and `sampleCount`, and beside
 * it optionally `lang` ('zh' | 'en') and `view` (a view mode's name).
 */
export const migrations: Record<number, (raw: unknown, warn?: Warn) => unknown> = {
  0: (raw, warn = () => {}) => {
    if (!isPlainObject(raw)) throw new DecodeError('schema', 'a v0 link must hold a scenario object');
    const s: Record<string, unknown> = { ...raw };
    const done: string[] = [];
    for (const [from, to] of [
      ['as_of', 'asOf'],
      ['sampleCount', 'samples'],
    ] as const) {
      if (Object.hasOwn(s, from)) {
        if (!Object.hasOwn(s, to)) s[to] = s[from];
        delete s[from];
        done.push(`${from} → ${to}`);
      }
    }
    // v0 kept the language ('zh' | 'en') and the view (a mode name) beside the scenario's fields.
    const { lang, view, ...scenario } = s;
    const defaults: string[] = [];
    if (lang === undefined) defaults.push('language');
    if (view === undefined) defaults.push('view');
    warn(
      `Upgraded an old (v0) link to the current format${done.length ? ` (renamed ${done.join(', ')})` : ''}` +
        (defaults.length ? `; the ${defaults.join(' and ')} took ${defaults.length > 1 ? 'their defaults' : 'its default'}.` : '.'),
    );
    warn(
      `The link predates model and data version stamps: it was read with model ${MODEL_VERSION} and data ${DATA_VERSION}, ` +
        'so results may differ from when it was made.',
    );
    return {
      scenario,
      lang: lang === undefined ? DEFAULT_LANG : lang === 'zh' ? 'zh-CN' : lang,
      view: { mode: view === undefined ? DEFAULT_VIEW_MODE : view },
    };
  },
};

const summarise = (lines: string[]) => lines.slice(0, 5).join('; ') + (lines.length > 5 ? `; and ${lines.length - 5} more` : '');

function decodeUnsafe(hash: string): DecodeResult {
  let h = hash;
  const at = h.indexOf('#');
  if (at >= 0) h = h.slice(at + 1);
  h = h.trim();
  if (h === '') throw new DecodeError('empty', 'the link carries no scenario');
  const m = /^v(0|[1-9]\d{0,5})(?![0-9])/.exec(h);
  if (!m) throw new DecodeError('version', 'this is not a Yangfan scenario link');
  const version = Number(m[1]);
  if (version > CODEC_VERSION)
    throw new DecodeError('version', `the link was made by a newer version of Yangfan (link format v${version}); please update`);
  const warnings: string[] = [];
  const warn = (msg: string) => void warnings.push(msg);
  let raw = readers[version](h.slice(m[0].length), warn);
  for (let v = version; v < CODEC_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new DecodeError('version', `links of format v${v} can no longer be read`);
    raw = step(raw, warn);
  }
  const { mv, dv, ...state } = raw as Record<string, unknown>;
  if (typeof mv === 'string' && mv !== MODEL_VERSION)
    warn(`The link was made with model version ${mv}; this is ${MODEL_VERSION}, so results may differ.`);
  if (typeof dv === 'string' && dv !== DATA_VERSION)
    warn(`The link was made with the reference data of ${dv}; this is ${DATA_VERSION}, so results may differ.`);
  const r = LinkStateSchema.safeParse(state);
  if (!r.success) {
    const lines = formatIssues(
      r.error.issues.map((i) => (i.path[0] === 'scenario' ? { path: i.path.slice(1), message: i.message } : i)),
    );
    throw new DecodeError('schema', `the link holds an invalid scenario: ${summarise(lines)}`);
  }
  return { ok: true, state: r.data, warnings };
}

/** The JSON text of a v1 link's payload, unvalidated, for diagnostics and tests; undefined if there is none. */
export function payloadText(hash: string): string | undefined {
  try {
    const m = /^#?v1\.[a-z0-9-]{1,40}\.(.+)$/s.exec(hash);
    if (!m || hash.length > MAX_LINK_LENGTH) return undefined;
    return utf8Strict.decode(inflate(bytesOf(m[1]), V1_DICTIONARY));
  } catch {
    return undefined;
  }
}

/** Decodes a link (a hash, with or without `#`, or a whole URL). Never throws. */
export function decodeLink(hash: string): DecodeResult {
  try {
    if (typeof hash !== 'string') return { ok: false, error: { code: 'empty', message: 'the link carries no scenario' } };
    if (hash.length > MAX_LINK_LENGTH)
      return { ok: false, error: { code: 'too-long', message: `the link is longer than ${MAX_LINK_LENGTH} characters` } };
    return decodeUnsafe(hash);
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'payload', message: 'the link could not be read' } };
  }
}
