/**
 * The backtest under the upgrade plan (targets at 2027-12, no outcome yet): its scoring against a small case computed
 * by hand (coverage of the 80 % band, error of the median at each published figure, the evolution of the latest
 * figure's forecast, no P(met) and no Brier score), the outputs it cannot grade listed with their reasons in both
 * languages, the personal-user penetration graded on its proxy (checked against the 2021 plan's penetration of the
 * same users model, an independent path through the code), and the CLI's `--backtest` of an upgrade preset.
 */
import { describe, expect, it } from 'vitest';
import { forecastCli } from '../helpers/cli';
import { createStore, type Obs } from '../../../src/data/vintage';
import {
  backtestPlan,
  runVintage,
  scoreBacktest,
  UPGRADE_BACKTEST_IDS,
  type BacktestId,
  type VintageOutput,
  type VintageRun,
} from '../../../src/model/backtest';
import { parseMonth } from '../../../src/model/months';
import { QUANTILES } from '../../../src/model/types';
import { translator } from '../../../src/i18n';
import { notBacktestedText } from '../../../src/i18n/backtest-text';
import { UPGRADE_PRESETS } from '../../../src/scenario/presets';

const upgrade = UPGRADE_PRESETS[0].scenario;

describe('the upgrade plan’s backtest, against a hand-computed case', () => {
  // Industry networks: 110 at 2022-03 (known 2022-04-30), 150 at 2022-06 (known 2022-07-31), 3500 at 2023-12 (known
  // 2024-01-31); and one 5G IoT connections figure, "over" 40 million at 2024-03 (known 2024-04-20).
  const row = (series: string, date: string, value: number, known: string, bound: Obs['bound'] = ''): Obs => ({
    series,
    date,
    value,
    unit: 'x',
    basis: 'reported',
    source: 'fixture',
    url: '',
    known,
    period: 'end',
    bound,
    origin: 'running',
  });
  const store = createStore(
    [],
    [
      row('g5_industry_vpn', '2022-03-31', 110, '2022-04-30'),
      row('g5_industry_vpn', '2022-06-30', 150, '2022-07-31'),
      row('g5_industry_vpn', '2023-12-31', 3500, '2024-01-31'),
      row('g5_iot_connections', '2024-03-31', 4e7, '2024-04-20', 'lower'),
    ],
  );
  /** A flat path from `start` to 2024-12 with bands p5, p10, p25, p50, p75, p90, p95. */
  const flat = (start: string, central: number, bands: number[]): VintageOutput => {
    const s = parseMonth(start);
    const len = parseMonth('2024-12') - s + 1;
    const b = new Float64Array(QUANTILES.length * len);
    bands.forEach((v, q) => b.fill(v, q * len, (q + 1) * len));
    // P(met) of a run reaching only 2024-12 is not read (the deadline, 2027-12, is beyond it): NaN says so.
    return { start: s, central: new Float64Array(len).fill(central), bands: b, pMet: NaN, deadlineSamples: null };
  };
  const run = (asOf: string, vpn: VintageOutput): VintageRun => {
    const outputs: Partial<Record<BacktestId, VintageOutput>> = {};
    for (const id of UPGRADE_BACKTEST_IDS) outputs[id] = flat(asOf, 1, [1, 1, 1, 1, 1, 1, 1]);
    outputs.industry_vpn_2027 = vpn;
    return { asOf, plan: 'upgrade-2024', connectionsMetric: false, outputs };
  };
  // The medians (p50) differ from the central paths, so the two errors can be told apart.
  const runs = [
    run('2021-12-31', flat('2021-12', 100, [80, 85, 90, 105, 110, 115, 120])),
    run('2022-03-31', flat('2022-03', 120, [100, 108, 115, 118, 125, 140, 150])),
    run('2022-06-30', flat('2022-06', 140, [125, 130, 135, 142, 145, 150, 155])),
  ];
  const r = scoreBacktest(runs, 1, store);
  const vpn = r.indicators.industry_vpn_2027!;

  it('grades the upgrade plan’s shared indicators, with no outcomes (its deadline is past the data)', () => {
    expect(r.plan).toBe('upgrade-2024');
    expect(r.outcomes).toBe(false);
    expect(r.ids).toEqual([...UPGRADE_BACKTEST_IDS]);
    expect(Object.keys(r.indicators)).toEqual([...UPGRADE_BACKTEST_IDS]);
    expect(r.lastData).toBe('2024-03');
  });

  it('scores each vintage against the figures published after it (8 points)', () => {
    expect(vpn.points.map((p) => [p.asOf, p.date, p.horizon, p.actual])).toEqual([
      ['2021-12-31', '2022-03-31', 3, 110],
      ['2021-12-31', '2022-06-30', 6, 150],
      ['2021-12-31', '2023-12-31', 24, 3500],
      ['2022-03-31', '2022-03-31', 0, 110],
      ['2022-03-31', '2022-06-30', 3, 150],
      ['2022-03-31', '2023-12-31', 21, 3500],
      ['2022-06-30', '2022-06-30', 0, 150],
      ['2022-06-30', '2023-12-31', 18, 3500],
    ]);
  });

  it('coverage: the 80 % band (p10–p90) holds 3 of 8 figures, the 50 % band 1, the 90 % band 4', () => {
    // 2021-12: [85, 115] holds 110; 2022-03: [108, 140] holds 110; 2022-06: [130, 150] holds 150 (inclusive).
    expect(vpn.points.map((p) => p.in80)).toEqual([true, false, false, true, false, false, true, false]);
    // 50 %: only 110 in [90, 110]. 90 %: 110 in [80, 120]; 110 and 150 in [100, 150]; 150 in [125, 155].
    expect(vpn.points.map((p) => p.in50)).toEqual([true, false, false, false, false, false, false, false]);
    expect(vpn.points.map((p) => p.in90)).toEqual([true, false, false, true, true, false, true, false]);
    expect(vpn.coverage).toMatchObject({ n: 8, in50: 1 / 8, in80: 3 / 8, in90: 4 / 8 });
    expect(r.overall.coverage).toMatchObject({ n: 8, in80: 3 / 8 });
  });

  it('error of the median at each published figure, and by horizon', () => {
    expect(vpn.points.map((p) => p.p50)).toEqual([105, 105, 105, 118, 118, 118, 142, 142]);
    const want = [5 / 110, 45 / 150, 3395 / 3500, 8 / 110, 32 / 150, 3382 / 3500, 8 / 150, 3358 / 3500];
    vpn.points.forEach((p, i) => expect(p.apeMedian).toBeCloseTo(want[i], 12));
    const m = Object.fromEntries(vpn.mape.map((h) => [`${h.lo}-${h.hi}`, h]));
    // Horizons 3, 0, 3, 0: 110 by the 2021-12 and 2022-03 vintages, 150 by the 2022-03 and 2022-06 ones.
    expect(m['0-5'].mapeMedian).toBeCloseTo((100 * (5 / 110 + 8 / 110 + 32 / 150 + 8 / 150)) / 4, 10);
    expect(m['6-11'].mapeMedian).toBeCloseTo(100 * (45 / 150), 10);
    expect(m['18-23'].mapeMedian).toBeCloseTo((100 * (3382 / 3500 + 3358 / 3500)) / 2, 10);
    expect(m['24-35'].mapeMedian).toBeCloseTo(100 * (3395 / 3500), 10);
    // The central path's error is still there, and differs: |100 − 110| / 110 for the first figure.
    expect(vpn.points[0].ape).toBeCloseTo(10 / 110, 12);
    expect(m['12-17'].n).toBe(0);
  });

  it('follows the forecast of the latest published figure (2023-12, 3500) with no P(met) and no Brier score', () => {
    expect(vpn.reference).toEqual({ month: '2023-12', actual: 3500 });
    expect(vpn.evolution.map((e) => [e.asOf, e.central, e.p50, e.pMet])).toEqual([
      ['2021-12-31', 100, 105, null],
      ['2022-03-31', 120, 118, null],
      ['2022-06-30', 140, 142, null],
    ]);
    expect(vpn.brier).toBeNull();
    expect(r.overall.brier).toBeNull();
  });

  it('lists the outputs it cannot grade, each with its reason, from the figures in the data', () => {
    expect(r.notBacktested).toEqual([
      { id: 'iot_connections', reason: 'single-figure', figure: { date: '2024-03-31', value: 4e7, bound: 'lower' } },
      { id: 'industrial_penetration_lm', reason: 'no-series', figure: null },
      { id: 'edge_nodes', reason: 'no-series', figure: null },
      { id: 'scale_cities', reason: 'no-series', figure: null },
    ]);
    const zh = translator('zh-CN');
    const en = translator('en');
    expect(notBacktestedText(r.notBacktested[0], 'zh-CN', zh)).toBe(
      '只有一个官方数据（2024年3月超4,000万）：以它为起点的预测没有之后公布的数据可供对照，而在它公布之前所做的预测，起点是一项假设。',
    );
    expect(notBacktestedText(r.notBacktested[0], 'en', en)).toMatch(
      /^one official figure only \(over 40 million at Mar 2024\): a forecast from it has no later figure/,
    );
    expect(notBacktestedText(r.notBacktested[1], 'zh-CN', zh)).toBe(
      '项目数据中没有它的官方序列：起始值和增速都是假设，没有可对照评分的公布数据。',
    );
  });
});

