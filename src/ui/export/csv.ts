/**
 * CSV of an output's central path and bands: one row per month (pure: tested in Node). Headers are in the page's
 * language with the unit in each (the CLI's `--csv` keeps its own stable English header); values are rounded to the
 * indicator's precision; the text starts with a byte-order mark so Excel and WPS read Chinese as UTF-8.
 */
import { formatMonth, OUTPUTS, QUANTILES, type OutputId, type OutputResult } from '../../model';
import type { Lang, Translate } from '../../i18n';

/** The band columns, named after their quantile levels (p5 … p95), in QUANTILES order. */
export const BAND_COLUMNS = QUANTILES.map((q) => `p${Math.round(q * 100)}`);

/** The UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

/** Decimals kept per output: whole users and networks, two decimals for shares, rates and densities. */
export function csvDigits(id: OutputId): number {
  if (id === 'users' || id === 'industry_vpn') return 0;
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

/** BOM, the header, then one row per month of the path (CRLF line ends, RFC 4180). */
export function bandsCsv(o: OutputResult, id: OutputId, lang: Lang, t: Translate): string {
  const d = csvDigits(id);
  const lines = [csvHeader(id, lang, t).map(field).join(',')];
  for (let i = 0; i < o.length; i++) {
    const row = [formatMonth(o.start + i), roundCell(o.central[i], d)];
    for (let k = 0; k < QUANTILES.length; k++) row.push(roundCell(o.bands[k * o.length + i], d));
    lines.push(row.join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
