/**
 * Pure helpers of the forecast CLI: argument parsing and the three renderings of a run (table, JSON, CSV).
 * Nothing here reads files or writes to the console; cli/forecast.ts does that.
 */
import { OUTPUTS, type OutputId, type Target } from '../src/model/indicators';
import { PLAN_IDS, PLANS } from '../src/model/plans';
import { formatMonth, type Month } from '../src/model/months';
import type { RunResult } from '../src/model/types';
import type { Scenario } from '../src/scenario/schema';
import { BAND_COLUMNS, runCsv } from '../src/export/csv';

export const USAGE = `Usage: npm run forecast -- <scenario.json | share link> [options]
       tsx cli/forecast.ts <scenario.json | share link> [options]

Runs the Monte Carlo of a scenario file (a preset in scenarios/ or any scenario JSON) or of the scenario in a share
link (the app's address, or its #v1.… part; quote it in the shell) and prints, for every output,
its central value at the deadline of the scenario's plan (2023-12 for the 2021 Sailing plan, 2027-12 for the 2024
upgrade plan), the target, the verdict and margin, the probability of meeting the target, and the month by which half
the samples have met it.

Options:
  --json         print the full result as JSON (paths, bands, crossing distributions)
  --csv          print the bands as CSV: indicator,month,central,p5,p10,p25,p50,p75,p90,p95
  --analysis     with --json: add calibration, goal seek, sensitivity and on-track status per headline target
  --backtest     re-run the scenario as of every quarter end from 2021-06 to the last data and grade the forecasts
                 (band coverage, error by horizon, Brier score); with --json the whole result
  --samples N    number of Monte Carlo samples (overrides the file's; 100 to 200000)
  --seed N       random seed (overrides the file's; 0 to 4294967295)
  --plan ID      the plan whose targets to read: ${PLAN_IDS.join(' or ')} (overrides the file's; another plan than the
                 file's takes that plan's default as-of date and horizon)
  -h, --help     show this help

Exit codes: 0 success, 2 bad arguments or an invalid scenario (each problem is named on stderr), 1 other failure.`;

/** Returns whether a command-line argument is a share link (a URL or hash holding `#v<version>.`) rather than a file. */
export function isShareLink(arg: string): boolean {
  return /#v\d+[.=]/.test(arg);
}

export interface CliOptions {
  file: string;
  format: 'table' | 'json' | 'csv';
  /** Overrides as typed; the scenario schema validates them with the file's own fields. */
  samples?: string;
  seed?: string;
  plan?: string;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; options: CliOptions } | { kind: 'error'; message: string };

/** Parses the command line (without `node` and the script). Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let file: string | undefined;
  let format: CliOptions['format'] = 'table';
  let samples: string | undefined;
  let seed: string | undefined;
  let plan: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json' || arg === '--csv') {
      const f = arg === '--json' ? 'json' : 'csv';
      if (format !== 'table' && format !== f) return { kind: 'error', message: '--json and --csv cannot be combined' };
      format = f;
      continue;
    }
    const m = /^--(samples|seed|plan)(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (value === undefined || (m[2] === undefined && value.startsWith('--'))) {
        const eg = m[1] === 'samples' ? '10000' : m[1] === 'plan' ? 'upgrade-2024' : '42';
        return { kind: 'error', message: `--${m[1]} needs a value, e.g. --${m[1]} ${eg}` };
      }
      if (m[1] === 'samples') samples = value;
      else if (m[1] === 'plan') plan = value;
      else seed = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { kind: 'error', message: `unknown option ${arg}` };
    if (file !== undefined) return { kind: 'error', message: `one scenario file only (got ${file} and ${arg})` };
    file = arg;
  }
  if (file === undefined) return { kind: 'error', message: 'no scenario file given' };
  return { kind: 'run', options: { file, format, samples, seed, ...(plan !== undefined && { plan }) } };
}

/**
 * Returns the value typed for --samples or --seed as the schema should see it: a number when the text is one
 * (so `--samples 1e3` is 1000), else the text itself, which the schema refuses with its own message.
 */
export function overrideValue(text: string): number | string {
  const t = text.trim();
  const v = Number(t);
  return t !== '' && Number.isFinite(v) ? v : text;
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
      return fixed(v, Math.abs(v) >= 1000 ? 0 : 1);
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
      return `${sign}${fixed(a, a >= 1000 ? 0 : 1)}`;
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

/** Formats a crossing month; a crossing at the path's first month is shown as "≤ month" (it may have come earlier). */
export function formatCrossing(m: Month | null, start: Month, horizon: Month): string {
  if (m === null) return `not by ${formatMonth(horizon)}`;
  return m === start ? `≤ ${formatMonth(m)}` : formatMonth(m);
}

// --- Renderings ------------------------------------------------------------------------------------------------------

const pad = (s: string, w: number, right = false) => {
  const len = [...s].length;
  return len >= w ? s : right ? ' '.repeat(w - len) + s : s + ' '.repeat(w - len);
};

/** The readable table: one line per output (headline indicators, then programme targets) and the joint probability. */
export function renderTable(r: RunResult, s: Scenario, file: string): string {
  const deadline = formatMonth(r.deadline);
  const head = ['output', `${deadline} central`, 'target', 'verdict', 'margin', 'P(met)', 'median crossing', 'central crossing'];
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
      formatCrossing(o.crossingMedian, o.start, r.horizon),
      formatCrossing(o.crossing, o.start, r.horizon),
    ];
  };
  const plan = PLANS[r.plan];
  const headline = plan.headline.map(row);
  const programme = plan.further.map(row);
  const all = [head, ...headline, ...programme];
  const widths = head.map((_, c) => Math.max(...all.map((cells) => [...cells[c]].length)));
  const line = (cells: string[]) => cells.map((x, c) => pad(x, widths[c], right[c])).join('  ').trimEnd();
  const rule = '─'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
  const name = s.title || s.preset;
  return [
    `Yangfan forecast: ${name} (${file})`,
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
