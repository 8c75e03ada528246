/**
 * The data files of data/ as the model sees them: the loader refuses bad rows naming line and column, publication
 * dates follow the stated rules, a vintage holds only what was known at its date, the July-2021 vintage is the
 * plan-launch snapshot exactly, appending a row is the whole change needed, and the users bridge across the 2021 break.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataFileError, endOfNextMonth, loadKnownFrom, loadRunning, loadSnapshot } from '../../../src/data/load';
import { generateModule, loadAll } from '../../../src/data/generate';
import {
  createStore,
  fromTuples,
  latestRows,
  STORE,
  SNAPSHOT_DATE,
  vintageRows,
  type Obs,
} from '../../../src/data/vintage';
import { OBSERVATIONS } from '../../../src/data/observations';
import { AS_OF_MAX, observedUpTo, resolveAnchors } from '../../../src/model/anchors';
import { bridgeOf, usersRows } from '../../../src/model/bridge';
import { observedPoints } from '../../../src/model/observed';
import { actualOutcome } from '../../../src/model/actuals';
import { formatMonth } from '../../../src/model/months';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const files = {
  snapshot: readFileSync(root('data/observations-as-of-2021-07.csv'), 'utf8'),
  running: readFileSync(root('data/observations-2019-2024.csv'), 'utf8'),
  knownFrom: readFileSync(root('data/known-from.csv'), 'utf8'),
};
const HEADER = 'series,date,value,unit,basis,source_url,quote,note\n';
const row = (
  over: Partial<Record<'series' | 'date' | 'value' | 'unit' | 'basis' | 'url' | 'quote' | 'note', string>> = {},
) =>
  [
    over.series ?? 'g5_base_stations',
    over.date ?? '2024-11-30',
    over.value ?? '4200000',
    over.unit ?? 'stations',
    over.basis ?? 'reported',
    over.url ?? 'https://example.org/a',
    over.quote ?? '"5G基站总数达420万个"',
    over.note ?? '[primary] fixture',
  ].join(',');

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    return (e as DataFileError).issues;
  }
  throw new Error('expected the loader to refuse the file');
}

describe('the loader', () => {
  it('loads the shipped files: 208 running rows, one primary per (series, date), 39 snapshot rows', () => {
    const all = loadRunning(files.running, loadKnownFrom(files.knownFrom));
    expect(all.length).toBe(208);
    const prim = all.filter((r) => r.primary);
    expect(new Set(prim.map((r) => `${r.series}@${r.date}`)).size).toBe(prim.length);
    expect(new Set(all.map((r) => `${r.series}@${r.date}`)).size).toBe(prim.length);
    expect(loadSnapshot(files.snapshot, SNAPSHOT_DATE).length).toBe(39);
  });

  it('refuses a bad value, naming its line and column', () => {
    const issues = issuesOf(() =>
      loadRunning(HEADER + row() + '\n' + row({ date: '2024-12-31', value: '4.2万' }) + '\n'),
    );
    expect(issues).toEqual([expect.objectContaining({ line: 3, column: 'value' })]);
    expect(issues[0].message).toMatch(/number/);
  });

  it('refuses an impossible date, a bad basis and a note without [primary]/[alt], each with its own line and column', () => {
    const issues = issuesOf(() =>
      loadRunning(
        HEADER +
          row({ date: '2024-02-30' }) +
          '\n' +
          row({ basis: 'guessed' }) +
          '\n' +
          row({ date: '2024-12-31', note: 'fixture' }) +
          '\n',
      ),
    );
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'date'],
      [3, 'basis'],
      [4, 'note'],
    ]);
  });

  it('refuses a second [primary] row for one (series, date), and a date with no [primary] row', () => {
    expect(issuesOf(() => loadRunning(HEADER + row() + '\n' + row() + '\n'))).toEqual([
      expect.objectContaining({ line: 3, column: 'note' }),
    ]);
    expect(issuesOf(() => loadRunning(HEADER + row({ note: '[alt] only' }) + '\n'))).toEqual([
      expect.objectContaining({ line: 2, column: 'note' }),
    ]);
  });

  it('refuses a file missing a column, a row with too few fields and an unclosed quote', () => {
    expect(issuesOf(() => loadRunning('series,date,value\n'))[0]).toMatchObject({ line: 1, column: 'unit' });
    expect(issuesOf(() => loadRunning(HEADER + 'g5_base_stations,2024-11-30,1\n'))[0]).toMatchObject({
      line: 2,
      column: '-',
    });
    expect(issuesOf(() => loadRunning(HEADER + row({ quote: '"open' }) + '\n'))[0].message).toMatch(/never closed/);
  });

  it('counts lines across quoted line breaks', () => {
    const issues = issuesOf(() =>
      loadRunning(HEADER + row({ quote: '"two\nlines"' }) + '\n' + row({ date: '2024-12-31', value: 'x' }) + '\n'),
    );
    expect(issues[0]).toMatchObject({ line: 4, column: 'value' });
  });
});

describe('publication dates', () => {
  const all = loadRunning(files.running, loadKnownFrom(files.knownFrom)).filter((r) => r.primary);
  const at = (series: string, date: string) => all.find((r) => r.series === series && r.date === date)!;

  it('a monthly or year-end figure is known at the end of the following month', () => {
    expect(endOfNextMonth('2023-01-31')).toBe('2023-02-28');
    expect(endOfNextMonth('2023-12-31')).toBe('2024-01-31');
    expect(at('g5_base_stations', '2022-02-28').known).toBe('2022-03-31');
    expect(at('population', '2022-12-31').known).toBe('2023-01-31');
  });

  it('a statement without a period is known on its day; a date the note names is never preceded', () => {
    expect(at('g5_base_stations', '2020-09-23').known).toBe('2020-09-23');
    // 国新办 2020-10-22 quoted the end-September figures: the rule (end of October) is later, and wins.
    expect(at('g5_base_stations', '2020-09-30').known).toBe('2020-10-31');
    // The one-year review of the plan (2022-07-12) first gave the May 2022 traffic share.
    expect(at('g5_traffic_share', '2022-05-31').known).toBe('2022-07-12');
    // The census figure was published on 2021-05-11.
    expect(at('population', '2020-11-01').known).toBe('2021-05-11');
  });

  it('a date given in known-from.csv is used', () => {
    expect(at('population', '2020-12-31').known).toBe('2022-01-31');
    expect(at('g5_industry_vpn', '2021-07-31').known).toBe('2022-07-12');
  });

  it('labels the traffic-share points by period kind', () => {
    expect(['2022-05-31', '2023-12-31', '2024-02-29'].map((d) => at('g5_traffic_share', d).period)).toEqual([
      'unstated',
      'year',
      'ytd',
    ]);
    expect(at('g5_traffic_share', '2023-12-31').bound).toBe('approx');
  });
});

describe('vintages', () => {
  const bySeries = (rows: readonly Obs[], s: string) =>
    rows.filter((o) => o.series === s).map((o) => `${o.date}=${o.value}`);

  it('the July-2021 vintage is the plan-launch snapshot, row for row', () => {
    const v = vintageRows('2021-07-31');
    expect(v.map((o) => [o.series, o.date, o.value, o.source])).toEqual(
      OBSERVATIONS.map((o) => [o.series, o.date, o.value, o.source]),
    );
  });

  it('an as-of date before a figure was published leaves it out; on the day it is in', () => {
    // 5G phone users at end-2021: known 2022-01-31 by the monthly rule.
    expect(bySeries(vintageRows('2022-01-30'), 'g5_phone_users')).toEqual([]);
    expect(bySeries(vintageRows('2022-01-31'), 'g5_phone_users')).toEqual(['2021-12-31=355000000']);
    // Base stations at end-October 2024: known from 2024-11-30.
    expect(bySeries(vintageRows('2024-11-29'), 'g5_base_stations').at(-1)).toBe('2024-09-30=4089000');
    expect(bySeries(vintageRows('2024-11-30'), 'g5_base_stations').at(-1)).toBe('2024-10-31=4141000');
  });

  it('no vintage holds a figure known after its date', () => {
    for (const asOf of ['2020-12-31', '2021-06-30', '2022-06-30', '2023-12-31', AS_OF_MAX])
      for (const o of vintageRows(asOf))
        if (o.origin === 'running') expect(o.known <= asOf, `${o.series}@${o.date} known ${o.known}`).toBe(true);
  });

  it('before the snapshot a vintage has only the running file; the snapshot replaces nothing after its own last figure', () => {
    expect(vintageRows('2021-06-30').every((o) => o.origin === 'running')).toBe(true);
    const late = vintageRows('2022-06-30');
    expect(bySeries(late, 'g5_handset_connections').slice(-3)).toEqual([
      '2021-09-30=445000000',
      '2021-10-31=471000000',
      '2021-11-30=497000000',
    ]);
    // mobile_phone_users of the running file is the snapshot's mobile_users.
    expect(bySeries(late, 'mobile_users').at(-1)).toBe('2022-05-31=1660000000');
  });

  it('the latest as-of date is when the last period became known', () => {
    expect(STORE.lastDate).toBe('2024-10-31');
    expect(AS_OF_MAX).toBe(STORE.lastAsOf);
    expect(AS_OF_MAX).toBe('2024-11-30');
  });

  it('appending a row to the CSV moves the anchor, with no code change', () => {
    const before = resolveAnchors('2024-12-31', '2025-12');
    expect(formatMonth(before.stations.last)).toBe('2024-10');
    const appended = files.running + row() + '\n';
    const { snapshot, running } = loadAll({ ...files, running: appended });
    const store = createStore(
      fromTuples(snapshot.map(toTuple), 'snapshot'),
      fromTuples(running.map(toTuple), 'running'),
    );
    const after = resolveAnchors('2024-12-31', '2025-12', store);
    expect(formatMonth(after.stations.last)).toBe('2024-11');
    expect(after.stations.lastValue).toBe(4200000);
    // Known at the end of December 2024, so a vintage of 2024-12-30 does not see it.
    expect(formatMonth(resolveAnchors('2024-12-30', '2025-12', store).stations.last)).toBe('2024-10');
  });

  it('the generated module is in step with the CSV files (run npm run data after editing them)', () => {
    expect(readFileSync(root('src/data/observations.generated.ts'), 'utf8')).toBe(generateModule(files));
  });
});

describe('the users bridge', () => {
  it('is the ratio of 355 million phone users to the end-2021 connections, between Nov-2021 and Nov carried forward', () => {
    const b = bridgeOf(latestRows())!;
    expect(b.phoneDate).toBe('2021-12-31');
    expect(b.connDate).toBe('2021-11-30');
    expect(b.hi).toBeCloseTo(355 / 497, 12);
    expect(b.connCarried).toBeCloseTo((497e6 * 497) / 471, 0);
    expect(b.lo).toBeCloseTo(355 / ((497 * 497) / 471), 12);
    expect(b.ratio).toBeCloseTo(Math.sqrt(b.lo * b.hi), 12);
    expect(b.ratio).toBeGreaterThan(0.68);
    expect(b.ratio).toBeLessThan(0.71);
    expect(b.sdLog).toBeGreaterThan(0);
  });

  it('is unknown before the first phone-user figure is published', () => {
    expect(bridgeOf(vintageRows('2022-01-30'))).toBeNull();
    expect(usersRows(vintageRows('2022-01-30')).every((o) => o.series === 'g5_handset_connections')).toBe(true);
  });

  it('after the break the users series is phone users, with earlier connections scaled by the ratio and marked derived', () => {
    const v = vintageRows('2022-06-30');
    const b = bridgeOf(v)!;
    const users = observedUpTo('g5_users', '2022-06-30');
    const nov = users.find((o) => o.date === '2021-11-30')!;
    expect(nov.value).toBeCloseTo(497e6 * b.ratio, 0);
    expect(nov.basis).toBe('derived');
    expect(nov.source).toMatch(/bridge/);
    expect(users.find((o) => o.date === '2021-12-31')!.value).toBe(355e6);
    const a = resolveAnchors('2022-06-30', '2025-12');
    expect(a.users.lastValue).toBe(428e6);
  });
});

function toTuple(r: ReturnType<typeof loadAll>['running'][number]) {
  const P = ['end', 'month', 'ytd', 'year', 'unstated'];
  const B = ['', 'lower', 'approx', 'rounded'];
  return [
    r.series,
    r.date,
    r.value,
    r.unit,
    r.basis === 'derived' ? 1 : 0,
    r.source,
    r.url,
    r.known,
    P.indexOf(r.period),
    B.indexOf(r.bound),
  ] as const;
}

describe('actuals', () => {
  it('a chart as of July 2021 shows the later figures as actuals, on its own (connections) metric', () => {
    const pts = observedPoints('users', '2021-07-31');
    const known = pts.filter((p) => p.known);
    const actual = pts.filter((p) => !p.known);
    expect(known.map((p) => p.value)).toEqual(
      OBSERVATIONS.filter((o) => o.series === 'g5_handset_connections').map((o) => o.value),
    );
    expect(actual.every((p) => p.knownFrom > '2021-07-31')).toBe(true);
    // Connections published later stay as published; phone users are divided by the bridge ratio, and say so.
    expect(actual.find((p) => p.date === '2021-11-30')!.value).toBe(497e6);
    const b = bridgeOf(latestRows())!;
    const dec = actual.find((p) => p.date === '2021-12-31')!;
    expect(dec.value).toBeCloseTo(355e6 / b.ratio, 0);
    expect(dec.basis).toBe('derived');
    expect(dec.source).toMatch(/÷ 0\.69/);
  });

  it('a chart as of mid-2022 is on the phone-user metric, and its actuals are the later phone users as published', () => {
    const pts = observedPoints('users', '2022-06-30');
    expect(pts.filter((p) => !p.known)[0]).toMatchObject({ date: '2022-06-30', value: 455e6 });
    expect(pts.filter((p) => !p.known).every((p) => p.basis === 'reported')).toBe(true);
  });

  it('the actual outcomes: published where a series exists, none where it does not', () => {
    expect(actualOutcome('users')).toMatchObject({
      status: 'published',
      value: 805e6,
      met: true,
      firstMet: { date: '2022-12-31' },
      lastBelow: { date: '2022-11-30' },
    });
    expect(actualOutcome('traffic_share')).toMatchObject({
      status: 'published',
      value: 50,
      bound: 'approx',
      met: false,
      firstMet: { date: '2024-02-29' },
    });
    expect(actualOutcome('base_stations_per_10k')).toMatchObject({
      status: 'published',
      met: true,
      firstMet: { date: '2023-03-31' },
    });
    // No 2023-12 count of industry networks, but "over 20,000" in September 2023 already met the target of 3,000.
    expect(actualOutcome('industry_vpn')).toMatchObject({
      status: 'published',
      value: null,
      met: true,
      firstMet: { date: '2022-04-30' },
    });
    for (const id of ['industrial_penetration', 'iot_growth', 'benchmarks_per_industry', 'solutions'] as const)
      expect(actualOutcome(id)).toEqual({ id, status: 'none' });
  });
});
