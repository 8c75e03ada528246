/**
 * Pure helpers of the forecast CLI: argument parsing and the three renderings of a run (table, JSON, CSV).
 * Nothing here reads files or writes to the console; cli/forecast.ts does that.
 */
import { OUTPUTS, type OutputId, type Target } from '../src/model/indicators';
import { PLAN_IDS, PLANS } from '../src/model/plans';
import { formatMonth, type Month } from '../src/model/months';
import type { RunResult } from '../src/model/types';
import type { Scenario } from '../src/scenario/schema';
import type { Analysis } from '../src/model/analysis';
import { translator } from '../src/i18n';
import {
  basisKey,
  centralSeekText,
  comparatorOf,
  onTrackKey,
  onTrackText,
  probabilitySeekText,
  reasonText,
  unfittedText,
} from '../src/i18n/analysis-text';
import { BAND_COLUMNS, runCsv } from '../src/export/csv';
import { printable } from '../src/scenario/safe-json';
import { parseTyped } from '../src/scenario/number';
import { describeNumberIssue } from '../src/scenario/number-messages';
import { WHOLE_COUNTS } from '../src/i18n/format';

export const USAGE = `Usage: npm run forecast -- <scenario.json | share link | -> [options]
       tsx cli/forecast.ts <scenario.json | share link | -> [options]

Runs the Monte Carlo of a scenario file (a preset in scenarios/ or any scenario JSON), of the scenario in a share
link (the app's address, or its #v2.… part; quote it in the shell) or of a scenario JSON on standard input (-), and
prints, for every output, its central value at the deadline of the scenario's plan (2023-12 for the 2021 Sailing plan,
2027-12 for the 2024 upgrade plan), the target, the verdict and margin (percentage
points, pp, for shares and rates), the probability of meeting the target, the month the central path first meets it
and the month by which half of the samples have met it (none for IoT growth, a 2021-2023 average read at the
deadline only).

Options:
  --json         print the full result as JSON (paths, bands, crossing distributions)
  --csv          print the bands as CSV: indicator,month,central,p5,p10,p25,p50,p75,p90,p95
  --analysis     with --json: add calibration, goal seek, sensitivity and on-track status per headline target
                 (as codes under analysis, as English sentences under analysisText)
  --backtest     re-run the scenario as of every quarter end from 2021-06 to the last data and grade the forecasts
                 against the figures published later (coverage of the 50/80/90 % bands, error of the median and the
                 central path by horizon; the 2021 plan's also the Brier score of P(met) against the 2023-12
                 outcomes; the upgrade plan's targets have no outcome yet); the outputs that cannot be graded are
                 listed with the reason; with --json the whole result
  --samples N    number of Monte Carlo samples (overrides the file's; 100 to 200000)
  --seed N       random seed (overrides the file's; 0 to 4294967295)
  --plan ID      the plan whose targets to read: ${PLAN_IDS.join(' or ')} (overrides the file's; another plan than the
                 file's takes that plan's default as-of date and horizon)
  -h, --help     show this help
  --             everything after it is a file name, even if it starts with - or holds #v1.

Inputs:
  - A file must be a regular file of at most 1 MB (devices, FIFOs and larger files are refused before reading),
    UTF-8 JSON (a byte-order mark is skipped; UTF-16 is refused: save it as UTF-8). - reads standard input, with the
    same limit.
  - An argument holding #v<n>. or #v0= is a share link, unless it follows -- or starts with ./ (then it is a path).
  - Every key must be known: a misspelt one is refused and named, with the key it most likely meant. Keys of older
    versions (as_of, sampleCount) are renamed. A file with "preset" is that preset with the file's fields on top; a
    file without one starts from the registry defaults (注册表默认值), not from a preset.
  - N is a decimal number: 10000, 10,000 or 10 000 (groups of three), 1万 or 1.2亿, full-width digits (１００００) or
    scientific notation (1e4). A decimal comma (1,5) is refused as ambiguous; 0x3e8, 0o17, 0b1, Infinity and anything
    else that is not exactly a number are refused.
  - Titles, notes and unknown keys are printed without control characters; no error quotes a file's content.

Exit codes: 0 success; 2 bad arguments or input (each problem named on stderr, one line each); 1 the model failed,
or the output could not be written (a closed pipe, a full disk).`;

