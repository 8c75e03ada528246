/**
 * The analysis panel's pure parts in Node: the tornado and fit chart option builders (inspected, not drawn), the
 * sentences built from the analysis layer's structured results in both languages (including the translation of
 * calibrate.ts's conditioning reasons), and the analysis client on its in-thread backend: the same bundle as the
 * model, latest-wins per output and kind, failures reported, termination.
 */
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import * as model from '../../../src/model';
import { analyse } from '../../../src/model/analysis';
import { calibrate, type ConditioningReason, type FittedCalibration } from '../../../src/model/calibrate';
import { goalSeek, goalSeekProbability } from '../../../src/model/goal-seek';
import { sensitivity } from '../../../src/model/sensitivity';
import { onTrack } from '../../../src/model/on-track';
import { INDICATOR_IDS, OUTPUTS, targetLevel } from '../../../src/model/indicators';
import { PARAMS } from '../../../src/model/registry';
import { PRESETS } from '../../../src/scenario/presets';
import { formatValue, translator } from '../../../src/i18n';
import { MESSAGES } from '../../../src/i18n/messages';
import { analysisEn, analysisZh } from '../../../src/i18n/messages-analysis';
import {
  tornadoBars,
  tornadoHeight,
  tornadoLabels,
  tornadoOptions,
  tornadoTickFormat,
  labelMargin,
} from '../../../src/ui/analysis/tornado-chart';
import { fitChartOptions, fitRows } from '../../../src/ui/analysis/fit-chart';
import { zhMonthTick } from '../../../src/i18n';
import {
  centralSeekText,
  comparatorOf,
  formatFitted,
  formatParam,
  leverLabel,
  onTrackText,
  probabilitySeekText,
  reasonText,
  round4,
  unfittedText,
  withUnit,
} from '../../../src/i18n/analysis-text';
import {
  createAnalysisClient,
  createInThreadAnalysisBackend,
  type AnalysisBackend,
  type GoalSeekPair,
} from '../../../src/runner/analysis';
import type { OutputAnalysis } from '../../../src/model/analysis';

const base = PRESETS[0].scenario;
const en = translator('en');
const zh = translator('zh-CN');

/** The marks' types, as Plot names them (barX, ruleX, …). */
const markNames = (o: Plot.PlotOptions) =>
  (o.marks as { constructor: { name: string } }[]).map((m) => m.constructor.name);
const markData = (o: Plot.PlotOptions, i: number) => (o.marks as unknown as { data: unknown[] }[])[i].data;

describe('messages', () => {
  it('has the same analysis keys in both languages, none empty, and both are merged into the translator', () => {
    expect(Object.keys(analysisZh).sort()).toEqual(Object.keys(analysisEn).sort());
    for (const [k, v] of Object.entries(analysisEn)) {
      expect(v, k).not.toBe('');
      expect((analysisZh as Record<string, string>)[k], k).not.toBe('');
      expect((MESSAGES.en as Record<string, string>)[k]).toBe(v);
      expect((MESSAGES['zh-CN'] as Record<string, string>)[k]).toBe((analysisZh as Record<string, string>)[k]);
      // Same placeholders in both languages.
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph((analysisZh as Record<string, string>)[k]), k).toEqual(ph(v));
    }
  });
});

