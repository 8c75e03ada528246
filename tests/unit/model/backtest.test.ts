/**
 * The backtest: its arithmetic against a case computed by hand, no leakage of later figures into any vintage (rows
 * published after the as-of date shuffled: the vintage's run is bit-identical), and the CLI's --backtest output.
 */
import { describe, expect, it } from 'vitest';
import { forecastCli } from '../helpers/cli';
import { createStore, STORE, type Obs } from '../../../src/data/vintage';
import {
  BACKTEST_IDS,
  UPGRADE_BACKTEST_IDS,
  quarterEnds,
  runBacktest,
  runVintage,
  scoreBacktest,
  type BacktestId,
  type VintageOutput,
  type VintageRun,
} from '../../../src/model/backtest';
import { parseMonth } from '../../../src/model/months';
import { QUANTILES } from '../../../src/model/types';
import { PRESETS, UPGRADE_PRESETS } from '../../../src/scenario/presets';

const baseline = PRESETS[0].scenario;
const upgrade = UPGRADE_PRESETS[0].scenario;

describe('vintages of the backtest', () => {
  it('are the quarter ends from 2021-06 to the last as-of date (14 with the shipped data)', () => {
    const v = quarterEnds();
    expect(v[0]).toBe('2021-06-30');
    expect(v.at(-1)).toBe('2024-09-30');
    expect(v.length).toBe(14);
    expect(quarterEnds('2022-01-15')).toEqual(['2021-06-30', '2021-09-30', '2021-12-31']);
  });
});

