/**
 * The model-free on-track status: thresholds on the ratio of observed to required log growth per month, checked on
 * synthetic series, and the statuses of the shipped series.
 */
import { describe, expect, it } from 'vitest';
import { classifyOnTrack, onTrack } from '../../../src/model/on-track';
import { DEADLINE } from '../../../src/model/anchors';
import { parseMonth } from '../../../src/model/months';
import type { Target } from '../../../src/model/indicators';

const target: Target = { comparator: '>', value: 100 };
const lastMonth = DEADLINE - 24;

/** Two points 12 months apart whose observed log growth is `ratio` times the growth required to reach 100 by the deadline. */
function series(ratio: number, last = 50) {
  const required = Math.log(100 / last) / 24;
  const g = ratio * required;
  return [
    { month: lastMonth - 12, value: last * Math.exp(-12 * g) },
    { month: lastMonth, value: last },
  ];
}

describe('classifyOnTrack', () => {
  it('defines growth as log growth per month', () => {
    const r = classifyOnTrack(series(0.8), target);
    expect(r.requiredGrowth!).toBeCloseTo(Math.log(2) / 24, 12);
    expect(r.observedGrowth!).toBeCloseTo(0.8 * (Math.log(2) / 24), 12);
    expect(r.ratio!).toBeCloseTo(0.8, 10);
  });

  it('applies the thresholds', () => {
    const cases: [number, string][] = [
      [2, 'on-track'],
      [1, 'on-track'],
      [0.96, 'on-track'],
      [0.94, 'moderate'],
      [0.61, 'moderate'],
      [0.59, 'limited'],
      [0.01, 'limited'],
      [-0.2, 'deteriorating'],
    ];
    for (const [ratio, status] of cases)
      expect([ratio, classifyOnTrack(series(ratio), target).status]).toEqual([ratio, status]);
  });

  it('a flat series is limited, not deteriorating', () => {
    expect(
      classifyOnTrack(
        [
          { month: lastMonth - 6, value: 50 },
          { month: lastMonth, value: 50 },
        ],
        target,
      ).status,
    ).toBe('limited');
  });

  it('target already met, and no data, each with its reason', () => {
    expect(classifyOnTrack(series(1, 101), target)).toMatchObject({ status: 'met', reason: 'met' });
    expect(classifyOnTrack(series(0.8), target).reason).toBe('pace');
    // '>' is strict: exactly at the target is not met yet.
    expect(
      classifyOnTrack(
        [
          { month: lastMonth - 1, value: 90 },
          { month: lastMonth, value: 100 },
        ],
        target,
      ).status,
    ).not.toBe('met');
    expect(classifyOnTrack([{ month: lastMonth, value: 50 }], target)).toMatchObject({
      status: 'no-data',
      reason: 'too-few',
    });
    expect(classifyOnTrack([], target)).toMatchObject({ status: 'no-data', reason: 'too-few' });
    // Two observations in one month, or a zero, give no growth rate.
    expect(
      classifyOnTrack(
        [
          { month: lastMonth, value: 50 },
          { month: lastMonth, value: 60 },
        ],
        target,
      ).reason,
    ).toBe('no-growth');
    expect(
      classifyOnTrack(
        [
          { month: lastMonth - 3, value: 0 },
          { month: lastMonth, value: 60 },
        ],
        target,
      ).reason,
    ).toBe('no-growth');
    // Past the deadline without the target: limited, and why.
    expect(classifyOnTrack(series(1), target, lastMonth)).toMatchObject({
      status: 'limited',
      reason: 'deadline-passed',
    });
  });
});

describe('onTrack on the shipped data', () => {
  it('users and base stations have statuses; single-point and unobserved series have none', () => {
    const users = onTrack('users', '2021-07-31');
    expect(users.n).toBe(9);
    expect(users.first).toEqual({ month: '2020-05', value: 36e6 });
    expect(users.last).toEqual({ month: '2021-06', value: 365e6 });
    expect(users.observedGrowth!).toBeCloseTo(Math.log(365 / 36) / 13, 12);
    expect(users.requiredGrowth!).toBeCloseTo(Math.log(560 / 365) / (DEADLINE - parseMonth('2021-06')), 12);
    expect(users.status).toBe('on-track');
    const pen = onTrack('user_penetration', '2021-07-31');
    expect(pen.status).toBe('on-track');
    const bs = onTrack('base_stations_per_10k', '2021-07-31');
    expect(bs.n).toBe(7);
    expect(bs.ratio!).toBeGreaterThan(0.95);
    expect(bs.status).toBe('on-track');
    // Earlier as-of dates see fewer observations.
    // Known at the end of 2020 (real-time): May, September and December 2020 connections.
    expect(onTrack('users', '2020-12-31').n).toBe(3);
    expect(onTrack('traffic_share', '2021-07-31')).toMatchObject({ status: 'no-data', reason: 'too-few' });
    expect(onTrack('industry_vpn', '2021-07-31')).toMatchObject({ status: 'no-data', reason: 'too-few' });
    expect(onTrack('iot_growth', '2021-07-31')).toMatchObject({ status: 'no-data', reason: 'no-series' });
    for (const r of [users, pen, bs]) console.info(`${r.outputId}: ${r.status} (ratio ${r.ratio?.toFixed(2)})`);
  });
});
