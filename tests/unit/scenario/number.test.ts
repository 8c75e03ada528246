/**
 * The typed-number parser (src/scenario/number.ts): every accepted way of writing a value parses back to the same
 * number, and everything else is refused with a reason, never read as something else ("600,000" is not 600).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTyped, typedNumber } from '../../../src/scenario/number';
import { describeNumberIssue } from '../../../src/scenario/number-messages';

/** Splits a double's shortest decimal form into sign, digits and the position of the decimal point. */
function decimal(v: number): { sign: string; digits: string; point: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v))!;
  const int = m[2];
  const frac = m[3] ?? '';
  return { sign: m[1], digits: int + frac, point: int.length + Number(m[4] ?? 0) };
}

/** Writes `v / 10^k` exactly, as plain digits (no exponent): the text before a 万 (k = 4) or 亿 (k = 8). */
function shifted(v: number, k: number): string {
  const { sign, digits, point } = decimal(v);
  const p = point - k;
  let int: string;
  let frac: string;
  if (p <= 0) {
    int = '0';
    frac = '0'.repeat(-p) + digits;
  } else if (p >= digits.length) {
    int = digits + '0'.repeat(p - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, p);
    frac = digits.slice(p);
  }
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return `${sign}${int}${frac ? '.' + frac : ''}`;
}

/** Groups the integer part of a plain decimal in threes with a separator. */
function grouped(plain: string, sep: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(plain)!;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (m[3] ?? '');
}

const FULL = (s: string) =>
  s
    .replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    .replace(/-/g, '－')
    .replace(/\./g, '．');

/** Every accepted way of typing `v` (the percent forms only where allowed). */
function writings(v: number, percent: boolean): string[] {
  const plain = shifted(v, 0);
  const out = [
    String(v),
    plain,
    grouped(plain, ','),
    grouped(plain, ' '),
    `  ${plain} `,
    v.toExponential(),
    v.toExponential().toUpperCase(),
  ];
  out.push(`${shifted(v, 4)}万`, `${shifted(v, 4)} 万`, `${shifted(v, 8)}亿`, grouped(shifted(v, 4), ',') + '万');
  out.push(FULL(plain), FULL(grouped(plain, ',')).replace(/,/g, '，'), FULL(`${shifted(v, 4)}万`));
  out.push(plain.replace('-', '−'));
  if (percent) out.push(`${plain}%`, `${plain} %`, `${FULL(plain)}％`);
  return out;
}

const value = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 1e-9, max: 1, noNaN: true }),
);

describe('typed numbers', () => {
  it('parses every accepted writing of a value back to the same number', () => {
    fc.assert(
      fc.property(value, fc.boolean(), (v, percent) => {
        const want = v === 0 ? 0 : v;
        for (const text of writings(v, percent)) {
          const r = parseTyped(text, { percent });
          expect(r, `${JSON.stringify(text)} for ${v}`).toEqual({ ok: true, value: want });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the examples of the issue as meant', () => {
    const cases: [string, number, boolean?][] = [
      ['600,000', 600000],
      ['600 000', 600000],
      ['60万', 600000],
      ['1.2亿', 120000000],
      ['６０００００', 600000],
      ['－５', -5],
      ['25%', 25, true],
      ['6e5', 600000],
      ['1万亿', 1e12],
    ];
    for (const [text, v, percent] of cases) expect(parseTyped(text, { percent }), text).toEqual({ ok: true, value: v });
  });

  it('refuses a decimal comma, bad grouping, leftovers and a misplaced %, never reading a part of the text', () => {
    expect(parseTyped('1,5')).toEqual({ ok: false, issue: { code: 'decimalComma', text: '1,5' } });
    expect(parseTyped('0,250').ok).toBe(false);
    expect(parseTyped('1.234,5')).toMatchObject({ ok: false, issue: { code: 'decimalComma' } });
    expect(parseTyped('6,00,000')).toMatchObject({ ok: false, issue: { code: 'grouping' } });
    expect(parseTyped('60 00')).toMatchObject({ ok: false, issue: { code: 'grouping' } });
    expect(parseTyped('12abc')).toEqual({
      ok: false,
      issue: { code: 'notNumber', text: '12abc', number: '12', rest: 'abc' },
    });
    expect(parseTyped('25%')).toEqual({ ok: false, issue: { code: 'percentHere', value: 25 } });
    expect(parseTyped('1e400')).toMatchObject({ ok: false, issue: { code: 'notFinite' } });
    expect(parseTyped('')).toEqual({ ok: false, issue: { code: 'empty' } });
    expect(parseTyped('2.5', { integer: true })).toEqual({ ok: false, issue: { code: 'notWhole', value: 2.5 } });
    expect(parseTyped('600万', { min: 0, max: 1.5e6 })).toEqual({
      ok: false,
      issue: { code: 'outOfRange', value: 6e6, min: 0, max: 1.5e6 },
    });
  });

  it('a decimal comma in any value is refused, whatever the digits', () => {
    fc.assert(
      fc.property(fc.nat(99999), fc.integer({ min: 1, max: 99 }), (a, b) => {
        expect(parseTyped(`${a},${String(b).padStart(2, '0')}`).ok).toBe(false);
        expect(parseTyped(`${a},${b % 10}`).ok).toBe(false);
      }),
    );
  });

  it('any text either parses to a finite number or is refused with a reason; it never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[-+0-9., %万亿eE]{0,12}$/)),
        (text) => {
          const r = parseTyped(text, { percent: true });
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          else expect(typeof r.issue.code).toBe('string');
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('a value with anything appended is refused, not truncated', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('x', 'abc', ',', '.5.', 'e', '万万', '%%', '$'), (v, junk) => {
        expect(parseTyped(`${shifted(v, 0)}${junk}`, { percent: true }).ok).toBe(false);
      }),
    );
  });

  it('the zod boundary refuses with the issue and accepts what the parser accepts', () => {
    const s = typedNumber({ min: 0, max: 1.5e6 });
    expect(s.safeParse('600,000')).toMatchObject({ success: true, data: 600000 });
    const bad = s.safeParse('600,00');
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toBe('decimalComma');
  });

  it('words each refusal in both languages with what was understood and the allowed range', () => {
    const range = { min: 0, max: 1.5e6, unit: { zh: '站/年', en: 'stations per year' } };
    const far = parseTyped('600万', { min: 0, max: 1.5e6 });
    if (far.ok) throw new Error('should refuse');
    expect(describeNumberIssue(far.issue, 'zh-CN', range)).toBe(
      '读作 600万 站/年，超出允许范围。允许范围：0 至 150万 站/年。',
    );
    expect(describeNumberIssue(far.issue, 'en', range)).toBe(
      'Read as 6,000,000 stations per year: outside the allowed range. Allowed: 0 to 1,500,000 stations per year.',
    );
    const comma = parseTyped('600,00');
    if (comma.ok) throw new Error('should refuse');
    expect(describeNumberIssue(comma.issue, 'en', range)).toMatch(
      /^“600,00”: .*decimal comma.*Allowed: 0 to 1,500,000 stations per year\.$/,
    );
    expect(describeNumberIssue(comma.issue, 'zh-CN', range)).toMatch(
      /^“600,00”中的逗号.*允许范围：0 至 150万 站\/年。$/,
    );
    const rest = parseTyped('12abc');
    if (rest.ok) throw new Error('should refuse');
    expect(describeNumberIssue(rest.issue, 'en', range)).toContain('only “12” was understood');
  });
});