describe('the upgrade plan’s backtest on the shipped data', () => {
  it('covers the four shared indicators and names the four others with their reasons', () => {
    const scope = backtestPlan('upgrade-2024');
    expect(scope.ids).toEqual([
      'personal_user_penetration',
      'traffic_share_2027',
      'base_stations_per_10k_2027',
      'industry_vpn_2027',
    ]);
    expect(scope.outcomes).toBe(false);
    expect(scope.notBacktested.map((n) => [n.id, n.reason])).toEqual([
      ['iot_connections', 'single-figure'],
      ['industrial_penetration_lm', 'no-series'],
      ['edge_nodes', 'no-series'],
      ['scale_cities', 'no-series'],
    ]);
    // The 2021 plan's targets have outcomes; nothing of either plan is left out unsaid.
    const s21 = backtestPlan('sailing-2021');
    expect(s21.outcomes).toBe(true);
    expect(s21.ids.length + s21.notBacktested.length).toBe(12);
  });

  it.each(['2021-09-30', '2023-06-30'])(
    'grades the personal-user penetration on its proxy: the 2021 plan’s penetration of the same users (%s)',
    (asOf) => {
      // The upgrade preset with a gap of 5 % (uniform 0–10 %): the backtest holds it at zero, so its path is
      // 100 · users ÷ population, which the 2021 plan's run of the same assumptions computes as user_penetration.
      expect(upgrade.params.personalGap.value).toBe(5);
      const up = runVintage(upgrade, asOf, 300);
      const same = runVintage({ ...upgrade, plan: 'sailing-2021' }, asOf, 300);
      const a = up.outputs.personal_user_penetration!;
      const b = same.outputs.user_penetration!;
      expect(a.start).toBe(b.start);
      expect(Buffer.from(a.central.buffer).equals(Buffer.from(b.central.buffer))).toBe(true);
      expect(Buffer.from(a.bands.buffer).equals(Buffer.from(b.bands.buffer))).toBe(true);
      expect(up.connectionsMetric).toBe(asOf < '2022-03-31');
      // The shared stations, traffic and networks are the 2021 equations too.
      for (const [u, s] of [
        ['base_stations_per_10k_2027', 'base_stations_per_10k'],
        ['traffic_share_2027', 'traffic_share'],
        ['industry_vpn_2027', 'industry_vpn'],
      ] as const) {
        expect(Buffer.from(up.outputs[u]!.central.buffer).equals(Buffer.from(same.outputs[s]!.central.buffer))).toBe(
          true,
        );
      }
    },
  );
});

