/**
 * Words a refused typed number (src/scenario/number.ts) in a language: what was understood, why it was refused and
 * the allowed range, with the unit. Text is made here, at the edge; the parser returns only data.
 */
import type { NumberIssue } from './number';
import { formatExact, type Lang } from '../i18n/format';
import { translator } from '../i18n';

export interface FieldRange {
  readonly min: number;
  readonly max: number;
  /** The field's unit in both languages ('' where it has none). */
  readonly unit: { readonly zh: string; readonly en: string };
}

/** Returns the one-paragraph message of a refused typed number, ending with the allowed range. */
export function describeNumberIssue(issue: NumberIssue, lang: Lang, field?: FieldRange): string {
  const t = translator(lang);
  const unitText = field ? (lang === 'zh-CN' ? field.unit.zh : field.unit.en) : '';
  const unit = unitText ? ` ${unitText}` : '';
  const num = (v: number) => formatExact(v, lang);
  const withUnit = (v: number) => `${num(v)}${unit}`;
  let head: string;
  switch (issue.code) {
    case 'empty':
      head = t('numEmpty');
      break;
    case 'decimalComma':
      head = t('numDecimalComma', { text: issue.text });
      break;
    case 'grouping':
      head = t('numGrouping', { text: issue.text });
      break;
    case 'percentHere':
      head = t('numPercentHere', { value: num(issue.value), unit: unitText || (lang === 'zh-CN' ? '无单位' : 'none') });
      break;
    case 'notNumber':
      head =
        issue.number && issue.rest
          ? t('numNotNumberRest', { text: issue.text, number: issue.number, rest: issue.rest })
          : t('numNotNumber', { text: issue.text });
      break;
    case 'notFinite':
      head = t('numNotFinite', { text: issue.text });
      break;
    case 'notWhole':
      head = t('numNotWhole', { value: withUnit(issue.value) });
      break;
    case 'outOfRange':
      head = t('numOutOfRange', { value: withUnit(issue.value) });
      break;
    default:
      head = issue satisfies never;
  }
  if (!field) return head;
  return `${head}${lang === 'zh-CN' ? '' : ' '}${t('numAllowed', { min: num(field.min), max: num(field.max), unit })}`;
}
