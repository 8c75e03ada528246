/**
 * The scorecard's "actual" cells from an output's actual outcome (src/model/actuals.ts) and the run's verdict: the
 * official value at the output's deadline (2023-12; none yet for the upgrade plan's 2027-12), the actual verdict with the first figure meeting the target, and whether the forecast's
 * verdict was right. Where no official series exists it says so, and never guesses.
 */
import type { Outcome, OutputId, OutputResult } from '../../model';
import { formatMonthIso, formatMonthLong, formatValue, type Lang, type Translate } from '../../i18n';
import { parseMonth } from '../../model/months';
import { OUTPUTS } from '../../model/indicators';

export interface ActualCells {
  readonly value: string;
  readonly verdict: string;
  /** 'met' | 'missed' | 'none' | 'unknown': the row's class. */
  readonly kind: 'met' | 'missed' | 'none' | 'unknown';
  /** 'right' | 'wrong' | null (no outcome). */
  readonly right: 'right' | 'wrong' | null;
  readonly title: string;
}

/** Returns the text of the actual cells of one scorecard row. */
export function actualCells(
  id: OutputId,
  outcome: Outcome,
  output: OutputResult,
  lang: Lang,
  t: Translate,
): ActualCells {
  if (outcome.status === 'none')
    return { value: t('noOfficialOutcome'), verdict: '—', kind: 'none', right: null, title: '' };
  const value =
    outcome.value === null
      ? t('noFigure2023', { deadline: formatMonthIso(OUTPUTS[id].deadline, lang) })
      : formatValue(id, outcome.value, lang) + (outcome.bound === 'approx' ? '*' : '');
  const first = outcome.firstMet;
  const firstText =
    first === null
      ? ''
      : parseMonth(first.date) > OUTPUTS[id].deadline
        ? ` · ${t('notByDeadline')}`
        : ` · ${outcome.lastBelow ? t('metBetween', { month: formatMonthLong(first.month, lang), before: formatMonthLong(outcome.lastBelow.month, lang) }) : formatMonthLong(first.month, lang)}`;
  if (outcome.met === null)
    return { value, verdict: t('actualUnknown') + firstText, kind: 'unknown', right: null, title: outcome.source };
  const verdict = (outcome.met ? t('actualMet') : t('actualMissed')) + firstText;
  const title = [outcome.bound === 'approx' ? `* ${t('approxNote')}` : '', outcome.source, outcome.url]
    .filter(Boolean)
    .join('\n');
  return {
    value,
    verdict,
    kind: outcome.met ? 'met' : 'missed',
    right: outcome.met === output.verdict.met ? 'right' : 'wrong',
    title,
  };
}