/** An argument that holds `#v<n>.` or `#v0=` is a share link, unless it starts with `./`, `../` or `/` (a path). */
export function isShareLink(arg: string): boolean {
  if (arg.startsWith('./') || arg.startsWith('../') || arg.startsWith('/')) return false;
  return /#v\d+[.=]/.test(arg);
}

/** What the scenario comes from. */
export type CliInput = { kind: 'link'; link: string } | { kind: 'file'; path: string } | { kind: 'stdin' };

export interface CliOptions {
  input: CliInput;
  /** The input as typed, for messages. */
  file: string;
  format: 'table' | 'json' | 'csv';
  /** Overrides as typed (decimal); the scenario schema validates them with the file's own fields. */
  samples?: string;
  seed?: string;
  plan?: string;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; options: CliOptions } | { kind: 'error'; message: string };

/** Parses the command line (without `node` and the script). Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let file: string | undefined;
  let forcedPath = false;
  let format: CliOptions['format'] = 'table';
  let samples: string | undefined;
  let seed: string | undefined;
  let plan: string | undefined;
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!rest) {
      if (arg === '--') {
        rest = true;
        continue;
      }
      if (arg === '-h' || arg === '--help') return { kind: 'help' };
      if (arg === '--json' || arg === '--csv') {
        const f = arg === '--json' ? 'json' : 'csv';
        if (format !== 'table' && format !== f)
          return { kind: 'error', message: '--json and --csv cannot be combined' };
        format = f;
        continue;
      }
      const m = /^--(samples|seed|plan)(?:=(.*))?$/s.exec(arg);
      if (m) {
        const value = m[2] ?? argv[++i];
        if (value === undefined || (m[2] === undefined && value.startsWith('--'))) {
          const eg = m[1] === 'samples' ? '10000' : m[1] === 'plan' ? 'upgrade-2024' : '42';
          return { kind: 'error', message: `--${m[1]} needs a value, e.g. --${m[1]} ${eg}` };
        }
        if (m[1] === 'plan') {
          plan = value;
          continue;
        }
        // Refused here, with what was understood, rather than read as something else ("10,000" is not 10).
        const n = parseTyped(value, { integer: true });
        if (!n.ok)
          return {
            kind: 'error',
            message: `--${m[1]} ${printable(value, 40)}: ${m[1]} must be a whole number. ${describeNumberIssue(n.issue, 'en')}`,
          };
        if (m[1] === 'samples') samples = value;
        else seed = value;
        continue;
      }
      if (arg.startsWith('-') && arg !== '-')
        return {
          kind: 'error',
          message: `unknown option ${printable(arg, 40)} (put -- before a file name that starts with -)`,
        };
    }
    if (file !== undefined)
      return { kind: 'error', message: `one scenario only (got ${printable(file, 80)} and ${printable(arg, 80)})` };
    file = arg;
    forcedPath = rest;
  }
  if (file === undefined) return { kind: 'error', message: 'no scenario file, share link or - given' };
  const input: CliInput =
    file === '-'
      ? { kind: 'stdin' }
      : !forcedPath && isShareLink(file)
        ? { kind: 'link', link: file }
        : { kind: 'file', path: file };
  return { kind: 'run', options: { input, file, format, samples, seed, ...(plan !== undefined && { plan }) } };
}

/**
 * Returns the value typed for --samples or --seed as the schema should see it: a number when the typed-number parser
 * reads one (so `--samples 1e3`, `10,000` and `1万` are numbers), else the text itself, which the schema refuses.
 */
export function overrideValue(text: string): number | string {
  const r = parseTyped(text);
  return r.ok ? r.value : text;
}

/**
 * Applies --samples, --seed and --plan to a parsed scenario file (an object; anything else is left for the schema to
 * refuse). A plan other than the file's drops the file's dates, so the run takes that plan's as-of and horizon.
 */
export function withOverrides(raw: unknown, o: Pick<CliOptions, 'samples' | 'seed' | 'plan'>): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  if (o.samples !== undefined) out.samples = overrideValue(o.samples);
  if (o.seed !== undefined) out.seed = overrideValue(o.seed);
  if (o.plan !== undefined && o.plan !== (out.plan ?? 'sailing-2021')) {
    out.plan = o.plan;
    delete out.asOf;
    delete out.horizon;
  }
  return out;
}

// --- Numbers ---------------------------------------------------------------------------------------------------------

