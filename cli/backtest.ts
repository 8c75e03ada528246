/**
 * `--backtest` of the forecast CLI: re-runs the scenario's assumptions as of every quarter end from 2021-06 to the
 * last data and prints how the forecasts did (src/model/backtest.ts): the forecast of the 2023-12 value by vintage
 * against the actual, the coverage of the 50 % and 90 % bands beside the nominal, the error by horizon and the Brier
 * score. With --json, the whole BacktestResult.
 */
import {
  BACKTEST_IDS,
  runBacktest,
  vintageLabel,
  type BacktestResult,
  type Coverage,
  type HorizonError,
} from '../src/model/backtest';
import type { ModelInput } from '../src/model/types';

/** Runs the backtest of a validated scenario at its sample count, reporting progress on stderr when it is a terminal. */
export function cliBacktest(scenario: ModelInput): BacktestResult {
  const tty = process.stderr.isTTY;
  return runBacktest(scenario, {
    onProgress: (done, total) => {
      if (tty) process.stderr.write(`\rbacktest: vintage ${done} of ${total}${done === total ? '\n' : ''}`);
    },
  });
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(0)} %`);
const num = (x: number) => (Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x >= 100 ? x.toFixed(0) : x.toFixed(1));

function coverageLine(label: string, c: Coverage): string {
  return `${label.padEnd(24)} ${String(c.n).padStart(5)}   ${pct(c.in50).padStart(5)}   ${pct(c.in90).padStart(5)}   ${String(c.empN).padStart(5)}   ${pct(c.emp50).padStart(5)}   ${pct(c.emp90).padStart(5)}`;
}

function mapeLine(label: string, m: readonly HorizonError[]): string {
  return `${label.padEnd(24)} ${m.map((h) => (h.n ? `${h.mape.toFixed(1)} %` : '–').padStart(9)).join('')}`;
}

/** Renders the backtest as plain text tables. */
export function renderBacktest(r: BacktestResult, file: string): string {
  const lines: string[] = [];
  lines.push(
    `Backtest of ${file}: ${r.vintages.length} vintages (${vintageLabel(r.vintages[0])} … ${vintageLabel(r.vintages.at(-1)!)}), ${r.samples} samples each`,
  );
  if (r.bridge)
    lines.push(
      `Forecasts anchored on 5G handset connections (before the ${vintageLabel(r.bridge.phoneDate)} phone-user figure was published) are scored on the phone-user metric: × ${r.bridge.ratio.toFixed(3)} (${r.bridge.lo.toFixed(3)}–${r.bridge.hi.toFixed(3)}).`,
    );
  lines.push('', 'Coverage of the bands (nominal 50 % and 90 %), every vintage and horizon with a published figure');
  lines.push(
    `${'indicator'.padEnd(24)} ${'n'.padStart(5)}   ${'50 %'.padStart(5)}   ${'90 %'.padStart(5)}   ${'n emp'.padStart(5)}   ${'e50'.padStart(5)}   ${'e90'.padStart(5)}`,
  );
  for (const id of BACKTEST_IDS) lines.push(coverageLine(id, r.indicators[id].coverage));
  lines.push(coverageLine('overall', r.overall.coverage));
  lines.push('(e50, e90: the empirical bands from past forecast errors, where a vintage had enough of them)');
  lines.push('', 'Mean absolute percentage error of the central path by horizon (months ahead)');
  lines.push(`${''.padEnd(24)} ${r.overall.mape.map((h) => `${h.lo}–${h.hi > 60 ? '' : h.hi}`.padStart(9)).join('')}`);
  for (const id of BACKTEST_IDS) lines.push(mapeLine(id, r.indicators[id].mape));
  lines.push(mapeLine('overall', r.overall.mape));
  lines.push('', 'Forecast of the 2023-12 value by vintage: central [p5 – p95], P(met)');
  for (const id of BACKTEST_IDS) {
    const ind = r.indicators[id];
    const o = ind.outcome;
    const actual =
      o.status === 'none'
        ? 'no official outcome'
        : o.value !== null
          ? `actual ${num(o.value)}${o.bound === 'approx' ? ' (approximate)' : ''}, ${o.met ? 'met' : 'missed'}`
          : `no 2023-12 figure; ${o.met === null ? 'outcome unknown' : o.met ? 'met' : 'missed'}`;
    lines.push(
      `${id}: ${actual}${ind.brier ? `; Brier ${ind.brier.score.toFixed(3)} over ${ind.brier.n} vintages` : ''}`,
    );
    for (const e of ind.evolution)
      lines.push(
        `  ${vintageLabel(e.asOf)}  ${num(e.central).padStart(9)} [${num(e.p5)} – ${num(e.p95)}]  P ${(100 * e.pMet).toFixed(0).padStart(3)} %${e.bridged ? '  (bridged)' : ''}`,
      );
  }
  if (r.overall.brier)
    lines.push(
      '',
      `Brier score of P(met), every indicator with an outcome: ${r.overall.brier.score.toFixed(3)} over ${r.overall.brier.n} forecasts (0 is perfect; 0.25 is always saying 50 %)`,
    );
  return lines.join('\n');
}