describe('backtest arithmetic, against a hand-computed case', () => {
  // Industry networks only: 110 at 2022-03 (known 2022-04-30), 150 at 2022-06 (known 2022-07-31), 3500 at 2023-12.
  const row = (date: string, value: number, known: string): Obs => ({
    series: 'g5_industry_vpn',
    date,
    value,
    unit: 'networks',
    basis: 'reported',
    source: 'fixture',
    url: '',
    known,
    period: 'end',
    bound: '',
    origin: 'running',
  });
  const store = createStore(
    [],
    [row('2022-03-31', 110, '2022-04-30'), row('2022-06-30', 150, '2022-07-31'), row('2023-12-31', 3500, '2024-01-31')],
  );
  /** A flat path from `start` to 2023-12 with bands p5, p10, p25, p50, p75, p90, p95. */
  const flat = (start: string, central: number, bands: number[], pMet: number): VintageOutput => {
    const s = parseMonth(start);
    const len = parseMonth('2023-12') - s + 1;
    const b = new Float64Array(QUANTILES.length * len);
    bands.forEach((v, q) => b.fill(v, q * len, (q + 1) * len));
    return { start: s, central: new Float64Array(len).fill(central), bands: b, pMet, deadlineSamples: null };
  };
  const run = (asOf: string, vpn: VintageOutput): VintageRun => {
    const outputs = {} as Record<BacktestId, VintageOutput>;
    for (const id of BACKTEST_IDS) outputs[id] = flat(asOf, 1, [1, 1, 1, 1, 1, 1, 1], 0);
    outputs.industry_vpn = vpn;
    return { asOf, plan: 'sailing-2021', connectionsMetric: false, outputs };
  };
  const runs = [
    run('2021-12-31', flat('2021-12', 100, [80, 85, 90, 100, 110, 115, 120], 0.2)),
    run('2022-03-31', flat('2022-03', 120, [105, 110, 115, 120, 125, 130, 135], 0.5)),
    run('2022-06-30', flat('2022-06', 140, [125, 130, 135, 140, 145, 150, 155], 0.9)),
  ];
  const r = scoreBacktest(runs, 1, store);
  const vpn = r.indicators.industry_vpn!;

  it('scores each vintage against the figures published after it, at the right horizon', () => {
    expect(vpn.points.map((p) => [p.asOf, p.date, p.horizon])).toEqual([
      ['2021-12-31', '2022-03-31', 3],
      ['2021-12-31', '2022-06-30', 6],
      ['2021-12-31', '2023-12-31', 24],
      ['2022-03-31', '2022-03-31', 0],
      ['2022-03-31', '2022-06-30', 3],
      ['2022-03-31', '2023-12-31', 21],
      // 2022-03 was published on 2022-04-30: the 2022-06 vintage knew it, so it is not scored there.
      ['2022-06-30', '2022-06-30', 0],
      ['2022-06-30', '2023-12-31', 18],
    ]);
  });

  it('coverage: 50 % band holds 1 of 8 figures (110 in [90, 110]); 90 % band 3 of 8', () => {
    expect(vpn.points.map((p) => [p.in50, p.in90])).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, true],
      [false, false],
      [false, false],
      [false, true],
      [false, false],
    ]);
    expect(vpn.coverage).toMatchObject({ n: 8, in50: 1 / 8, in90: 3 / 8 });
    // The other indicators have no figures here: the overall coverage is the networks'.
    expect(r.overall.coverage).toMatchObject({ n: 8, in50: 1 / 8, in90: 3 / 8 });
  });

  it('MAPE by horizon: |central − actual| / actual averaged in each bucket', () => {
    const m = Object.fromEntries(vpn.mape.map((h) => [`${h.lo}-${h.hi}`, h]));
    // Horizons 3, 0, 3, 0: the 2021-12 and 2022-03 vintages on 110, the 2022-03 and 2022-06 ones on 150.
    expect(m['0-5'].n).toBe(4);
    expect(m['0-5'].mape).toBeCloseTo((100 * (10 / 110 + 10 / 110 + 30 / 150 + 10 / 150)) / 4, 10);
    expect(m['6-11'].mape).toBeCloseTo(100 * (50 / 150), 10);
    expect(m['18-23'].mape).toBeCloseTo((100 * (3380 / 3500 + 3360 / 3500)) / 2, 10);
    expect(m['24-35'].mape).toBeCloseTo(100 * (3400 / 3500), 10);
    expect(m['12-17'].n).toBe(0);
    expect(Number.isNaN(m['12-17'].mape)).toBe(true);
  });

  it('log errors and the Brier score of P(met) (target > 3000 met at 2023-12)', () => {
    expect(vpn.points[0].logError).toBeCloseTo(Math.log(110 / 100), 12);
    expect(vpn.outcome).toMatchObject({ status: 'published', value: 3500, met: true });
    expect(vpn.brier!.n).toBe(3);
    expect(vpn.brier!.score).toBeCloseTo(((0.2 - 1) ** 2 + (0.5 - 1) ** 2 + (0.9 - 1) ** 2) / 3, 12);
    expect(vpn.evolution.map((e) => e.central)).toEqual([100, 120, 140]);
  });

  it('has no empirical band while fewer than 5 past errors are known', () => {
    expect(vpn.points.every((p) => p.emp50 === null)).toBe(true);
    expect(vpn.coverage.empN).toBe(0);
  });
});