/** Formats with thousands separators and `digits` decimals. */
export function fixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return String(v);
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Formats a value of an output in its unit: users and IoT connections in millions, shares and rates in %, counts and densities plain. */
export function formatValue(id: OutputId, v: number): string {
  if (id === 'users' || id === 'iot_connections') return `${fixed(v / 1e6, 1)} M`;
  switch (OUTPUTS[id].kind) {
    case 'share':
    case 'rate':
      return `${fixed(v, 1)} %`;
    case 'density':
      return fixed(v, 2);
    case 'count':
      // Whole things (networks, solutions, standards, centres, regions) as whole numbers; an average keeps a decimal.
      return fixed(v, WHOLE_COUNTS.has(id) || Math.abs(v) >= 1000 ? 0 : 1);
  }
}

/** Formats a difference of two values of an output (a margin), signed; shares and rates in percentage points. */
export function formatMargin(id: OutputId, d: number): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const a = Math.abs(d);
  if (id === 'users' || id === 'iot_connections') return `${sign}${fixed(a / 1e6, 1)} M`;
  switch (OUTPUTS[id].kind) {
    case 'share':
    case 'rate':
      return `${sign}${fixed(a, 1)} pp`;
    case 'density':
      return `${sign}${fixed(a, 2)}`;
    case 'count':
      return `${sign}${fixed(a, WHOLE_COUNTS.has(id) || a >= 1000 ? 0 : 1)}`;
  }
}

/** Formats a target level: as a value, but whole numbers without decimals (`40 %`, `560 M`, `100`). */
function formatLevel(id: OutputId, v: number): string {
  const millions = id === 'users' || id === 'iot_connections';
  const shown = millions ? v / 1e6 : v;
  if (!Number.isInteger(shown)) return formatValue(id, v);
  const unit = millions ? ' M' : OUTPUTS[id].kind === 'share' || OUTPUTS[id].kind === 'rate' ? ' %' : '';
  return `${fixed(shown, 0)}${unit}`;
}

/** Formats a target with its comparator: `> 40 %`, `≥ 100`, `10 to 20`. */
export function formatTarget(id: OutputId, t: Target = OUTPUTS[id].target): string {
  if (t.comparator === 'range') return `${formatLevel(id, t.lo)} to ${formatLevel(id, t.hi)}`;
  return `${t.comparator === '>' ? '>' : '≥'} ${formatLevel(id, t.value)}`;
}

/** Formats a probability in %, never rounding a small chance to 0 or a near-certainty to 100. */
export function formatProb(p: number): string {
  if (p > 0 && p < 0.0005) return '< 0.1 %';
  if (p < 1 && p > 0.9995) return '> 99.9 %';
  return `${(100 * p).toFixed(1)} %`;
}

/** Formats a crossing month (a month before the as-of date is that of the first published figure meeting the target). */
export function formatCrossing(m: Month | null, horizon: Month): string {
  return m === null ? `not by ${formatMonth(horizon)}` : formatMonth(m);
}

// --- Renderings ------------------------------------------------------------------------------------------------------

const pad = (s: string, w: number, right = false) => {
  const len = [...s].length;
  return len >= w ? s : right ? ' '.repeat(w - len) + s : s + ' '.repeat(w - len);
};

/**
 * The readable table: one line per output (headline indicators, then programme targets) and the joint probability.
 * `basis` says what the scenario starts from (a preset, or the registry defaults), `basisShort` names it where the
 * scenario has no title; `source` is the input.
 */
