/**
 * `--backtest` of the forecast CLI: re-runs the scenario's assumptions as of every quarter end from 2021-06 to the
 * last data and prints how the forecasts did (src/model/backtest.ts): the coverage of the 50 %, 80 % and 90 % bands
 * beside the nominal, the error of the median and of the central path by horizon, and the forecast of one month's
 * value by vintage against the figure published for it. Under the 2021 plan that month is the deadline (2023-12),
 * with P(met) and its Brier score against the outcome; under the upgrade plan, whose deadline (2027-12) has no outcome
 * yet, it is each indicator's latest published figure, and no P(met) is scored. The plan's outputs that cannot be
 * backtested are listed with the reason. With --json, the whole BacktestResult and the reasons' sentences.
 */
import {
  runBacktest,
  vintageLabel,
  type BacktestResult,
  type Coverage,
  type HorizonError,
} from '../src/model/backtest';
import { formatMonth } from '../src/model/months';
import { PLANS } from '../src/model/plans';
import type { ModelInput } from '../src/model/types';
import { translator } from '../src/i18n';
import { notBacktestedText } from '../src/i18n/backtest-text';

/** Runs the backtest of a validated scenario at its sample count, reporting progress on stderr when it is a terminal. */
export function cliBacktest(scenario: ModelInput): BacktestResult {
  const tty = process.stderr.isTTY;
  return runBacktest(scenario, {
    onProgress: (done, total) => {
      if (tty) process.stderr.write(`\rbacktest: vintage ${done} of ${total}${done === total ? '\n' : ''}`);
    },
  });
}

