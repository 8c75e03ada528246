/**
 * Scenario files. An exported file is an ordinary scenario file with a few identifying fields first: the app, the
 * file format, the model and data versions and the export time. importScenarioJson (the import dialog and the CLI)
 * accepts those and plain scenario files such as scenarios/*.json, never throws, caps the size, refuses prototype
 * keys and unknown keys (strict.ts), applies the file to the preset it names (or to the registry defaults) and
 * validates with the scenario schema.
 */
import { DATA_VERSION, MODEL_VERSION } from '../model/version';
import { isPlainObject, jsonProblemText, parseJson, printable } from './safe-json';
import { ScenarioSchema, parseScenario, type Scenario } from './schema';
import { migrateOldKeys, onBasis, unknownKeys, type ScenarioBasis } from './strict';

export type { ScenarioBasis } from './strict';

export const APP_NAME = 'Yangfan 扬帆';
export const FILE_FORMAT = 'yangfan-scenario';
export const FILE_FORMAT_VERSION = 1;
/** Larger files are refused (in UTF-8 bytes). */
export const IMPORT_MAX_BYTES = 1_000_000;
const MAX_DEPTH = 32;
const MAX_NODES = 100_000;

export interface ExportMeta {
  /** When the file was made (default: now). */
  exportedAt?: Date | string;
  /** The name the scenario was saved under, if any. */
  savedName?: string;
}

/** The identifying fields an exported file starts with. */
export interface FileMeta {
  app: string;
  format: string;
  formatVersion: number;
  modelVersion: string;
  dataVersion: string;
  exportedAt: string;
  savedName?: string;
}

const META_KEYS = ['app', 'format', 'formatVersion', 'modelVersion', 'dataVersion', 'exportedAt', 'savedName'] as const;
/** Fields a preset file carries beside its scenario. */
const PRESET_KEYS = ['name', 'rationale'];
const SCENARIO_KEYS = Object.keys(ScenarioSchema.def.shape);

/** The scenario as pretty-printed JSON, with the app's name and the model and data versions. */
export function exportScenarioJson(scenario: Scenario, meta: ExportMeta = {}): string {
  const at = meta.exportedAt ?? new Date();
  const head: FileMeta = {
    app: APP_NAME,
    format: FILE_FORMAT,
    formatVersion: FILE_FORMAT_VERSION,
    modelVersion: MODEL_VERSION,
    dataVersion: DATA_VERSION,
    exportedAt: typeof at === 'string' ? at : at.toISOString(),
    ...(meta.savedName !== undefined && { savedName: meta.savedName }),
  };
  return JSON.stringify({ ...head, ...scenario }, null, 2) + '\n';
}

/** A warning of a file that was read. */
export type ImportWarning =
  /** Made with another model version. */
  | { code: 'old-model'; made: string }
  /** Made with other reference data. */
  | { code: 'old-data'; made: string }
  /** Holds field names of an older version, renamed (`as_of → asOf`). */
  | { code: 'renamed'; fields: string[] };

/** The message keys (in src/i18n's tables) that render import warnings. */
export type ImportWarningKey = 'importOldModel' | 'importOldData' | 'importRenamed';

/** The message of an import warning (a key of the message tables and its parameters), for the app and the CLI. */
export function importWarningMessage(
  w: ImportWarning,
  current: { mv: string; dv: string },
): { key: ImportWarningKey; params: Record<string, string | number> } {
  switch (w.code) {
    case 'old-model':
      return { key: 'importOldModel', params: { old: w.made, mv: current.mv } };
    case 'old-data':
      return { key: 'importOldData', params: { old: w.made, dv: current.dv } };
    case 'renamed':
      return { key: 'importRenamed', params: { fields: w.fields.join(', ') } };
    default:
      return w satisfies never;
  }
}

export type ImportErrorCode = 'empty' | 'too-large' | 'json' | 'not-object' | 'version' | 'schema';
export type ImportResult =
  | { ok: true; scenario: Scenario; basis: ScenarioBasis; warnings: ImportWarning[]; meta?: Partial<FileMeta> }
  | { ok: false; error: { code: ImportErrorCode; message: string; errors?: string[] } };

