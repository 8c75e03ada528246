/** Time-axis ticks: the interval grows with the label width, Chinese and English labels put the year on line two. */
import { describe, expect, it } from 'vitest';
import { timeTicks, tickLabel, labelWidthEm } from '../../../src/ui/notebook/time-ticks';

const start = new Date(Date.UTC(2019, 5, 30));
const end = new Date(Date.UTC(2025, 11, 31));

describe('time ticks', () => {
  it('labels months with the year under January, or years alone', () => {
    expect(tickLabel(new Date(Date.UTC(2022, 0, 1)), 'zh-CN', true, false)).toBe('1月\n2022年');
    expect(tickLabel(new Date(Date.UTC(2022, 3, 1)), 'zh-CN', false, false)).toBe('4月');
    expect(tickLabel(new Date(Date.UTC(2022, 0, 1)), 'en', true, false)).toBe('Jan\n2022');
    expect(tickLabel(new Date(Date.UTC(2022, 0, 1)), 'zh-CN', false, true)).toBe('2022年');
  });

  it('leaves at least one em between neighbouring labels at every width from 320 to 1920 px', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const fontSize of [12, 13, 18]) {
        for (let w = 250; w <= 1900; w += 10) {
          const t = timeTicks(start, end, w, lang, fontSize);
          expect(t.ticks.length).toBeGreaterThan(1);
          const span = (end.getTime() - start.getTime()) / w;
          for (let i = 1; i < t.ticks.length; i++) {
            const gap = (t.ticks[i].getTime() - t.ticks[i - 1].getTime()) / span;
            const widest = Math.max(
              ...[t.tickFormat(t.ticks[i], i), t.tickFormat(t.ticks[i - 1], i - 1)]
                .flatMap((l) => l.split('\n'))
                .map(labelWidthEm),
            );
            if (t.interval < 36) expect(gap).toBeGreaterThanOrEqual(widest * fontSize);
          }
        }
      }
    }
  });

  it('uses quarters on a wide chart and years on a phone', () => {
    const wide = timeTicks(start, end, 1800, 'zh-CN', 12);
    expect(wide.interval).toBe(3);
    expect(wide.lines).toBe(2);
    expect(wide.tickFormat(wide.ticks[0], 0)).toBe('7月\n2019年');
    const phone = timeTicks(start, end, 250, 'zh-CN', 12);
    expect(phone.interval).toBeGreaterThanOrEqual(12);
    expect(phone.tickFormat(phone.ticks[0], 0)).toMatch(/^\d{4}年$/);
  });
});
