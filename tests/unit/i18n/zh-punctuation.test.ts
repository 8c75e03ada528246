/**
 * Plain, professional Chinese: no ASCII `:` `,` `?` `(` `)` `;` next to Chinese characters (or after a placeholder
 * followed by Chinese) in any zh-CN message, parameter label or help, or unit; full-width forms are used instead.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/i18n/messages';
import { PARAMS, PARAM_IDS, UNITS } from '../../../src/model/registry';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”]/;

/** Returns the ASCII punctuation marks in `s` that stand in Chinese text, with a little context. */
export function asciiPunctuationInChinese(s: string): string[] {
  const found: string[] = [];
  // Math notation keeps its ASCII brackets: ln(x), exp(−g).
  const text = s.replace(/\b(ln|exp)\([^()]*\)/g, (m) => 'f'.repeat(m.length));
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!':,?();'.includes(c)) continue;
    let l = i - 1;
    while (l >= 0 && text[l] === ' ') l--;
    let r = i + 1;
    while (r < text.length && text[r] === ' ') r++;
    const left = text[l] ?? '';
    const right = text[r] ?? '';
    if (CJK.test(left) || CJK.test(right) || (left === '}' && ':;,'.includes(c)))
      found.push(s.slice(Math.max(0, i - 6), i + 7));
  }
  return found;
}

describe('zh-CN punctuation', () => {
  it('the scanner finds what it should and passes what it should', () => {
    expect(asciiPunctuationInChinese('数据:工信部,国家统计局')).toHaveLength(2);
    expect(asciiPunctuationInChinese('{name}:观测值')).toHaveLength(1);
    expect(asciiPunctuationInChinese('（比值{ratio};0.95以上')).toHaveLength(1);
    expect(asciiPunctuationInChinese('能否实现?调整')).toHaveLength(1);
    expect(asciiPunctuationInChinese('σ(对数)')).toHaveLength(2);
    expect(asciiPunctuationInChinese('如600,000或600 000；ln(用户/上限)')).toHaveLength(0);
  });

  it('no zh message uses ASCII punctuation in Chinese text', () => {
    const bad = Object.entries(MESSAGES['zh-CN']).flatMap(([k, v]) =>
      asciiPunctuationInChinese(v).map((x) => `${k}: ${x}`),
    );
    expect(bad).toEqual([]);
  });

  it('no parameter label, help or unit does either', () => {
    const bad = PARAM_IDS.flatMap((id) =>
      [PARAMS[id].label.zh, PARAMS[id].help.zh].flatMap((v) => asciiPunctuationInChinese(v).map((x) => `${id}: ${x}`)),
    );
    for (const [k, u] of Object.entries(UNITS)) bad.push(...asciiPunctuationInChinese(u.zh).map((x) => `${k}: ${x}`));
    expect(bad).toEqual([]);
  });
});

describe('Chinese text from data files, as shown', () => {
  it('official names and definitions and preset rationales are shown in full-width punctuation', async () => {
    const { PLAN_TARGETS } = await import('../../../src/data/targets');
    const { PRESETS } = await import('../../../src/scenario/presets');
    const { fullWidthZh } = await import('../../../src/i18n');
    const { outputName, outputDefinition } = await import('../../../src/ui/lib/labels');
    const ids = [...PLAN_TARGETS.indicators, ...PLAN_TARGETS.other_targets].map(
      (x) => x.id as Parameters<typeof outputName>[0],
    );
    const shown = ids.flatMap((id) => [outputName(id, 'zh-CN'), outputDefinition(id, 'zh-CN') ?? '']);
    shown.push(...PRESETS.map((p) => fullWidthZh(p.rationale.zh)));
    expect(shown.flatMap(asciiPunctuationInChinese)).toEqual([]);
    // The conversion leaves numbers and formulas alone, and pairs brackets.
    expect(fullWidthZh('超过5.6亿(与普及率同列), 600,000个; ln(x)')).toBe(
      '超过5.6亿（与普及率同列），600,000个；ln(x)',
    );
  });
});
