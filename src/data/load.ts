/**
 * Loads the observation files of data/ into validated rows, each with the date it became known. Pure (text in, rows
 * out): the generator (scripts/gen-data.ts) and the tests call it, so appending next month's figures to a CSV is the
 * whole change. A bad row is refused with its line and column named; nothing is silently dropped.
 *
 * When a figure became known ("known from"), in order:
 *  1. a date given for it in data/known-from.csv (series, date, known_from, reason);
 *  2. a statement date: a row dated other than a month's last day is a statement of that day (“截至目前”);
 *  3. the rule: a monthly or yearly figure is known at the end of the month after its period ends (MIIT's monthly
 *     reports come out in the following month; yearly bulletins and NBS year-end figures by the end of January);
 *  and never before any ISO date on or after the period that the row's note names (a press conference, a review):
 *  the latest of these wins, so a figure is never taken as known earlier than the file shows it was.
 * Rows of the plan-launch snapshot (observations-as-of-2021-07.csv) are known from the snapshot's date.
 */
import { z } from 'zod/mini';
import { parseCsvRows } from './csv';

/** What period a figure covers: a stock at the end of the period, one month, the year to date, a full year, or not said. */
export type PeriodKind = 'end' | 'month' | 'ytd' | 'year' | 'unstated';
/** Qualifiers the notes give: the source says “超/exceeding” (lower bound), “接近/近” (approximate) or rounded. */
export type Bound = 'lower' | 'approx' | 'rounded' | '';

export interface Row {
  readonly series: string;
  /** End of the period the figure describes (or the statement's day), ISO. */
  readonly date: string;
  readonly value: number;
  readonly unit: string;
  readonly basis: 'reported' | 'derived';
  /** Who published it (snapshot) or the note naming the original release (running file). */
  readonly source: string;
  /** Where it was found (running file only). */
  readonly url: string;
  /** The first day the figure was public, ISO. */
  readonly known: string;
  readonly period: PeriodKind;
  readonly bound: Bound;
  /** The one value kept per (series, date): `[primary]` rows of the running file, every snapshot row. */
  readonly primary: boolean;
}

/** One refused cell: its 1-based line in the file, its column, and why. */
export interface LoadIssue {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

/** Thrown when a data file has bad rows; its message lists every one (file, line, column, reason). */
export class DataFileError extends Error {
  constructor(readonly issues: readonly LoadIssue[]) {
    super(issues.map((i) => `${i.file} line ${i.line}, column ${i.column}: ${i.message}`).join('\n'));
    this.name = 'DataFileError';
  }
}

const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  z.refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'is not a calendar date'),
);
const number = z.string().check(z.refine((s) => s.trim() !== '' && Number.isFinite(Number(s)) && Number(s) >= 0, 'must be a number ≥ 0 in base units (no 万 or 亿)'));
const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));
const seriesId = z.string().check(z.regex(/^[a-z0-9_]+$/, 'must be a series id (a-z, 0-9, _)'));
const basis = z.enum(['reported', 'derived'], 'must be reported or derived');

const SNAPSHOT_COLUMNS = { series: seriesId, date: isoDate, value: number, unit: nonEmpty, basis, source: nonEmpty };
const RUNNING_COLUMNS = {
  series: seriesId,
  date: isoDate,
  value: number,
  unit: nonEmpty,
  basis,
  source_url: nonEmpty,
  quote: z.string(),
  note: z.string().check(z.regex(/^\[(primary|alt)\]/, 'must start with [primary] or [alt]')),
};
const KNOWN_COLUMNS = { series: seriesId, date: isoDate, known_from: isoDate, reason: nonEmpty };

/** Parses a CSV whose header must hold `columns` (in any order; extra columns are kept), validating every cell. */
function parseTable<K extends string>(text: string, file: string, columns: Record<K, z.ZodMiniType<string>>): { line: number; cells: Record<K, string> }[] {
  const issues: LoadIssue[] = [];
  let rows;
  try {
    rows = parseCsvRows(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DataFileError([{ file, line: Number(/line (\d+)/.exec(String(e))?.[1] ?? 0), column: '-', message: (e as Error).message }]);
  }
  if (rows.length === 0) throw new DataFileError([{ file, line: 1, column: '-', message: 'the file is empty' }]);
  const [header, ...body] = rows;
  const index = new Map(header.fields.map((h, j) => [h.trim(), j]));
  const names = Object.keys(columns) as K[];
  for (const n of names) if (!index.has(n)) issues.push({ file, line: header.line, column: n, message: 'missing from the header' });
  if (issues.length) throw new DataFileError(issues);
  const out: { line: number; cells: Record<K, string> }[] = [];
  for (const r of body) {
    if (r.fields.length !== header.fields.length) {
      issues.push({ file, line: r.line, column: '-', message: `has ${r.fields.length} fields, the header ${header.fields.length}` });
      continue;
    }
    const cells = {} as Record<K, string>;
    for (const n of names) {
      const v = r.fields[index.get(n)!];
      const res = z.safeParse(columns[n], v);
      if (!res.success) issues.push({ file, line: r.line, column: n, message: `${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)} ${res.error.issues[0].message}` });
      cells[n] = v;
    }
    out.push({ line: r.line, cells });
  }
  if (issues.length) throw new DataFileError(issues);
  return out;
}

/** Returns the last day of the month after the month of an ISO date. */
export function endOfNextMonth(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)); // 1-based: Date.UTC(y, m + 1, 0) is the last day of month m + 1
  return new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
}

