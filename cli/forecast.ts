/**
 * The forecast CLI: `npm run forecast -- <scenario.json> [--json [--analysis] | --csv] [--backtest] [--samples N] [--seed N]`.
 * `--backtest` re-runs the scenario as of every quarter end and grades its forecasts (cli/backtest.ts).
 * `--analysis` (with --json) adds the analysis bundle of src/model/analysis.ts: calibration, goal seeks, tornado and
 * on-track status of every headline output.
 * Reads a scenario file, validates it with the scenario schema (the same one every other entry point uses), runs the
 * Monte Carlo and prints a table, JSON or CSV. Bad input exits with code 2 and one message per problem on stderr.
 * The formatting lives in cli/format.ts; this file only does the input and output.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/schema';
import { decodeLink } from '../src/scenario/codec';
import { runModel } from '../src/model/monte-carlo';
import { analyse, type Analysis } from '../src/model/analysis';
import { USAGE, isShareLink, parseArgs, renderTable, toCsv, toJson, withOverrides } from './format';
import { cliBacktest, renderBacktest } from './backtest';

/** Writes to stdout; a closed pipe (e.g. `| head`) ends the program quietly. */
function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

function fail(lines: string[], code = 2): never {
  process.stderr.write(lines.map((l) => l + '\n').join(''));
  process.exit(code);
}

function main(argv: string[]): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

  const withAnalysis = argv.includes('--analysis');
  const withBacktest = argv.includes('--backtest');
  const args = parseArgs(argv.filter((a) => a !== '--analysis' && a !== '--backtest'));
  if (args.kind === 'help') {
    out(USAGE);
    return;
  }
  if (args.kind === 'error') fail([`error: ${args.message}`, '', USAGE]);
  const o = args.options;
  if (withAnalysis && o.format !== 'json') fail(['error: --analysis needs --json', '', USAGE]);
  if (withBacktest && (withAnalysis || o.format === 'csv')) fail(['error: --backtest prints a table or, with --json, JSON (not with --csv or --analysis)', '', USAGE]);

  // A share link (a whole URL or its `#v…` hash) stands for its scenario; anything else is a scenario file.
  let raw: unknown;
  if (isShareLink(o.file)) {
    const link = decodeLink(o.file.slice(o.file.indexOf('#')));
    if (!link.ok) fail([`error: the share link cannot be read (${link.error.code}): ${link.error.message}`]);
    for (const w of link.warnings) process.stderr.write(`note: ${w}\n`);
    raw = link.state.scenario;
  } else {
    let text: string;
    try {
      text = readFileSync(o.file, 'utf8');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message;
      fail([`error: cannot read scenario file ${o.file}: ${why}`]);
    }
    try {
      raw = JSON.parse(text);
    } catch (e) {
      fail([`error: ${o.file} is not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ')}`]);
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      fail([`error: ${o.file} must hold a JSON object (a scenario), not ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`}`]);
    }
  }

  const parsed = parseScenario(withOverrides(raw, o));
  if (!parsed.ok) {
    const from = [o.samples !== undefined ? `--samples ${o.samples}` : '', o.seed !== undefined ? `--seed ${o.seed}` : '']
      .filter(Boolean)
      .join(', ');
    fail([`error: invalid scenario in ${o.file}${from ? ` (with ${from})` : ''}:`, ...parsed.errors.map((m) => `  ${m}`)]);
  }
  const scenario = parsed.scenario;

  if (withBacktest) {
    // The backtest grades forecasts against published outcomes: only the 2021 plan's targets (2023-12) have them.
    if (scenario.plan === 'upgrade-2024') {
      fail([`error: --backtest grades the 2021 plan's targets, the only ones with outcomes yet; ${o.file} names the upgrade plan (targets at 2027-12)`]);
    }
    try {
      const r = cliBacktest(scenario);
      out(o.format === 'json' ? JSON.stringify(r, null, 2) : renderBacktest(r, o.file));
    } catch (e) {
      fail([`error: the backtest failed on ${o.file}: ${(e as Error).message}`], 1);
    }
    return;
  }

  let result;
  try {
    result = runModel(scenario);
  } catch (e) {
    fail([`error: the model failed on ${o.file}: ${(e as Error).message}`], 1);
  }

  let analysis: Analysis | undefined;
  if (withAnalysis) {
    try {
      analysis = analyse(scenario);
    } catch (e) {
      fail([`error: the analysis failed on ${o.file}: ${(e as Error).message}`], 1);
    }
  }

  if (o.format === 'json') out(JSON.stringify(analysis ? { ...(toJson(result, scenario) as object), analysis } : toJson(result, scenario), null, 2));
  else if (o.format === 'csv') out(toCsv(result));
  else out(renderTable(result, scenario, o.file));
}

main(process.argv.slice(2));