const fail = (code: ImportErrorCode, message: string, errors?: string[]): ImportResult => ({
  ok: false,
  error: { code, message, ...(errors && { errors }) },
});

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const list = (lines: string[]) =>
  `${lines.slice(0, 5).join('; ')}${lines.length > 5 ? `; and ${lines.length - 5} more` : ''}`;

function importUnsafe(text: string): ImportResult {
  if (typeof text !== 'string') return fail('empty', 'No file content.');
  if (text.length > IMPORT_MAX_BYTES || (text.length * 3 > IMPORT_MAX_BYTES && utf8Length(text) > IMPORT_MAX_BYTES))
    return fail('too-large', `The file is larger than ${IMPORT_MAX_BYTES / 1_000_000} MB.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('empty', 'The file is empty.');
  const parsed = parseJson(body, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES });
  if (!parsed.ok) {
    const what = jsonProblemText(parsed.problem, 'the file');
    return fail(
      'json',
      parsed.problem.code === 'syntax' ? `${capitalise(what)}.` : `The file cannot be read: ${what}.`,
    );
  }
  const value = parsed.value;
  if (!isPlainObject(value)) return fail('not-object', 'The file does not hold a scenario (a JSON object).');
  let doc = value;
  const warnings: ImportWarning[] = [];
  let meta: Partial<FileMeta> | undefined;
  const isExport = doc.format !== undefined || doc.app !== undefined;
  if (isExport) {
    if (doc.format !== FILE_FORMAT) return fail('not-object', 'The file is not a Yangfan scenario file.');
    const fv = doc.formatVersion;
    if (typeof fv !== 'number' || !Number.isInteger(fv) || fv < 1)
      return fail('schema', 'formatVersion must be a whole number from 1.');
    if (fv > FILE_FORMAT_VERSION)
      return fail('version', `The file was made by a newer version of Yangfan (file format ${fv}); please update.`);
    meta = {};
    for (const k of META_KEYS) if (doc[k] !== undefined) (meta as Record<string, unknown>)[k] = doc[k];
    const mv = typeof doc.modelVersion === 'string' ? printable(doc.modelVersion, 32) : undefined;
    const dv = typeof doc.dataVersion === 'string' ? printable(doc.dataVersion, 32) : undefined;
    if (mv !== undefined && mv !== MODEL_VERSION) warnings.push({ code: 'old-model', made: mv });
    if (dv !== undefined && dv !== DATA_VERSION) warnings.push({ code: 'old-data', made: dv });
  }
  const migrated = migrateOldKeys(doc);
  doc = migrated.doc;
  if (migrated.renamed.length) warnings.push({ code: 'renamed', fields: migrated.renamed });
  // Every key must be known: a misspelt one would otherwise be dropped and its default used without a word.
  const unknown = unknownKeys(doc, [...(isExport ? META_KEYS : []), ...PRESET_KEYS]);
  if (unknown.length) return fail('schema', `The file holds unknown fields: ${list(unknown)}`, unknown);
  const scenario: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (SCENARIO_KEYS.includes(k)) scenario[k] = v;
  const based = onBasis(scenario);
  if ('error' in based) return fail('schema', `The scenario in the file is invalid: ${based.error}`, [based.error]);
  const r = parseScenario(based.raw);
  if (!r.ok) return fail('schema', `The scenario in the file is invalid: ${list(r.errors)}`, r.errors);
  return { ok: true, scenario: r.scenario, basis: based.basis, warnings, ...(meta && { meta }) };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Reads a scenario file (an exported one, a preset file or a plain scenario JSON). Never throws; no message quotes
 * the file's content (unknown keys are named, cleaned of control characters).
 */
export function importScenarioJson(text: string): ImportResult {
  try {
    return importUnsafe(text);
  } catch {
    return fail('json', 'The file could not be read.');
  }
}
