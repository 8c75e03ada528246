/**
 * The forecast CLI: `npm run forecast -- <scenario.json> [--json [--analysis] | --csv] [--samples N] [--seed N]`.
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
import { USAGE, analysisText, isShareLink, parseArgs, renderTable, toCsv, toJson, withOverrides } from './format';

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
  const args = parseArgs(argv.filter((a) => a !== '--analysis'));
  if (args.kind === 'help') {
    out(USAGE);
    return;
  }
  if (args.kind === 'error') fail([`error: ${args.message}`, '', USAGE]);
  const o = args.options;
  if (withAnalysis && o.format !== 'json') fail(['error: --analysis needs --json', '', USAGE]);

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

  if (o.format === 'json') {
    const json = toJson(result, scenario) as object;
    out(JSON.stringify(analysis ? { ...json, analysis, analysisText: analysisText(analysis) } : json, null, 2));
  }
  else if (o.format === 'csv') out(toCsv(result));
  else out(renderTable(result, scenario, o.file));
}

main(process.argv.slice(2));