/** The backtest as JSON: the whole result, and why each output left out cannot be backtested, in both languages. */
export function backtestJson(r: BacktestResult): Record<string, unknown> {
  const en = translator('en');
  const zh = translator('zh-CN');
  return {
    ...r,
    notBacktestedText: Object.fromEntries(
      r.notBacktested.map((n) => [n.id, { en: notBacktestedText(n, 'en', en), zh: notBacktestedText(n, 'zh-CN', zh) }]),
    ),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(0)} %`);
const num = (x: number) =>
  !Number.isFinite(x) ? '–' : Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x >= 100 ? x.toFixed(0) : x.toFixed(1);
const W = 26;

function coverageLine(label: string, c: Coverage): string {
  return `${label.padEnd(W)} ${String(c.n).padStart(5)}   ${pct(c.in50).padStart(5)}   ${pct(c.in80).padStart(5)}   ${pct(c.in90).padStart(5)}   ${String(c.empN).padStart(5)}   ${pct(c.emp50).padStart(5)}   ${pct(c.emp90).padStart(5)}`;
}

function mapeLine(label: string, m: readonly HorizonError[], key: 'mape' | 'mapeMedian'): string {
  return `${label.padEnd(W)} ${m.map((h) => (h.n ? `${h[key].toFixed(1)} %` : '–').padStart(9)).join('')}`;
}

/** Renders the backtest as plain text tables. */
export function renderBacktest(r: BacktestResult, file: string): string {
  const t = translator('en');
  const plan = PLANS[r.plan];
  const deadline = formatMonth(plan.deadline);
  const lines: string[] = [];
  lines.push(
    `Backtest of ${file}: ${r.vintages.length} vintages (${vintageLabel(r.vintages[0])} … ${vintageLabel(r.vintages.at(-1)!)}), ${r.samples} samples each`,
  );
  lines.push(`plan ${plan.id}: ${plan.title.en}, targets at ${deadline}; figures graded up to ${r.lastData}`);
  if (!r.outcomes) {
    lines.push(
      `The targets are read at ${deadline}, which has no outcome yet: the forecast paths are graded against the figures published after each vintage (coverage of the bands, error of the median and of the central path); no verdict is judged and no P(met) scored.`,
    );
    if (r.ids.includes('personal_user_penetration'))
      lines.push(
        'personal_user_penetration is graded on its only series, 5G phone users ÷ population, with the assumed gap between phone users and persons held at zero.',
      );
  }
  lines.push(
    "Every vintage runs with the scenario's assumptions: where they were set from figures published after a vintage, that vintage is graded partly in-sample.",
  );
  if (r.bridge)
    lines.push(
      `Forecasts anchored on 5G handset connections (before the ${vintageLabel(r.bridge.phoneDate)} phone-user figure was published) are scored on the phone-user metric: × ${r.bridge.ratio.toFixed(3)} (${r.bridge.lo.toFixed(3)}–${r.bridge.hi.toFixed(3)}).`,
    );
  lines.push(
    '',
    'Coverage of the bands (nominal 50 %, 80 % and 90 %), every vintage and horizon with a published figure',
  );
  lines.push(
    `${'indicator'.padEnd(W)} ${'n'.padStart(5)}   ${'50 %'.padStart(5)}   ${'80 %'.padStart(5)}   ${'90 %'.padStart(5)}   ${'n emp'.padStart(5)}   ${'e50'.padStart(5)}   ${'e90'.padStart(5)}`,
  );
  for (const id of r.ids) lines.push(coverageLine(id, r.indicators[id]!.coverage));
  lines.push(coverageLine('overall', r.overall.coverage));
  lines.push('(e50, e90: the empirical bands from past forecast errors, where a vintage had enough of them)');
  const head = `${''.padEnd(W)} ${r.overall.mape.map((h) => `${h.lo}–${h.hi > 60 ? '' : h.hi}`.padStart(9)).join('')}`;
  lines.push('', 'Mean absolute percentage error of the median (p50) by horizon (months ahead)', head);
  for (const id of r.ids) lines.push(mapeLine(id, r.indicators[id]!.mape, 'mapeMedian'));
  lines.push(mapeLine('overall', r.overall.mape, 'mapeMedian'));
  lines.push('', 'Mean absolute percentage error of the central path by horizon (months ahead)', head);
  for (const id of r.ids) lines.push(mapeLine(id, r.indicators[id]!.mape, 'mape'));
  lines.push(mapeLine('overall', r.overall.mape, 'mape'));
  lines.push(
    '',
    r.outcomes
      ? `Forecast of the ${deadline} value by vintage: central [p5 – p95], P(met)`
      : 'Forecast of the latest published figure by vintage: central [p5 – p95], median',
  );
  for (const id of r.ids) {
    const ind = r.indicators[id]!;
    const o = ind.outcome;
    const head = !r.outcomes
      ? ind.reference.actual === null
        ? `no figure for ${ind.reference.month}`
        : `${ind.reference.month} published ${num(ind.reference.actual)}`
      : o.status === 'none'
        ? 'no official outcome'
        : o.value !== null
          ? `actual ${num(o.value)}${o.bound === 'approx' ? ' (approximate)' : ''}, ${o.met ? 'met' : 'missed'}`
          : `no ${deadline} figure; ${o.met === null ? 'outcome unknown' : o.met ? 'met' : 'missed'}`;
    lines.push(
      `${id}: ${head}${ind.brier ? `; Brier ${ind.brier.score.toFixed(3)} over ${ind.brier.n} vintages` : ''}`,
    );
    for (const e of ind.evolution)
      lines.push(
        `  ${vintageLabel(e.asOf)}  ${num(e.central).padStart(9)} [${num(e.p5)} – ${num(e.p95)}]  ${e.pMet === null ? `median ${num(e.p50)}` : `P ${(100 * e.pMet).toFixed(0).padStart(3)} %`}${e.bridged ? '  (bridged)' : ''}`,
      );
  }
  if (r.overall.brier)
    lines.push(
      '',
      `Brier score of P(met), every indicator with an outcome: ${r.overall.brier.score.toFixed(3)} over ${r.overall.brier.n} forecasts (0 is perfect; 0.25 is always saying 50 %)`,
    );
  if (r.notBacktested.length) {
    lines.push('', "Cannot be backtested (the plan's other targets)");
    for (const n of r.notBacktested) lines.push(`${n.id}: ${n.reason}: ${notBacktestedText(n, 'en', t)}`);
  }
  return lines.join('\n');
}
