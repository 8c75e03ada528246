/**
 * Plain words: jargon explained (拟合病态 → 现有数据不足以确定该参数, RMSE and R² in one line), the progress badge
 * and the verdict reconciled when they disagree, and the goal-seek lever list with the indicator's own levers first.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n';
import { PARAMS } from '../../../src/model/registry';
import { orderLevers, reconcileText } from '../../../src/i18n/analysis-text';
import { PARAM_IDS } from '../../../src/model/registry';

const zh = translator('zh-CN');
const en = translator('en');

describe('plain words', () => {
  it('says what an ill-conditioned fit means, keeping the term in the explanation', () => {
    expect(zh('anIllConditioned')).toBe('现有数据不足以确定该参数');
    expect(zh('anIllBody')).toContain('拟合病态');
    expect(en('anIllBody')).toContain('ill-conditioned');
    expect(zh('anFitQualityHelp')).toMatch(/RMSE（均方根误差）.*R²/);
    expect(en('anFitQualityHelp')).toMatch(/RMSE \(root-mean-square error\).*R²/);
  });

  it('reconciles the progress badge and the verdict in one sentence when they disagree, and only then', () => {
    expect(reconcileText('on-track', false, zh, 'users', 'zh-CN')).toMatch(/进度正常.*未达标/);
    expect(reconcileText('limited', true, en, 'users', 'en')).toMatch(/too slowly.*meets the target/);
    expect(reconcileText('on-track', true, zh, 'users', 'zh-CN')).toBe('');
    expect(reconcileText('no-data', false, zh, 'users', 'zh-CN')).toBe('');
  });

  it('lists the indicator’s own levers first in goal seek', () => {
    const ordered = orderLevers(PARAM_IDS, 'base_stations_per_10k');
    expect(ordered.slice(0, 2)).toEqual(['buildAnnual', 'buildGrowth']);
    const users = orderLevers(PARAM_IDS, 'user_penetration');
    expect(PARAMS[users[0]].group).toBe('users');
    expect(new Set(ordered)).toEqual(new Set(PARAM_IDS));
  });
});