describe('tornado chart options', () => {
  const s = sensitivity(base, 'base_stations_per_10k');
  const input = {
    id: 'base_stations_per_10k' as const,
    base: s.base,
    rows: s.rows,
    lang: 'en' as const,
    t: en,
    width: 520,
  };

  it('ranks parameters top-down by effect, with registry labels in the current language', () => {
    expect(s.rows[0].param).toBe('buildAnnual');
    const o = tornadoOptions(Plot, input);
    expect((o.y as { domain: string[] }).domain).toEqual(s.rows.map((r) => PARAMS[r.param].label.en));
    expect((o.y as { domain: string[] }).domain[0]).toBe('Annual additions');
    const oz = tornadoOptions(Plot, { ...input, lang: 'zh-CN', t: zh });
    expect((oz.y as { domain: string[] }).domain[0]).toBe('年新建基站');
    expect(tornadoLabels(s.rows, 'zh-CN')).toEqual(s.rows.map((r) => PARAMS[r.param].label.zh));
  });

  it('draws two bars per parameter from the base value to the low and high outputs, the base and the target as rules', () => {
    const o = tornadoOptions(Plot, input);
    expect(markNames(o)).toEqual(['BarX', 'BarX', 'RuleX', 'RuleX', 'Text']);
    const low = markData(o, 0) as ReturnType<typeof tornadoBars>;
    const high = markData(o, 1) as ReturnType<typeof tornadoBars>;
    expect(low.map((b) => b.param)).toEqual(s.rows.map((r) => r.param));
    low.forEach((b, i) => {
      expect(b).toMatchObject({ side: 'low', x1: s.base, x2: s.rows[i].outputLow, at: s.rows[i].low, rank: i });
      expect(high[i]).toMatchObject({
        side: 'high',
        x1: s.base,
        x2: s.rows[i].outputHigh,
        at: s.rows[i].high,
        rank: i,
      });
    });
    expect(markData(o, 2)).toEqual([s.base]);
    expect(markData(o, 3)).toEqual([targetLevel(OUTPUTS.base_stations_per_10k.target)]);
    expect(o.height).toBe(tornadoHeight(s.rows.length));
    expect(o.width).toBe(520);
  });

  it('marks both ends of a range target', () => {
    const r = sensitivity(base, 'industrial_penetration');
    const o = tornadoOptions(Plot, { ...input, id: 'industrial_penetration', base: r.base, rows: r.rows });
    expect((markData(o, 3) as number[]).length).toBe(
      OUTPUTS.industrial_penetration.target.comparator === 'range' ? 2 : 1,
    );
  });

  it('labels ticks precisely enough to tell narrow swings apart, and sizes the margin to the labels', () => {
    const f = tornadoTickFormat('base_stations_per_10k', 'en');
    expect(new Set([15.5, 16, 16.5, 17, 17.5].map(f)).size).toBe(5);
    expect(tornadoTickFormat('users', 'zh-CN')(9.5e8)).toBe('9.5亿');
    expect(tornadoTickFormat('user_penetration', 'en')(55)).toBe('55%');
    expect(labelMargin(['a'])).toBe(72);
    expect(labelMargin(['年新建基站年新建基站年新建基站年新建基站'])).toBeGreaterThan(labelMargin(['年新建基站']));
    expect(labelMargin(['x'.repeat(500)])).toBe(240);
  });
});

describe('fit chart options', () => {
  const cal = calibrate(base, 'users') as FittedCalibration;
  it('plots the observations as dots and the fitted curve as a line, one row per observation month', () => {
    expect(cal.status).toBe('fitted');
    const o = fitChartOptions(Plot, { id: 'users', points: cal.fitted, lang: 'en', t: en, width: 400 });
    expect(markNames(o)).toEqual(['Line', 'Dot', 'Tip']);
    const rows = markData(o, 0) as ReturnType<typeof fitRows>;
    expect(rows.map((r) => r.month)).toEqual(cal.fitted.map((p) => p.month));
    expect(rows.map((r) => r.fitted)).toEqual(cal.fitted.map((p) => p.fitted));
    expect(rows.map((r) => r.observed)).toEqual(cal.fitted.map((p) => p.observed));
    expect(rows[0].date.toISOString().slice(0, 7)).toBe(cal.fitted[0].month);
    expect(rows[0].label).toContain('fitted');
    expect(o.ariaLabel).toContain('observations and fitted curve');
  });
  it('writes month ticks in Chinese for Chinese', () => {
    const o = fitChartOptions(Plot, { id: 'users', points: cal.fitted, lang: 'zh-CN', t: zh, width: 400 });
    expect((o.x as { tickFormat: unknown }).tickFormat).toBe(zhMonthTick);
    expect(zhMonthTick(new Date(Date.UTC(2021, 0, 1)))).toBe('2021年1月');
    expect(zhMonthTick(new Date(Date.UTC(2021, 3, 1)))).toBe('4月');
  });
});

