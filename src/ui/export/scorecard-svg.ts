/**
 * The scorecard as an SVG table (pure: tested in Node), to be framed by composeExportSvg: one row per target with
 * its value at 2023-12, the target, the verdict, P(met), the month the central path meets it and a sparkline. Long
 * names and headings wrap onto a second line; the font is fitted to the space given.
 */
import { escapeXml, wrapText } from './svg';

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

// The timing column holds two named months (central path, half of samples), so it is the second widest.
const COLS = [0.27, 0.11, 0.1, 0.15, 0.08, 0.19, 0.1];
const MET = '#007a55';
const MISSED = '#b34700';
const r1 = (v: number) => Math.round(v * 10) / 10;
/** Bold Latin text runs about 12 % wider than the width estimate. */
const BOLD = 0.88;

interface Layout {
  f: number;
  xs: number[];
  colW: (i: number) => number;
  headerLines: string[][];
  /** Per row, per cell (name … first month met), its lines. */
  rowLines: string[][][];
  headerH: number;
  rowH: number[];
  groupH: number;
  noteH: number;
  height: number;
}

function layout(t: ScorecardTable, width: number, f: number): Layout {
  const xs: number[] = [];
  let acc = 0;
  for (const c of COLS) {
    xs.push(acc * width);
    acc += c;
  }
  const colW = (i: number) => COLS[i] * width - f * 0.8;
  const hf = f * 0.85;
  const headerLines = t.headers.map((h, i) => wrapText(h, colW(i) * BOLD, hf, 2));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * hf * 1.25 + f * 0.8;
  // Every cell may wrap onto two lines (names are bold: a narrower measure for them).
  const rowLines = t.rows.map((r) =>
    [r.name, r.value, r.target, r.verdict, r.pMet, r.firstMet].map((c, i) =>
      wrapText(c, colW(i) * (i === 0 ? BOLD : 1), f, i === 5 ? 4 : 2),
    ),
  );
  const rowH = rowLines.map((cells) => Math.max(...cells.map((l) => l.length)) * f * 1.25 + f * 0.9);
  const groupH = t.groupAt !== undefined && t.groupLabel ? f * 2 : 0;
  const noteH = t.note ? f * 2.4 : 0;
  const height = headerH + rowH.reduce((a, b) => a + b, 0) + groupH + noteH;
  return { f, xs, colW, headerLines, rowLines, headerH, rowH, groupH, noteH, height: Math.ceil(height) };
}

/** The natural height of a table at a width and font size. */
export function scorecardHeight(t: ScorecardTable, width: number, fontSize: number): number {
  return layout(t, width, fontSize).height;
}

/** Picks the largest font size (up to `max`) at which the table fits the height. */
export function fitFontSize(t: ScorecardTable, width: number, height: number, max: number): number {
  let f = max;
  while (f > 8 && scorecardHeight(t, width, f) > height) f -= 0.5;
  return f;
}

function spark(
  values: ArrayLike<number>,
  target: number,
  deadline: number,
  x: number,
  y: number,
  w: number,
  h: number,
  met: boolean,
): string {
  const n = values.length;
  if (!n || w <= 0) return '';
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
  const px = (i: number) => r1(x + (i / Math.max(1, n - 1)) * w);
  const py = (v: number) => r1(y + h - ((v - lo) / span) * h);
  const step = Math.max(1, Math.floor(n / 60));
  const pts: string[] = [];
  for (let i = 0; i < n; i += step) if (Number.isFinite(values[i])) pts.push(`${px(i)},${py(values[i])}`);
  if ((n - 1) % step && Number.isFinite(values[n - 1])) pts.push(`${px(n - 1)},${py(values[n - 1])}`);
  return (
    `<line x1="${r1(x)}" x2="${r1(x + w)}" y1="${py(target)}" y2="${py(target)}" stroke="#D55E00" stroke-dasharray="3,2"/>` +
    `<line x1="${px(deadline)}" x2="${px(deadline)}" y1="${r1(y)}" y2="${r1(y + h)}" stroke="#888" stroke-dasharray="1,2"/>` +
    `<polyline points="${pts.join(' ')}" fill="none" stroke="${met ? '#0072B2' : MISSED}" stroke-width="1.8"/>`
  );
}

/** The table as an SVG element of the given width and height (the font is fitted to the height). */
export function scorecardSvg(
  t: ScorecardTable,
  width: number,
  height: number,
  maxFont: number,
  ink = '#1d1d1f',
  muted = '#5c5c66',
): string {
  const L = layout(t, width, fitFontSize(t, width, height, maxFont));
  const { f, xs } = L;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  ];
  const lineH = f * 1.25;
  const text = (x: number, y: number, size: number, fill: string, s: string, extra = '') =>
    `<text x="${r1(x)}" y="${r1(y)}" font-size="${size}"${extra} fill="${fill}">${escapeXml(s)}</text>`;
  const hf = f * 0.85;
  L.headerLines.forEach((lines, i) =>
    lines.forEach((l, k) => out.push(text(xs[i], f * 0.4 + hf * (1 + k * 1.25), hf, muted, l, ' font-weight="600"'))),
  );
  let y = L.headerH;
  out.push(`<line x1="0" x2="${width}" y1="${r1(y)}" y2="${r1(y)}" stroke="${muted}" stroke-opacity="0.6"/>`);
  t.rows.forEach((r, k) => {
    if (k === t.groupAt && t.groupLabel) {
      out.push(text(0, y + f * 1.4, hf, muted, t.groupLabel, ' font-weight="600"'));
      y += L.groupH;
    }
    const h = L.rowH[k];
    L.rowLines[k].forEach((lines, i) => {
      const top = y + (h - lines.length * lineH) / 2;
      const fill = i === 3 ? (r.met ? MET : MISSED) : ink;
      lines.forEach((l, j) =>
        out.push(text(xs[i], top + f * 0.95 + j * lineH, f, fill, l, i === 0 ? ' font-weight="600"' : '')),
      );
    });
    out.push(spark(r.spark, r.sparkTarget, r.deadlineIndex, xs[6], y + h * 0.25, L.colW(6), h * 0.5, r.met));
    y += h;
    out.push(`<line x1="0" x2="${width}" y1="${r1(y)}" y2="${r1(y)}" stroke="${muted}" stroke-opacity="0.25"/>`);
  });
  if (t.note) out.push(text(0, y + f * 1.7, f * 1.05, ink, t.note));
  out.push('</svg>');
  return out.join('');
}
