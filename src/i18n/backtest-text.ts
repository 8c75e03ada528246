/**
 * Sentences of the backtest built from its codes, in either language from the message tables: why one of a plan's
 * outputs cannot be backtested (src/model/backtest.ts, `NotBacktestedReason`). The app's Backtest view and the CLI
 * both use it; every switch over a code is exhaustive. Pure: tested in Node.
 */
import type { NotBacktested, NotBacktestedReason } from '../model/backtest';
import { parseMonth } from '../model/months';
import { formatMonthLong, formatValue, type Lang, type Translate } from './index';

/** Why an output cannot be backtested, in a sentence. */
export function notBacktestedText(n: NotBacktested, lang: Lang, t: Translate): string {
  const reason: NotBacktestedReason = n.reason;
  switch (reason) {
    case 'no-series':
      return t('nbNoSeries');
    case 'single-figure': {
      const f = n.figure!;
      const v = formatValue(n.id, f.value, lang);
      return t('nbSingleFigure', {
        value: f.bound === 'lower' ? t('overValue', { value: v }) : v,
        month: formatMonthLong(parseMonth(f.date), lang),
      });
    }
    default:
      return reason satisfies never;
  }
}
