/**
 * CSV of forecast bands (pure: tested in Node): one row per month with the central path and the quantile bands. The
 * CLI's `--csv` (every output, an indicator column) keeps a stable English header and full precision; the app's
 * chart export (chartCsv) has headers in the page's language with units, rounded values and a byte-order mark.
 */
import { formatMonth, OUTPUTS, QUANTILES, type OutputId, type OutputResult, type RunResult } from '../model';
import type { Lang, Translate } from '../i18n';

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

/** The UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

/** Decimals kept per output: whole users and networks, two decimals for shares, rates and densities. */
export function csvDigits(id: OutputId): number {
  if (id === 'users' || id === 'industry_vpn' || id === 'iot_connections' || id === 'industry_vpn_2027') return 0;
  switch (OUTPUTS[id].kind) {
    case 'share':
    case 'rate':
    case 'density':
      return 2;
    case 'count':
      return 1;
    default:
      return OUTPUTS[id].kind satisfies never;
  }
}

/** An output's unit in a CSV header. */
export function csvUnit(id: OutputId, t: Translate): string {
  if (id === 'users') return t('unitUsers');
  switch (OUTPUTS[id].kind) {
    case 'share':
    case 'rate':
      return '%';
    case 'density':
      return t('unitStations');
    case 'count':
      return t('unitCount');
    default:
      return OUTPUTS[id].kind satisfies never;
  }
}

/** The header row: month, then the central path and each band with the unit. */
export function csvHeader(id: OutputId, lang: Lang, t: Translate): string[] {
  const unit = csvUnit(id, t);
  const u = (s: string) => (lang === 'zh-CN' ? `${s}（${unit}）` : `${s} (${unit})`);
  return [t('csvMonth'), u(t('csvCentral')), ...BAND_COLUMNS.map(u)];
}

/** A number rounded to `digits` decimals, without trailing noise; missing values empty. */
export function roundCell(v: number, digits: number): string {
  if (!Number.isFinite(v)) return '';
  const r = Number(v.toFixed(digits));
  return String(Object.is(r, -0) ? 0 : r);
}

/** Quotes a CSV field where it must be (RFC 4180). */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The app's CSV of one chart: BOM, a header in the page's language with the unit in each column, then one row per
 * month with values rounded to the indicator's precision (CRLF line ends, RFC 4180). Excel and WPS read it as UTF-8.
 */
export function chartCsv(o: OutputResult, id: OutputId, lang: Lang, t: Translate): string {
  const d = csvDigits(id);
  const lines = [csvHeader(id, lang, t).map(field).join(',')];
  for (let i = 0; i < o.length; i++) {
    const row = [formatMonth(o.start + i), roundCell(o.central[i], d)];
    for (let k = 0; k < QUANTILES.length; k++) row.push(roundCell(o.bands[k * o.length + i], d));
    lines.push(row.join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
