/**
 * The one parser of numbers people type: assumption values, uncertainty fields, the CLI's --samples and --seed.
 *
 * Accepted: grouping commas or spaces in groups of three (`600,000`, `600 000`), Chinese units (`60万`, `1.2亿`,
 * `1万亿`), full-width digits and signs (`６０００００`, `－５`), a trailing `%` on percent fields, scientific
 * notation (`6e5`). Refused, never reinterpreted: a decimal comma (`1,5` could be 1.5 or 15), grouping that is not in
 * threes, anything left over after the number, a `%` where the field is not a percentage, and values outside the
 * allowed range. A refusal is data (a code and what was understood); src/scenario/number-messages.ts words it.
 */
import { z } from 'zod/mini';

export interface NumberFieldSpec {
  /** A percentage field: a trailing `%` is allowed (and means nothing more than the unit). */
  readonly percent?: boolean;
  /** Only whole numbers (samples, seed). */
  readonly integer?: boolean;
  /** Allowed range, inclusive (checked after parsing). */
  readonly min?: number;
  readonly max?: number;
}

export type NumberIssue =
  | { readonly code: 'empty' }
  /** `1,5`, `0,25`, `1.234,5`: a comma that can only be a decimal comma. */
  | { readonly code: 'decimalComma'; readonly text: string }
  /** `60,0000`, `6,00,000`: separators not in groups of three (or mixed). */
  | { readonly code: 'grouping'; readonly text: string }
  /** `25%` where the field is not a percentage. */
  | { readonly code: 'percentHere'; readonly value: number }
  /** Text that is not a number; `number` is the numeric start that was recognised, if any. */
  | { readonly code: 'notNumber'; readonly text: string; readonly number?: string; readonly rest?: string }
  /** Too large to represent (`1e400`). */
  | { readonly code: 'notFinite'; readonly text: string }
  | { readonly code: 'notWhole'; readonly value: number }
  | { readonly code: 'outOfRange'; readonly value: number; readonly min: number; readonly max: number };

export type NumberParse =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly issue: NumberIssue };

const UNIT_EXP: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8, 万亿: 12, 萬億: 12 };

/** Folds full-width forms and typographic minus signs to ASCII, so `６０万`, `－５` and `−5` read as typed. */
export function normaliseTyped(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\uFE58]/g, '-')
    .replace(/[\s\u200B]+/g, ' ')
    .trim();
}

const PLAIN = /^(\d+\.?\d*|\.\d+)$/;
const SCI = /^(\d+\.?\d*|\.\d+)[eE]([+-]?\d+)$/;
const GROUPED_COMMA = /^[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/;
const GROUPED_SPACE = /^[1-9]\d{0,2}( \d{3})+(\.\d*)?$/;

/** Parses what a person typed into a number, or says exactly why not. Never throws. */
export function parseTyped(text: string, spec: NumberFieldSpec = {}): NumberParse {
  let s = normaliseTyped(text);
  if (s === '') return { ok: false, issue: { code: 'empty' } };

  let sign = '';
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1).trimStart();
  }
  let exp = 0;
  let percent = false;
  const unit = /\s*(万亿|萬億|万|萬|亿|億)$/.exec(s);
  if (unit) {
    exp = UNIT_EXP[unit[1]];
    s = s.slice(0, unit.index);
  } else if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }

  let mantissa: string;
  const sci = SCI.exec(s);
  if (PLAIN.test(s)) mantissa = s;
  else if (sci) {
    mantissa = sci[1];
    exp += Number(sci[2]);
  } else if (GROUPED_COMMA.test(s) || GROUPED_SPACE.test(s)) mantissa = s.replace(/[, ]/g, '');
  else return { ok: false, issue: refusal(s, text) };

  const value = Number(`${sign}${mantissa}e${exp}`);
  if (!Number.isFinite(value) || Math.abs(exp) > 400)
    return { ok: false, issue: { code: 'notFinite', text: text.trim() } };
  const v = value === 0 ? 0 : value;
  if (percent && !spec.percent) return { ok: false, issue: { code: 'percentHere', value: v } };
  if (spec.integer && !Number.isInteger(v)) return { ok: false, issue: { code: 'notWhole', value: v } };
  if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
    return {
      ok: false,
      issue: { code: 'outOfRange', value: v, min: spec.min ?? -Infinity, max: spec.max ?? Infinity },
    };
  }
  return { ok: true, value: v };
}

/** Says why a body that is not a plain, scientific or grouped number was refused. */
function refusal(body: string, text: string): NumberIssue {
  const shown = text.trim();
  if (/^[\d., ]+$/.test(body) && body.includes(',')) {
    // A leading 0 group, a comma after the point, or a last comma not followed by exactly three digits can only be
    // a decimal comma; otherwise the groups are wrong (`6,00,000`, `1234,567`).
    if (/^0,/.test(body) || /\.\d*,/.test(body) || !/,\d{3}(\.\d*)?$/.test(body))
      return { code: 'decimalComma', text: shown };
    return { code: 'grouping', text: shown };
  }
  if (/^\d{1,3}( \d+)+(\.\d*)?$/.test(body)) return { code: 'grouping', text: shown };
  const start = /^(\d[\d,]*\.?\d*|\.\d+)/.exec(body);
  return start
    ? { code: 'notNumber', text: shown, number: start[1], rest: body.slice(start[1].length).trim() }
    : { code: 'notNumber', text: shown };
}

/**
 * A zod/mini schema of a typed number: text in, number out, refused with the issue's code in the message and the
 * issue itself in `params` (so each language can word it). Numbers already parsed pass through the same checks.
 */
export function typedNumber(spec: NumberFieldSpec = {}) {
  return z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((input: string | number, ctx) => {
      const r = typeof input === 'number' ? checkNumber(input, spec) : parseTyped(input, spec);
      if (r.ok) return r.value;
      ctx.issues.push({ code: 'custom', message: r.issue.code, input, params: { issue: r.issue } });
      return z.NEVER;
    }),
  );
}

/** Checks an already numeric value against a field's spec (the same rules as typed text). */
export function checkNumber(v: number, spec: NumberFieldSpec = {}): NumberParse {
  if (!Number.isFinite(v)) return { ok: false, issue: { code: 'notFinite', text: String(v) } };
  if (spec.integer && !Number.isInteger(v)) return { ok: false, issue: { code: 'notWhole', value: v } };
  if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
    return {
      ok: false,
      issue: { code: 'outOfRange', value: v, min: spec.min ?? -Infinity, max: spec.max ?? Infinity },
    };
  }
  return { ok: true, value: v === 0 ? 0 : v };
}

/** The formats a typed number may take, for help texts (the CLI's usage, the fields' help). */
export const ACCEPTED_EXAMPLES = [
  '600000',
  '600,000',
  '600 000',
  '60万',
  '1.2亿',
  '６０００００',
  '－5',
  '6e5',
  '25%',
] as const;
