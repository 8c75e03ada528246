/**
 * The forecast CLI: `npm run forecast -- <scenario.json | share link | -> [--json [--analysis] | --csv] [--samples N]
 * [--seed N]`. `--analysis` (with --json) adds the analysis bundle of src/model/analysis.ts: calibration, goal
 * seeks, tornado and on-track status of every headline output.
 * Reads a scenario file, standard input or a share link through the same readers as the app (importScenarioJson,
 * decodeLink), runs the Monte Carlo and prints a table, JSON or CSV. Bad input exits with code 2 and one line per
 * problem on stderr; a failed model run or a failed write (closed pipe, full disk) exits with 1; never a stack trace.
 * `--backtest` re-runs the scenario as of every quarter end and grades its forecasts (cli/backtest.ts).
 * The formatting lives in cli/format.ts, the guarded reading and writing in cli/io.ts.
 */
import { importScenarioJson, importWarningMessage, type ScenarioBasis } from '../src/scenario/file';
import { decodeLink, warningMessage } from '../src/scenario/link';
import { REGISTRY_DEFAULTS, basisName, presetById } from '../src/scenario/presets';
import { parseScenario, type Scenario } from '../src/scenario/schema';
import { printable } from '../src/scenario/safe-json';
import type { Analysis } from '../src/model/analysis';
import { DATA_VERSION, MODEL_VERSION } from '../src/model/version';
import { translator } from '../src/i18n';
import { USAGE, analysisText, parseArgs, renderTable, toCsv, toJson, withOverrides, type CliOptions } from './format';
import { CliError, readFileBytes, readStdinBytes, utf8Text, writeErr, writeOut } from './io';

function fail(lines: string[], code: 1 | 2 = 2): never {
  writeErr(lines);
  process.exit(code);
}

/** The scenario of the input, its basis and notes to print; a CliError when it cannot be read. */
function readScenario(o: CliOptions): { raw: Scenario; basis: ScenarioBasis; notes: string[] } {
  const input = o.input;
  if (input.kind === 'link') {
    const link = decodeLink(input.link.slice(input.link.indexOf('#')));
    if (!link.ok) throw new CliError(`the share link cannot be read (${link.error.code}): ${link.error.message}`);
    const t = translator('en');
    const notes = link.warnings.map((w) => {
      const m = warningMessage(w, { mv: MODEL_VERSION, dv: DATA_VERSION });
      return t(m.key, m.params);
    });
    const preset = link.state.scenario.preset;
    const basis: ScenarioBasis =
      presetById(preset) || preset !== REGISTRY_DEFAULTS
        ? { kind: 'preset', id: preset }
        : { kind: 'registry-defaults' };
    return { raw: link.state.scenario, basis, notes };
  }
  const name = input.kind === 'stdin' ? 'standard input' : input.path;
  const text = utf8Text(input.kind === 'stdin' ? readStdinBytes() : readFileBytes(input.path), name);
  const r = importScenarioJson(text);
  if (!r.ok) {
    const lines = r.error.errors ?? [];
    throw new CliError(
      lines.length
        ? [`invalid scenario in ${printable(name, 200)}:`, ...lines.map((l) => `  ${l}`)].join('\n')
        : `${printable(name, 200)}: ${r.error.message}`,
    );
  }
  const t = translator('en');
  const notes = r.warnings.map((w) => {
    const m = importWarningMessage(w, { mv: MODEL_VERSION, dv: DATA_VERSION });
    return t(m.key, m.params);
  });
  return { raw: r.scenario, basis: r.basis, notes };
}

