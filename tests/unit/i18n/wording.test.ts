/**
 * Units and wording a planner can trust: differences of percentages in percentage points, whole things as whole
 * numbers, probabilities without "= >99%", targets as objects of a sentence ("达到 18 以上"), and timing names.
 */
import { describe, expect, it } from 'vitest';
import { formatMargin, formatValue, formatProb, formatPoints, translator } from '../../../src/i18n';
import { runModel } from '../../../src/model/monte-carlo';
import { goalText, timingTexts, verdictSentence, seriesName } from '../../../src/ui/lib/labels';
import { PRESETS } from '../../../src/scenario/presets';
import { renderTable } from '../../../cli/format';
import type { OutputResult } from '../../../src/model';

const zh = translator('zh-CN');
const en = translator('en');
const r = runModel(PRESETS[0].scenario, 1000);

describe('differences of percentages', () => {
  it('are percentage points in the margin, in both languages', () => {
    expect(formatMargin('user_penetration', 25.3, 'zh-CN')).toBe('+25.3 个百分点');
    expect(formatMargin('user_penetration', 25.3, 'en')).toBe('+25.3 pp');
    expect(formatMargin('iot_growth', -22.34, 'en')).toBe('−22.3 pp');
    expect(formatMargin('traffic_share', -5.26, 'zh-CN')).toBe('−5.3 个百分点');
    expect(formatPoints(0.01, 'en')).toBe('±0 pp');
  });

  it('the CLI table prints pp for every share and rate margin', () => {
    const table = renderTable(r, PRESETS[0].scenario, 'x', 'preset baseline', 'Baseline');
    for (const id of ['user_penetration', 'traffic_share', 'industrial_penetration', 'iot_growth']) {
      expect(table.split('\n').find((l) => l.startsWith(id))).toMatch(/[+−]\d+\.\d pp/);
    }
  });
});

describe('whole things', () => {
  it('are whole numbers as counts; an average per industry keeps a decimal', () => {
    expect(formatValue('security_demo_centers', 12.14, 'zh-CN')).toBe('12');
    expect(formatValue('regional_benchmarks', 3.6, 'en')).toBe('4');
    expect(formatValue('solutions', 96.7, 'en')).toBe('97');
    expect(formatValue('industry_standards', 29.04, 'en')).toBe('29');
    expect(formatMargin('solutions', -3.3, 'en')).toBe('−3');
    expect(formatValue('benchmarks_per_industry', 84.6, 'en')).toBe('84.6');
  });
});

describe('probabilities and targets in sentences', () => {
  const certain = { ...r.outputs.base_stations_per_10k, pMet: 0.999 } as OutputResult;
  it('say 达标概率 > 99%, never = >99%', () => {
    expect(formatProb(0.999, 'zh-CN')).toBe('> 99%');
    const s = verdictSentence('base_stations_per_10k', certain, 'zh-CN', zh, r.horizon);
    expect(s).toContain('达标概率 > 99%');
    expect(s).not.toMatch(/=\s*>/);
    expect(verdictSentence('base_stations_per_10k', certain, 'en', en, r.horizon)).toContain('is above 99 %');
  });
  it('put the target as 达到 18 以上, never 达到> 18', () => {
    expect(goalText('base_stations_per_10k', 'zh-CN')).toBe('18 以上');
    for (const id of Object.keys(r.outputs) as (keyof typeof r.outputs)[]) {
      const s = verdictSentence(id, r.outputs[id], 'zh-CN', zh, r.horizon);
      expect(s, id).not.toMatch(/达到\s*[>≥]/);
      expect(s, id).not.toMatch(/=/);
    }
  });
});

describe('timing', () => {
  it('IoT growth has no month anywhere in its sentence or timing cells', () => {
    expect(timingTexts(r.outputs.iot_growth, 'zh-CN', zh)).toBeNull();
    expect(verdictSentence('iot_growth', r.outputs.iot_growth, 'zh-CN', zh, r.horizon)).not.toMatch(/\d{4}年\d+月/);
  });
  it('names the two months the same way everywhere, in Chinese dates', () => {
    const tm = timingTexts(r.outputs.users, 'zh-CN', zh)!;
    expect(tm.central).toMatch(/^\d{4}年\d{1,2}月$/);
    expect(zh('legendCrossing')).toBe('中心路径首次达标');
    expect(zh('medianCrossing')).toBe('半数样本达标');
  });
});

describe('no internal ids', () => {
  it('names observed series for people', () => {
    expect(seriesName('g5_handset_connections', 'zh-CN')).toBe('5G手机终端连接数');
    expect(seriesName('g5_base_stations', 'en')).toBe('5G base stations');
  });
});

describe('uncertainty in one line', () => {
  it('summarises each kind with readable values', async () => {
    const { distSummary } = await import('../../../src/ui/notebook/dist-summary');
    expect(distSummary({ kind: 'triangular', min: 80, mode: 100, max: 120 }, 'zh-CN', zh)).toBe(
      '三角分布 80–120，最可能 100',
    );
    expect(distSummary({ kind: 'triangular', min: 80, mode: 100, max: 120 }, 'en', en)).toBe(
      'triangular 80–120, most likely 100',
    );
    expect(distSummary({ kind: 'uniform', min: 500000, max: 700000 }, 'zh-CN', zh)).toBe('区间 50万–70万');
    expect(distSummary({ kind: 'normal', mean: 0, sd: 10 }, 'en', en)).toBe('normal, mean 0, sd 10');
    expect(distSummary({ kind: 'fixed' }, 'zh-CN', zh)).toBe('固定（无不确定性）');
  });
});