describe('no leakage', () => {
  /** A deterministic shuffle of the values and order of the rows published after `asOf`. */
  function shuffledAfter(asOf: string) {
    const later = STORE.running.filter((o) => o.known > asOf);
    const values = later.map((o) => o.value);
    let seed = 12345;
    for (let i = values.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [values[i], values[j]] = [values[j], values[i]];
    }
    const moved = new Map(later.map((o, i) => [o, { ...o, value: values[i] * 1.37 }]));
    const running = STORE.running.map((o) => moved.get(o) ?? o).reverse();
    return createStore(STORE.snapshot, running);
  }

  // The 2021 baseline at five vintages, and the upgrade plan's baseline (its shared outputs) at four.
  const LEAK_CASES: [string, typeof baseline, string][] = [
    ...['2021-06-30', '2021-12-31', '2022-06-30', '2023-03-31', '2023-12-31'].map(
      (a): [string, typeof baseline, string] => ['baseline', baseline, a],
    ),
    ...['2021-06-30', '2022-06-30', '2023-12-31', '2024-06-30'].map((a): [string, typeof baseline, string] => [
      'upgrade-baseline',
      upgrade,
      a,
    ]),
  ];
  it.each(LEAK_CASES)('%s: the vintage of %s runs bit-identically when later rows are shuffled', (_, input, asOf) => {
    const store = shuffledAfter(asOf);
    const a = runVintage(input, asOf, 300, STORE);
    const b = runVintage(input, asOf, 300, store);
    expect(b.connectionsMetric).toBe(a.connectionsMetric);
    const ids = Object.keys(a.outputs) as BacktestId[];
    expect(ids).toEqual(input === upgrade ? [...UPGRADE_BACKTEST_IDS] : [...BACKTEST_IDS]);
    for (const id of ids) {
      const [x, y] = [a.outputs[id]!, b.outputs[id]!];
      expect(y.start).toBe(x.start);
      expect(Buffer.from(y.central.buffer).equals(Buffer.from(x.central.buffer))).toBe(true);
      expect(Buffer.from(y.bands.buffer).equals(Buffer.from(x.bands.buffer))).toBe(true);
      expect(y.pMet).toBe(x.pMet);
    }
  });

  it('the shuffle does change what the later vintages see (the test can fail)', () => {
    const store = shuffledAfter('2022-06-30');
    const a = runVintage(baseline, '2023-06-30', 300, STORE);
    const b = runVintage(baseline, '2023-06-30', 300, store);
    expect(Buffer.from(b.outputs.users!.central.buffer).equals(Buffer.from(a.outputs.users!.central.buffer))).toBe(
      false,
    );
  });

  it('the whole backtest on the shipped data reports progress and scores every indicator with data', () => {
    const seen: number[] = [];
    const r = runBacktest(baseline, {
      samples: 200,
      vintages: ['2021-06-30', '2022-06-30', '2023-06-30'],
      onProgress: (d) => seen.push(d),
    });
    expect(seen).toEqual([1, 2, 3]);
    for (const id of BACKTEST_IDS) expect(r.indicators[id]!.points.length, id).toBeGreaterThan(0);
    // The July-2021 style forecasts of users are on the connections metric, scored through the bridge.
    expect(r.indicators.users!.evolution[0].bridged).toBe(true);
    expect(r.indicators.users!.evolution[1].bridged).toBe(false);
    expect(r.indicators.industry_vpn!.outcome).toMatchObject({ status: 'published', met: true });
  });
});

describe('npm run forecast -- FILE --backtest', () => {
  it('prints the coverage table, the error by horizon and the forecast evolution', () => {
    const r = forecastCli('scenarios/baseline.json', '--backtest', '--samples', '300');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/14 vintages \(2021-06 … 2024-09\), 300 samples each/);
    expect(r.stdout).toMatch(/Coverage of the bands \(nominal 50 %, 80 % and 90 %\)/);
    expect(r.stdout).toMatch(/^overall\s+\d+\s+\d+ %\s+\d+ %/m);
    expect(r.stdout).toMatch(/^base_stations_per_10k: actual 24\.0, met; Brier/m);
    expect(r.stdout).toMatch(/^traffic_share: actual 50\.0 \(approximate\), missed/m);
    expect(r.stdout).toMatch(/^\s+2021-06\s+.*\(bridged\)$/m);
  });

  it('--json gives the whole result', () => {
    const r = forecastCli('scenarios/baseline.json', '--backtest', '--json', '--samples', '200');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.vintages.length).toBe(14);
    expect(j.samples).toBe(200);
    expect(Object.keys(j.indicators)).toEqual([...BACKTEST_IDS]);
    expect(j.overall.coverage.n).toBeGreaterThan(100);
    expect(j.bridge.ratio).toBeGreaterThan(0.68);
  });

  it('refuses --backtest with --csv', () => {
    const r = forecastCli('scenarios/baseline.json', '--backtest', '--csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--backtest/);
  });
});
