/** CSV of an output's central path and bands: one row per month (pure: tested in Node). */
import { formatMonth, QUANTILES, type OutputResult } from '../../model';

/** The band columns, named after their quantile levels (p5 … p95), in QUANTILES order. */
export const BAND_COLUMNS = QUANTILES.map((q) => `p${Math.round(q * 100)}`);
export const CSV_HEADER = ['month', 'central', ...BAND_COLUMNS];

/** Numbers at full precision (they round-trip exactly); missing values empty. */
const num = (v: number) => (Number.isFinite(v) ? String(v) : '');

/** `month,central,p5,p10,p25,p50,p75,p90,p95` then one row per month of the path (CRLF line ends, RFC 4180). */
export function bandsCsv(o: OutputResult): string {
  const lines = [CSV_HEADER.join(',')];
  for (let i = 0; i < o.length; i++) {
    const row = [formatMonth(o.start + i), num(o.central[i])];
    for (let k = 0; k < QUANTILES.length; k++) row.push(num(o.bands[k * o.length + i]));
    lines.push(row.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
