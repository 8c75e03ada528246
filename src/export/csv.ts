/**
 * CSV of forecast bands (pure: tested in Node), shared by the app's chart export and the CLI's `--csv`: one row per
 * month with the central path and the quantile bands; the CLI's file of every output adds an indicator column.
 */
import { formatMonth, QUANTILES, type OutputId, type OutputResult, type RunResult } from '../model';

/** The band columns, named after their quantile levels (p5 … p95), in QUANTILES order. */
export const BAND_COLUMNS = QUANTILES.map((q) => `p${Math.round(q * 100)}`);
export const CSV_HEADER = ['month', 'central', ...BAND_COLUMNS];

/** Numbers at full precision (they round-trip exactly); missing values empty. */
const num = (v: number) => (Number.isFinite(v) ? String(v) : '');

/** The cells of one month of an output: month, central, then the bands in QUANTILES order. */
function monthCells(o: OutputResult, i: number): string[] {
  const row = [formatMonth(o.start + i), num(o.central[i])];
  for (let k = 0; k < QUANTILES.length; k++) row.push(num(o.bands[k * o.length + i]));
  return row;
}

/** `month,central,p5,p10,p25,p50,p75,p90,p95` then one row per month of the path (CRLF line ends, RFC 4180). */
export function bandsCsv(o: OutputResult): string {
  const lines = [CSV_HEADER.join(',')];
  for (let i = 0; i < o.length; i++) lines.push(monthCells(o, i).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Every output's bands: `indicator,month,central,p5,…,p95`, one row per output and month (LF line ends). */
export function runCsv(r: RunResult, ids: readonly OutputId[] = r.ids): string {
  const lines = [['indicator', ...CSV_HEADER].join(',')];
  for (const id of ids) {
    const o = r.outputs[id];
    for (let i = 0; i < o.length; i++) lines.push([id, ...monthCells(o, i)].join(','));
  }
  return lines.join('\n');
}