/** Whether an ISO date is the last day of its month. */
export function isMonthEnd(iso: string): boolean {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

function periodOf(series: string, note: string): PeriodKind {
  if (series !== 'g5_traffic_share') return 'end';
  if (/period[^;]*not (specified|stated)/i.test(note)) return 'unstated';
  if (/YTD|year to date/i.test(note)) return 'ytd';
  if (/full-year|full year/i.test(note)) return 'year';
  if (/\b(single|one) month\b|当月/i.test(note)) return 'month';
  // A share whose period the source does not state (or derives from one that does not) is said to be unstated.
  return 'unstated';
}

function boundOf(note: string): Bound {
  if (/lower bound/i.test(note)) return 'lower';
  if (/APPROXIMATE/.test(note)) return 'approx';
  if (/rounded/i.test(note)) return 'rounded';
  return '';
}

/** Loads data/known-from.csv: publication dates given for particular figures, keyed `series@date`. */
export function loadKnownFrom(text: string, file = 'known-from.csv'): Map<string, string> {
  const out = new Map<string, string>();
  const issues: LoadIssue[] = [];
  for (const { line, cells } of parseTable(text, file, KNOWN_COLUMNS)) {
    if (cells.known_from < cells.date) issues.push({ file, line, column: 'known_from', message: `${cells.known_from} is before the figure's own date ${cells.date}` });
    out.set(`${cells.series}@${cells.date}`, cells.known_from);
  }
  if (issues.length) throw new DataFileError(issues);
  return out;
}

/** Loads the plan-launch snapshot: every row known from `snapshotDate`, every row primary. */
export function loadSnapshot(text: string, snapshotDate: string, file = 'observations-as-of-2021-07.csv'): Row[] {
  const rows = parseTable(text, file, SNAPSHOT_COLUMNS);
  const issues: LoadIssue[] = [];
  const seen = new Map<string, number>();
  const out = rows.map(({ line, cells }) => {
    const key = `${cells.series}@${cells.date}`;
    if (seen.has(key)) issues.push({ file, line, column: 'date', message: `${key} repeats line ${seen.get(key)}` });
    seen.set(key, line);
    if (cells.date > snapshotDate) issues.push({ file, line, column: 'date', message: `${cells.date} is after the snapshot's date ${snapshotDate}` });
    return {
      series: cells.series,
      date: cells.date,
      value: Number(cells.value),
      unit: cells.unit,
      basis: cells.basis as Row['basis'],
      source: cells.source,
      url: '',
      known: snapshotDate,
      period: periodOf(cells.series, cells.source),
      bound: boundOf(cells.source),
      primary: true,
    };
  });
  if (issues.length) throw new DataFileError(issues);
  return out;
}

/** Loads the running file of official figures (observations-2019-2024.csv and its successors). */
export function loadRunning(text: string, knownFrom: Map<string, string> = new Map(), file = 'observations-2019-2024.csv'): Row[] {
  const rows = parseTable(text, file, RUNNING_COLUMNS);
  const issues: LoadIssue[] = [];
  const primaryAt = new Map<string, number>();
  const out: Row[] = [];
  for (const { line, cells } of rows) {
    const key = `${cells.series}@${cells.date}`;
    const primary = cells.note.startsWith('[primary]');
    if (primary) {
      if (primaryAt.has(key)) issues.push({ file, line, column: 'note', message: `a second [primary] row for ${key} (the first is line ${primaryAt.get(key)})` });
      primaryAt.set(key, line);
    }
    const given = knownFrom.get(key);
    let known = given ?? (isMonthEnd(cells.date) ? endOfNextMonth(cells.date) : cells.date);
    // Never earlier than a statement or release date the note itself names.
    for (const d of cells.note.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []) if (d >= cells.date && d > known) known = d;
    out.push({
      series: cells.series,
      date: cells.date,
      value: Number(cells.value),
      unit: cells.unit,
      basis: cells.basis as Row['basis'],
      source: cells.note.replace(/^\[(primary|alt)\]\s*/, ''),
      url: cells.source_url.split(/\s+;\s+/)[0],
      known,
      period: periodOf(cells.series, cells.note),
      bound: boundOf(cells.note),
      primary,
    });
  }
  for (const key of new Set(out.map((r) => `${r.series}@${r.date}`))) {
    if (!primaryAt.has(key)) {
      const line = rows.find((r) => `${r.cells.series}@${r.cells.date}` === key)!.line;
      issues.push({ file, line, column: 'note', message: `no [primary] row for ${key}` });
    }
  }
  if (issues.length) throw new DataFileError(issues);
  return out;
}