describe('npm run forecast -- scenarios/upgrade-baseline.json --backtest', () => {
  it('grades the forecast paths and says which targets cannot be backtested, and why', () => {
    const r = forecastCli('scenarios/upgrade-baseline.json', '--backtest', '--samples', '300');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/14 vintages \(2021-06 … 2024-09\), 300 samples each/);
    expect(r.stdout).toMatch(/^plan upgrade-2024: .*targets at 2027-12; figures graded up to 2024-10$/m);
    expect(r.stdout).toMatch(/no outcome yet/);
    expect(r.stdout).toMatch(/Coverage of the bands \(nominal 50 %, 80 % and 90 %\)/);
    for (const id of UPGRADE_BACKTEST_IDS) expect(r.stdout).toMatch(new RegExp(`^${id}\\s+\\d+\\s+\\d+ %`, 'm'));
    expect(r.stdout).toMatch(/Mean absolute percentage error of the median \(p50\)/);
    expect(r.stdout).toMatch(/^personal_user_penetration: 2024-10 published \d+\.\d$/m);
    // No verdict, no P(met): the evolution rows give the median instead.
    expect(r.stdout).not.toMatch(/P\s+\d+ %|Brier/);
    expect(r.stdout).toMatch(/^\s+2021-06\s+.*median .*\(bridged\)$/m);
    expect(r.stdout).toMatch(
      /^iot_connections: single-figure: one official figure only \(over 40 million at Mar 2024\)/m,
    );
    for (const id of ['industrial_penetration_lm', 'edge_nodes', 'scale_cities'])
      expect(r.stdout).toMatch(new RegExp(`^${id}: no-series: no official series`, 'm'));
  });

  it('--json gives the whole result with the reasons in both languages', () => {
    const r = forecastCli('scenarios/upgrade-baseline.json', '--backtest', '--json', '--samples', '200');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.plan, j.outcomes, j.samples, j.vintages.length]).toEqual(['upgrade-2024', false, 200, 14]);
    expect(Object.keys(j.indicators)).toEqual([...UPGRADE_BACKTEST_IDS]);
    expect(j.indicators.base_stations_per_10k_2027.coverage.n).toBeGreaterThan(100);
    expect(j.indicators.base_stations_per_10k_2027.points[0]).toHaveProperty('apeMedian');
    expect(j.overall.brier).toBeNull();
    expect(j.notBacktested.map((n: { id: string; reason: string }) => n.reason)).toEqual([
      'single-figure',
      'no-series',
      'no-series',
      'no-series',
    ]);
    expect(j.notBacktestedText.iot_connections.zh).toMatch(/^只有一个官方数据（2024年3月超4,000万）/);
    expect(j.notBacktestedText.edge_nodes.en).toMatch(/^no official series/);
  });
});