describe('sentences', () => {
  it('states what base stations need on the central path and for P(met) ≥ 80 %, in both languages', () => {
    const c = goalSeek(base, 'base_stations_per_10k');
    const p = goalSeekProbability(base, 'base_stations_per_10k', undefined, 0.8, 500);
    expect(c.status).toBe('reachable');
    expect(comparatorOf(c)).toBe('≥');
    const sEn = centralSeekText(c, 'en', en);
    expect(sEn).toBe(
      `Annual additions must be ≥ ${withUnit('buildAnnual', c.value!, 'en')} to meet the target (now 600,000 stations per year); the central value at Dec 2023 is then ${formatValue('base_stations_per_10k', c.output!, 'en')}.`,
    );
    expect(centralSeekText(c, 'zh-CN', zh)).toMatch(/^达标需要年新建基站 ≥ 64万站\/年（当前为60万站\/年）/);
    expect(probabilitySeekText(p, '≥', 'en', en)).toMatch(
      /^Annual additions ≥ [\d,]+ stations per year lifts P\(met\) to 80 % or more/,
    );
    expect(probabilitySeekText(p, '≥', 'zh-CN', zh)).toMatch(/^年新建基站 ≥ [\d.]+万站\/年时达标概率达到80%/);
  });

  it('says when a target cannot be reached within the range, and when it is met at the range minimum', () => {
    const s = model.withParamValue(base, 'iotDecay', 90);
    const un = goalSeek(s, 'iot_growth');
    expect(un.status).toBe('unreachable');
    expect(centralSeekText(un, 'en', en)).toMatch(
      /^Not reachable within the allowed range \(0–1,000 % per year\): the best is .+, at First-year growth = 1,000 % per year\.$/,
    );
    expect(centralSeekText(un, 'zh-CN', zh)).toMatch(/^在允许范围内（0–1,000%\/年）无法达标/);
    const users = goalSeek(base, 'users');
    expect(users.status).toBe('already-met');
    expect(centralSeekText(users, 'en', en)).toBe(
      'Already met across the whole allowed range of Imitation coefficient q.',
    );
    const fake = { ...users, reason: 'met-at-min' } as const;
    expect(centralSeekText(fake, 'en', en)).toBe(
      'Already met at the range minimum (Imitation coefficient q = 0 per month).',
    );
    expect(centralSeekText({ ...users, reason: 'met-at-max' }, 'zh-CN', zh)).toBe(
      '取允许范围的最大值时即已达标（模仿系数 q = 0.4/月）。',
    );
    // No step on the grid meets: the sentence says the exact boundary is given.
    const reached = goalSeek(base, 'base_stations_per_10k');
    expect(centralSeekText({ ...reached, reason: 'off-grid' }, 'en', en)).toMatch(
      / No value on the lever’s step grid meets the target, so the exact boundary is given\.$/,
    );
    expect(centralSeekText(reached, 'en', en)).not.toMatch(/step grid/);
  });

  it('formats lever values on their step grid, with units, and disambiguates labels outside their cell', () => {
    expect(formatParam('bassQ', 0.061, 'en')).toBe('0.061');
    expect(formatParam('buildAnnual', 640000, 'en')).toBe('640,000');
    expect(withUnit('bassQ', 0.061, 'en')).toBe('0.061 per month');
    expect(withUnit('bassQ', 0.061, 'zh-CN')).toBe('0.061/月');
    expect(leverLabel('iotDecay', 'en', 'iot_growth')).toBe('Yearly decay of growth');
    expect(leverLabel('vpnDecay', 'en', 'iot_growth')).toMatch(/^Yearly decay of growth \(.+\)$/);
    expect(leverLabel('bassQ', 'en', 'user_penetration')).toBe('Imitation coefficient q');
    expect(round4(554654.9734)).toBe(554700);
    // A fitted count reads in 万 in Chinese, to four significant figures.
    expect(formatFitted(1379191, 'zh-CN')).toBe('137.9万');
    expect(formatFitted(1379191, 'en')).toBe('1,379,191');
    expect(formatFitted(12345, 'zh-CN')).toBe('1.235万');
    expect(formatFitted(0.0094, 'zh-CN')).toBe('0.0094');
    expect(round4(0.01378310805)).toBe(0.01378);
  });

  it('translates every conditioning reason calibrate.ts gives on the shipped data', () => {
    const seen: ConditioningReason[] = [];
    for (const id of ['users', 'base_stations_per_10k'] as const) {
      for (const family of ['bass', 'logistic', 'gompertz'] as const) {
        const c = calibrate({ ...base, families: { ...base.families, users: family } }, id);
        if (c.status !== 'fitted') continue;
        for (const r of c.reasons) {
          seen.push(r);
          const z = reasonText(r, 'zh-CN', zh, id);
          expect(z, r.code).toMatch(/[\u4e00-\u9fff]/);
          expect(z, r.code).not.toMatch(/\{\w+\}/);
          expect(reasonText(r, 'en', en, id), r.code).not.toMatch(/\{\w+\}/);
        }
      }
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.map((r) => r.code)).toContain('early-s-curve');
    // One reason of every code, rendered in both languages with no placeholder left.
    const every: ConditioningReason[] = [
      { code: 'few-points', n: 3, min: 6 },
      { code: 'early-s-curve', share: 0.2, limit: 0.3 },
      { code: 'at-bound', param: 'bassQ', bound: 'upper', value: 0.4 },
      { code: 'large-standard-error', param: 'bassP', value: 0.02, se: 0.03, limit: 0.5 },
      { code: 'leave-out', dropped: 2, change: 0.15 },
    ];
    for (const r of every) {
      expect(reasonText(r, 'zh-CN', zh, 'users'), r.code).not.toMatch(/\{\w+\}|[:,()]/);
      expect(reasonText(r, 'en', en, 'users'), r.code).not.toMatch(/\{\w+\}/);
    }
    expect(reasonText({ code: 'few-points', n: 4, min: 6 }, 'zh-CN', zh, 'users')).toBe('观测点少：仅4个（少于6个）');
    expect(reasonText({ code: 'at-bound', param: 'bassP', bound: 'lower', value: 0 }, 'en', en, 'users')).toBe(
      'Innovation coefficient p is at the lower bound of its allowed range (0)',
    );
    expect(reasonText({ code: 'leave-out', dropped: 1, change: 1.253 }, 'en', en, 'users')).toBe(
      'unstable: leaving out the last observation moves the fitted Dec 2023 value by +125.3 %',
    );
    expect(reasonText({ code: 'leave-out', dropped: 2, change: -0.2 }, 'zh-CN', zh, 'users')).toBe(
      '不稳定：去掉最后2个观测值后，拟合的2023年12月数值变动-20%',
    );
    expect(reasonText({ code: 'early-s-curve', share: 0.123, limit: 0.3 }, 'en', en, 'users')).toMatch(
      /^early S-curve: the last observation is 12\.3 % of the market potential \(below 30 %\)/,
    );
    expect(
      reasonText(
        { code: 'large-standard-error', param: 'bassQ', value: 0.01, se: Number.MAX_VALUE, limit: 0.5 },
        'en',
        en,
        'users',
      ),
    ).toBe('large uncertainty: Imitation coefficient q = 0.01 ± ∞ (standard error above 50 % of the value)');
  });

  it('explains unfitted outputs and the on-track status', () => {
    const traffic = calibrate(base, 'traffic_share');
    const iot = calibrate(base, 'iot_growth');
    if (traffic.status !== 'not-fittable' || iot.status !== 'not-fittable') throw new Error('expected not fittable');
    expect(unfittedText(traffic, en, '2021-05')).toMatch(
      /^One observation only \(5G share of mobile internet access traffic, May 2021\).+reproduces it exactly.+cannot be fitted/,
    );
    // No internal ids and no ISO months in Chinese.
    expect(unfittedText(traffic, zh, '2021-05', 'zh-CN')).toMatch(
      /^只有一个观测值（5G流量占移动互联网接入流量比重，2021年5月）/,
    );
    expect(unfittedText(iot, en)).toMatch(/^No observed series exists/);
    expect(unfittedText({ ...traffic, n: 3, reason: 'anchored-on-last' }, zh, '2021-05', 'zh-CN')).toBe(
      '模型以3个观测值中的最后一个（5G流量占移动互联网接入流量比重，2021年5月）为起点并精确重现它；模型没有描述其历史的参数，因此不做拟合。',
    );
    expect(unfittedText({ ...traffic, n: 0, reason: 'no-observation' }, en)).toBe(analysisEn.anNoObsAtAsOf);
    expect(unfittedText({ ...iot, series: 'g5_base_stations', n: 1, reason: 'too-few' }, en)).toBe(
      '1 observation(s) at the as-of date: at least two are needed to fit.',
    );
    const noGrowth = { ...onTrack('users', base.asOf), status: 'no-data', reason: 'no-growth' } as const;
    expect(onTrackText(noGrowth, 'zh-CN', zh)).toBe(analysisZh.anOtWhyNoGrowth);
    expect(onTrackText(onTrack('base_stations_per_10k', base.asOf), 'en', en)).toMatch(
      /^growing 11\.7 % a month since Dec 2019; 3\.3 % a month is needed from Jun 2021/,
    );
    expect(onTrackText(onTrack('iot_growth', base.asOf), 'zh-CN', zh)).toBe(analysisZh.anOtWhyNoSeries);
    expect(onTrackText(onTrack('traffic_share', base.asOf), 'en', en)).toMatch(/^1 observation\(s\) only/);
  });
});