async function main(argv: string[]): Promise<void> {
  const withAnalysis = argv.includes('--analysis');
  const withBacktest = argv.includes('--backtest');
  const args = parseArgs(argv.filter((a) => a !== '--analysis' && a !== '--backtest'));
  if (args.kind === 'help') {
    writeOut(USAGE);
    return;
  }
  if (args.kind === 'error') fail([`error: ${args.message}`, `(npm run forecast -- --help for the usage)`]);
  const o = args.options;
  if (withAnalysis && o.format !== 'json') fail(['error: --analysis needs --json']);
  if (withBacktest && (withAnalysis || o.format === 'csv'))
    fail(['error: --backtest prints a table or, with --json, JSON (not with --csv or --analysis)']);

  const { raw, basis, notes } = readScenario(o);
  for (const n of notes) writeErr([`note: ${n}`]);
  const parsed = parseScenario(withOverrides(raw, o));
  if (!parsed.ok) {
    const from = [
      o.samples !== undefined ? `--samples ${o.samples}` : '',
      o.seed !== undefined ? `--seed ${o.seed}` : '',
      o.plan !== undefined ? `--plan ${printable(o.plan, 40)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    fail([
      `error: invalid scenario in ${printable(o.file, 200)}${from ? ` (with ${from})` : ''}:`,
      ...parsed.errors.map((m) => `  ${m}`),
    ]);
  }
  const scenario = parsed.scenario;

  if (withBacktest) {
    // Under the 2021 plan the forecasts are graded against the outcomes at 2023-12 too; under the upgrade plan
    // (2027-12, no outcome yet) against the figures published after each vintage only (cli/backtest.ts).
    const { backtestJson, cliBacktest, renderBacktest } = await import('./backtest');
    let r;
    try {
      r = cliBacktest(scenario);
    } catch (e) {
      fail(
        [
          `error: the backtest failed on ${printable(o.file, 200)}: ${printable((e as Error).message ?? String(e), 300)}`,
        ],
        1,
      );
    }
    writeOut(
      o.format === 'json' ? JSON.stringify(backtestJson(r), null, 2) : renderBacktest(r, printable(o.file, 200)),
    );
    return;
  }

  // The model is loaded only once the input has been accepted: refusing bad input stays cheap.
  const { runModel } = await import('../src/model/monte-carlo');
  let result;
  try {
    result = runModel(scenario);
  } catch (e) {
    fail(
      [`error: the model failed on ${printable(o.file, 200)}: ${printable((e as Error).message ?? String(e), 300)}`],
      1,
    );
  }

  let analysis: Analysis | undefined;
  if (withAnalysis) {
    const { analyse } = await import('../src/model/analysis');
    try {
      analysis = analyse(scenario);
    } catch (e) {
      fail(
        [
          `error: the analysis failed on ${printable(o.file, 200)}: ${printable((e as Error).message ?? String(e), 300)}`,
        ],
        1,
      );
    }
  }

  const basisLabel =
    basis.kind === 'preset'
      ? `preset ${basis.id}${presetById(basis.id) ? ` (${basisName(basis.id, 'en')})` : ''}`
      : 'registry defaults (注册表默认值): the file names no preset';
  const basisShort = basis.kind === 'preset' ? basisName(basis.id, 'en') : basisName(REGISTRY_DEFAULTS, 'en');
  const basisJson =
    basis.kind === 'preset'
      ? { kind: 'preset', id: basis.id }
      : {
          kind: 'registry-defaults',
          name: { en: basisName(REGISTRY_DEFAULTS, 'en'), zh: basisName(REGISTRY_DEFAULTS, 'zh') },
        };
  if (o.format === 'json') {
    const j = {
      ...(toJson(result, scenario) as object),
      basis: basisJson,
      ...(analysis && { analysis, analysisText: analysisText(analysis) }),
    };
    writeOut(JSON.stringify(j, null, 2));
  } else if (o.format === 'csv') writeOut(toCsv(result));
  else
    writeOut(
      renderTable(result, scenario, o.input.kind === 'stdin' ? 'standard input' : o.file, basisLabel, basisShort),
    );
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof CliError) fail([`error: ${e.message}`], e.exitCode);
  // Anything else is a bug: one line, no stack (set YANGFAN_DEBUG=1 for it).
  if (process.env.YANGFAN_DEBUG) writeErr([String((e as Error)?.stack ?? e)]);
  fail([`error: internal failure: ${printable(String((e as Error)?.message ?? e), 300).split('\n')[0]}`], 1);
}