export function renderTable(r: RunResult, s: Scenario, source: string, basis: string, basisShort = basis): string {
  const deadline = formatMonth(r.deadline);
  const head = [
    'output',
    `${deadline} central`,
    'target',
    'verdict',
    'margin',
    'P(met)',
    'central path first met',
    'half of samples met',
  ];
  const right = [false, true, true, false, true, true, false, false];
  const row = (id: OutputId) => {
    const o = r.outputs[id];
    return [
      id,
      formatValue(id, o.value),
      formatTarget(id),
      o.verdict.met ? 'met' : 'missed',
      formatMargin(id, o.verdict.margin),
      formatProb(o.pMet),
      // An average over 2021-2023 (IoT growth) is read at the deadline only: it has no crossing month.
      OUTPUTS[id].kind === 'rate' ? `read at ${deadline} only` : formatCrossing(o.crossing, r.horizon),
      OUTPUTS[id].kind === 'rate' ? '' : formatCrossing(o.crossingMedian, r.horizon),
    ];
  };
  const plan = PLANS[r.plan];
  const headline = plan.headline.map(row);
  const programme = plan.further.map(row);
  const all = [head, ...headline, ...programme];
  const widths = head.map((_, c) => Math.max(...all.map((cells) => [...cells[c]].length)));
  const line = (cells: string[]) =>
    cells
      .map((x, c) => pad(x, widths[c], right[c]))
      .join('  ')
      .trimEnd();
  const rule = '─'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
  const title = printable(s.title, 200).replace(/\s+/g, ' ').trim();
  return [
    `Yangfan forecast: ${title || basisShort} (${printable(source, 200)})`,
    `basis: ${basis}`,
    `plan ${plan.id}: ${plan.title.en} (issued ${plan.issued}), targets at ${deadline}`,
    `as of ${s.asOf}, horizon ${formatMonth(r.horizon)}, ${r.samples.toLocaleString('en-US')} samples, seed ${r.seed}, ` +
      `users ${s.families.users}, traffic ${s.families.traffic}, model ${r.modelVersion}, data ${r.dataVersion}`,
    '',
    line(head),
    rule,
    'Headline indicators',
    ...headline.map(line),
    '',
    r.plan === 'sailing-2021' ? 'Programme targets' : 'Further targets',
    ...programme.map(line),
    rule,
    `P(all ${plan.headline.length} headline targets met at ${deadline}): ${formatProb(r.pAllMet)}`,
  ].join('\n');
}

/** Quantile keys of the bands in JSON and CSV: p5, p10, p25, p50, p75, p90, p95. */
export const BAND_KEYS = BAND_COLUMNS;

/** The full result as a plain object for JSON: months as YYYY-MM, arrays as plain number arrays. */
export function toJson(r: RunResult, s: Scenario): unknown {
  const outputs: Record<string, unknown> = {};
  for (const id of r.ids) {
    const o = r.outputs[id];
    const bands: Record<string, number[]> = {};
    BAND_KEYS.forEach((k, q) => {
      bands[k] = Array.from(o.bands.subarray(q * o.length, (q + 1) * o.length));
    });
    outputs[id] = {
      headline: OUTPUTS[id].headline,
      start: formatMonth(o.start),
      months: Array.from({ length: o.length }, (_, i) => formatMonth(o.start + i)),
      target: OUTPUTS[id].target,
      central: Array.from(o.central),
      bands,
      value: o.value,
      verdict: o.verdict,
      pMet: o.pMet,
      // 'deadline': the indicator is read at 2023-12 only (an average over 2021-2023), so it has no crossing months.
      readAt: OUTPUTS[id].kind === 'rate' ? 'deadline' : 'path',
      crossing: o.crossing === null ? null : formatMonth(o.crossing),
      crossingMedian: o.crossingMedian === null ? null : formatMonth(o.crossingMedian),
      crossingCdf: Array.from(o.crossingCdf),
    };
  }
  return {
    samples: r.samples,
    seed: r.seed,
    plan: r.plan,
    deadline: formatMonth(r.deadline),
    horizon: formatMonth(r.horizon),
    pAllMet: r.pAllMet,
    modelVersion: r.modelVersion,
    dataVersion: r.dataVersion,
    scenario: s,
    outputs,
  };
}

/** The bands as CSV, one row per output and month, numbers at full precision (the app's CSV builder). */
export const toCsv = (r: RunResult): string => runCsv(r);

/**
 * The analysis's codes (goal-seek and calibration reasons, swing bases, on-track statuses) as the English sentences
 * the app shows, rendered from the same message tables; one entry per analysed output.
 */
export function analysisText(a: Analysis): Record<string, unknown> {
  const t = translator('en');
  return Object.fromEntries(
    a.outputs.map((o) => [
      o.id,
      {
        onTrack: `${t(onTrackKey(o.onTrack.status))}: ${onTrackText(o.onTrack, 'en', t)}`,
        goalSeek: centralSeekText(o.goalSeek, 'en', t),
        goalSeekProbability: o.goalSeekProbability
          ? probabilitySeekText(o.goalSeekProbability, comparatorOf(o.goalSeek), 'en', t)
          : null,
        calibration:
          o.calibration.status === 'fitted'
            ? o.calibration.reasons.map((r) => reasonText(r, 'en', t, o.id))
            : [unfittedText(o.calibration, t)],
        sensitivity: o.sensitivity.rows.map((r) => `${r.param}: ${t(basisKey(r.basis))}`),
      },
    ]),
  );
}
