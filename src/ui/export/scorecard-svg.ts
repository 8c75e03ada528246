/**
 * The scorecard as an SVG table (pure: tested in Node), to be framed by composeExportSvg: one row per target with
 * its value at 2023-12, the target, the verdict, P(met), the month the central path meets it and a sparkline.
 */
import { escapeXml, textWidthEm } from './svg';

export interface ScorecardRow {
  name: string;
  value: string;
  target: string;
  verdict: string;
  met: boolean;
  pMet: string;
  firstMet: string;
  /** The central path (any length; drawn as a sparkline) with the target level and the deadline's index. */
  spark: ArrayLike<number>;
  sparkTarget: number;
  deadlineIndex: number;
}

export interface ScorecardTable {
  headers: [string, string, string, string, string, string, string];
  rows: ScorecardRow[];
  /** A group heading inserted before row `groupAt` (the programme targets). */
  groupAt?: number;
  groupLabel?: string;
  /** A closing line (the joint probability). */
  note?: string;
}

const COLS = [0.3, 0.13, 0.12, 0.12, 0.09, 0.13, 0.11];
const MET = '#007a55';
const MISSED = '#b34700';

/** The natural height of a table at a font size. */
export function scorecardHeight(t: ScorecardTable, fontSize: number): number {
  const rowH = fontSize * 2.1;
  return Math.ceil(rowH * (t.rows.length + 1 + (t.groupAt !== undefined ? 1 : 0)) + (t.note ? fontSize * 2.4 : 0));
}

/** Picks the largest font size (up to `max`) at which the table fits the height. */
export function fitFontSize(t: ScorecardTable, height: number, max: number): number {
  let f = max;
  while (f > 8 && scorecardHeight(t, f) > height) f -= 0.5;
  return f;
}

function clip(s: string, width: number, size: number): string {
  if (textWidthEm(s) * size <= width) return s;
  let out = s;
  while (out.length > 1 && textWidthEm(out + '…') * size > width) out = out.slice(0, -1);
  return out + '…';
}

function spark(values: ArrayLike<number>, target: number, deadline: number, x: number, y: number, w: number, h: number, met: boolean): string {
  const n = values.length;
  if (!n) return '';
  let lo = target;
  let hi = target;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const span = hi - lo || 1;
  const px = (i: number) => x + (i / Math.max(1, n - 1)) * w;
  const py = (v: number) => y + h - ((v - lo) / span) * h;
  const step = Math.max(1, Math.floor(n / 60));
  const pts: string[] = [];
  for (let i = 0; i < n; i += step) if (Number.isFinite(values[i])) pts.push(`${px(i).toFixed(1)},${py(values[i]).toFixed(1)}`);
  if ((n - 1) % step && Number.isFinite(values[n - 1])) pts.push(`${px(n - 1).toFixed(1)},${py(values[n - 1]).toFixed(1)}`);
  return (
    `<line x1="${x}" x2="${x + w}" y1="${py(target).toFixed(1)}" y2="${py(target).toFixed(1)}" stroke="#D55E00" stroke-dasharray="3,2"/>` +
    `<line x1="${px(deadline).toFixed(1)}" x2="${px(deadline).toFixed(1)}" y1="${y}" y2="${y + h}" stroke="#888" stroke-dasharray="1,2"/>` +
    `<polyline points="${pts.join(' ')}" fill="none" stroke="${met ? '#0072B2' : MISSED}" stroke-width="1.8"/>`
  );
}

/** The table as an SVG element of the given width and height (the font is fitted to the height). */
export function scorecardSvg(t: ScorecardTable, width: number, height: number, maxFont: number, ink = '#1d1d1f', muted = '#5c5c66'): string {
  const f = fitFontSize(t, height, maxFont);
  const rowH = f * 2.1;
  const xs: number[] = [];
  let acc = 0;
  for (const c of COLS) {
    xs.push(acc * width);
    acc += c;
  }
  const colW = (i: number) => COLS[i] * width - f * 0.6;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`];
  let y = 0;
  const base = (top: number) => top + rowH * 0.66;
  t.headers.forEach((h, i) => {
    out.push(`<text x="${xs[i]}" y="${base(y)}" font-size="${f * 0.85}" font-weight="600" fill="${muted}">${escapeXml(clip(h, colW(i), f * 0.85))}</text>`);
  });
  y += rowH;
  out.push(`<line x1="0" x2="${width}" y1="${y}" y2="${y}" stroke="${muted}" stroke-opacity="0.6"/>`);
  t.rows.forEach((r, k) => {
    if (k === t.groupAt && t.groupLabel) {
      out.push(`<text x="0" y="${base(y)}" font-size="${f * 0.85}" font-weight="600" fill="${muted}">${escapeXml(t.groupLabel)}</text>`);
      y += rowH;
    }
    const cells = [r.name, r.value, r.target, r.verdict, r.pMet, r.firstMet];
    cells.forEach((c, i) => {
      const weight = i === 0 ? ' font-weight="600"' : '';
      const fill = i === 3 ? (r.met ? MET : MISSED) : ink;
      out.push(`<text x="${xs[i]}" y="${base(y)}" font-size="${f}"${weight} fill="${fill}">${escapeXml(clip(c, colW(i), f))}</text>`);
    });
    out.push(spark(r.spark, r.sparkTarget, r.deadlineIndex, xs[6], y + rowH * 0.2, colW(6), rowH * 0.6, r.met));
    y += rowH;
    out.push(`<line x1="0" x2="${width}" y1="${y}" y2="${y}" stroke="${muted}" stroke-opacity="0.25"/>`);
  });
  if (t.note) out.push(`<text x="0" y="${y + f * 1.7}" font-size="${f * 1.05}" fill="${ink}">${escapeXml(t.note)}</text>`);
  out.push('</svg>');
  return out.join('');
}
