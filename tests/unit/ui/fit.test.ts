/** Type sizes for the deck's boxes (src/ui/export/fit.ts): the largest size that fits, or the text cut to fit. */
import { describe, expect, it } from 'vitest';
import { fitText, fits, lineCount, linesHeight } from '../../../src/ui/export/fit';

describe('fitting text to a box', () => {
  it('keeps the largest size when the text fits', () => {
    expect(fitText('每万人拥有5G基站数', 9.3, 0.6, 24, 16)).toEqual({
      text: '每万人拥有5G基站数',
      fontSize: 24,
      lines: 1,
    });
  });

  it('steps down by half points until the text fits, and says how many lines it takes', () => {
    const text = '与预设不同的假设：' + '新建规模年变化（每万人拥有5G基站数）：0%/年 → 10%/年；'.repeat(9);
    const f = fitText(text, 6.6, 1.35, 10, 7);
    expect(f.text).toBe(text);
    expect(f.fontSize).toBeLessThan(10);
    expect(f.fontSize % 0.5).toBe(0);
    expect(linesHeight(f.lines, f.fontSize)).toBeLessThanOrEqual(1.35);
    expect(fits(text, 6.6, 1.35, f.fontSize + 0.5)).toBe(false);
  });

  it('cuts a text that does not fit at the smallest size, ending in an ellipsis', () => {
    const text = 'A very long scenario title that goes on and on '.repeat(6);
    const f = fitText(text, 9, 1.2, 36, 20, { bold: true });
    expect(f.fontSize).toBe(20);
    expect(f.text.endsWith('…')).toBe(true);
    expect(text.startsWith(f.text.slice(0, -1))).toBe(true);
    expect(linesHeight(lineCount(f.text, 9, 20, { bold: true }), 20)).toBeLessThanOrEqual(1.2);
  });

  it('counts a bullet’s indent and bold type as narrower lines', () => {
    const text = 'Annual additions (5G base stations per 10,000 people): 600,000 stations per year';
    expect(lineCount(text, 2.7, 9.5, { bold: true, indentPt: 12 })).toBeGreaterThanOrEqual(lineCount(text, 2.7, 9.5));
  });
});