describe('analysis client (in-thread)', () => {
  const backend = () => createInThreadAnalysisBackend(model);

  it('returns the model’s own bundle for one output, JSON-serialisable', async () => {
    const client = createAnalysisClient(backend());
    const out = await client.analyse(base, 'base_stations_per_10k', { level: 0.8, samples: 500, top: 8 });
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    const direct = analyse(base, { outputs: ['base_stations_per_10k'], level: 0.8, samples: 500, top: 8 }).outputs[0];
    expect(out.value).toEqual(direct);
    expect(JSON.parse(JSON.stringify(out.value))).toEqual(out.value);
    expect(out.value.goalSeek.value).toBe(640000);
    expect(out.value.sensitivity.rows[0].param).toBe('buildAnnual');
    expect(out.value.calibration.status).toBe('fitted');
  });

  it('seeks with a lever chosen by the user', async () => {
    const client = createAnalysisClient(backend());
    const out = await client.goalSeek(base, 'base_stations_per_10k', 'buildGrowth', 0.5, 300);
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(out.value.central).toEqual(goalSeek(base, 'base_stations_per_10k', 'buildGrowth'));
    expect(out.value.probability).toEqual(goalSeekProbability(base, 'base_stations_per_10k', 'buildGrowth', 0.5, 300));
    expect(out.value.central.lever).toBe('buildGrowth');
  });

  it('is latest-wins per output and kind: a newer request supersedes a queued one, and a running one’s result is dropped', async () => {
    // A backend whose calls finish only when released, recording what ran.
    const ran: string[] = [];
    const gates: (() => void)[] = [];
    const gated: AnalysisBackend = {
      async analyse(input, outputId) {
        ran.push(`analyse:${outputId}:${input.seed}`);
        await new Promise<void>((r) => gates.push(r));
        return { id: outputId, seed: input.seed } as unknown as OutputAnalysis;
      },
      async goalSeek(_input, outputId, lever) {
        ran.push(`seek:${outputId}:${lever}`);
        await new Promise<void>((r) => gates.push(r));
        return { lever } as unknown as GoalSeekPair;
      },
      terminate() {},
    };
    const client = createAnalysisClient(gated);
    const a1 = client.analyse({ ...base, seed: 1 }, 'users'); // runs at once
    const a2 = client.analyse({ ...base, seed: 2 }, 'users'); // queued
    const b1 = client.analyse({ ...base, seed: 1 }, 'industry_vpn'); // another output: queued, kept
    const s1 = client.goalSeek(base, 'users', 'bassP', 0.8); // another kind: queued, kept
    const a3 = client.analyse({ ...base, seed: 3 }, 'users'); // supersedes a2 (queued) and a1 (running)
    expect(await a2).toEqual({ status: 'superseded' });
    expect(client.busy).toBe(true);
    const release = async () => {
      await new Promise((r) => setTimeout(r, 0));
      gates.shift()!();
    };
    await release();
    expect(await a1).toEqual({ status: 'superseded' });
    await release();
    await release();
    await release();
    const [rb1, rs1, ra3] = await Promise.all([b1, s1, a3]);
    expect(rb1).toMatchObject({ status: 'done', value: { id: 'industry_vpn', seed: 1 } });
    expect(rs1).toMatchObject({ status: 'done', value: { lever: 'bassP' } });
    expect(ra3).toMatchObject({ status: 'done', value: { id: 'users', seed: 3 } });
    expect(ran).toEqual(['analyse:users:1', 'analyse:industry_vpn:1', 'seek:users:bassP', 'analyse:users:3']);
    expect(client.busy).toBe(false);
  });

  it('reports a failure and keeps serving; after terminate every request fails', async () => {
    let fail = true;
    const flaky: AnalysisBackend = {
      async analyse(_input, outputId) {
        if (fail) throw new Error('boom');
        return { id: outputId } as unknown as OutputAnalysis;
      },
      async goalSeek() {
        throw new Error('unused');
      },
      terminate() {},
    };
    const client = createAnalysisClient(flaky);
    const r1 = await client.analyse(base, 'users');
    expect(r1.status).toBe('failed');
    if (r1.status === 'failed') expect(r1.error.message).toBe('boom');
    fail = false;
    expect(await client.analyse(base, 'users')).toMatchObject({ status: 'done' });
    client.terminate();
    expect((await client.analyse(base, 'users')).status).toBe('failed');

    const b = backend();
    b.terminate();
    await expect(b.analyse(base, 'users', {})).rejects.toThrow(/terminated/);
  });

  it('analyses every headline output without throwing', async () => {
    const client = createAnalysisClient(backend());
    for (const id of INDICATOR_IDS) {
      const r = await client.analyse(base, id, { samples: 200, top: 8 });
      expect(r.status, id).toBe('done');
    }
  });
});
