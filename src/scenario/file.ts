/**
 * Scenario files. An exported file is an ordinary scenario file (the CLI and parseScenario read it as is) with a
 * few identifying fields first: the app, the file format, the model and data versions and the export time.
 * importScenarioJson accepts those and plain scenario files such as scenarios/*.json, never throws, caps the size,
 * refuses prototype keys and validates with the scenario schema.
 */
import { DATA_VERSION, MODEL_VERSION } from '../model/version';
import { ScenarioSchema, parseScenario, type Scenario } from './schema';

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

export type ImportErrorCode = 'empty' | 'too-large' | 'json' | 'not-object' | 'version' | 'schema';
export type ImportResult =
  | { ok: true; scenario: Scenario; warnings: string[]; meta?: Partial<FileMeta> }
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

/** Checks a parsed JSON tree without recursion; a message if it is too deep, too big or holds a prototype key. */
function treeProblem(root: unknown): string | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > MAX_NODES) return 'the file holds too many values';
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return 'the file is nested too deeply';
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
    else
      for (const k of Object.keys(v)) {
        if (k === '__proto__' || k === 'constructor' || k === 'prototype') return `the file holds a forbidden key "${k}"`;
        stack.push([(v as Record<string, unknown>)[k], depth + 1]);
      }
  }
  return undefined;
}

function importUnsafe(text: string): ImportResult {
  if (typeof text !== 'string') return fail('empty', 'No file content.');
  if (text.length > IMPORT_MAX_BYTES || (text.length * 3 > IMPORT_MAX_BYTES && utf8Length(text) > IMPORT_MAX_BYTES))
    return fail('too-large', `The file is larger than ${IMPORT_MAX_BYTES / 1_000_000} MB.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('empty', 'The file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return fail('json', `The file is not valid JSON (${(e instanceof Error ? e.message : String(e)).slice(0, 160)}).`);
  }
  const problem = treeProblem(value);
  if (problem) return fail('json', `The file cannot be read: ${problem}.`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('not-object', 'The file does not hold a scenario (a JSON object).');
  const doc = value as Record<string, unknown>;
  const warnings: string[] = [];
  let meta: Partial<FileMeta> | undefined;
  if (doc.format !== undefined || doc.app !== undefined) {
    if (doc.format !== FILE_FORMAT) return fail('not-object', 'The file is not a Yangfan scenario file.');
    const fv = doc.formatVersion;
    if (typeof fv !== 'number' || !Number.isInteger(fv) || fv < 1) return fail('schema', 'formatVersion must be a whole number from 1.');
    if (fv > FILE_FORMAT_VERSION)
      return fail('version', `The file was made by a newer version of Yangfan (file format ${fv}); please update.`);
    meta = {};
    for (const k of META_KEYS) if (doc[k] !== undefined) (meta as Record<string, unknown>)[k] = doc[k];
    const mv = typeof doc.modelVersion === 'string' ? doc.modelVersion.slice(0, 32) : undefined;
    const dv = typeof doc.dataVersion === 'string' ? doc.dataVersion.slice(0, 32) : undefined;
    if (mv !== undefined && mv !== MODEL_VERSION)
      warnings.push(`The file was made with model version ${mv}; this is ${MODEL_VERSION}, so results may differ.`);
    if (dv !== undefined && dv !== DATA_VERSION)
      warnings.push(`The file was made with the reference data of ${dv}; this is ${DATA_VERSION}, so results may differ.`);
  }
  const scenario: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (SCENARIO_KEYS.includes(k)) scenario[k] = v;
    else if (!(META_KEYS as readonly string[]).includes(k) && !PRESET_KEYS.includes(k)) unknown.push(k.slice(0, 40));
  }
  if (unknown.length) warnings.push(`Ignored unknown fields: ${unknown.slice(0, 8).join(', ')}${unknown.length > 8 ? ', …' : ''}.`);
  const r = parseScenario(scenario);
  if (!r.ok) return fail('schema', `The scenario in the file is invalid: ${r.errors.slice(0, 5).join('; ')}${r.errors.length > 5 ? '; …' : ''}`, r.errors);
  return { ok: true, scenario: r.scenario, warnings, ...(meta && { meta }) };
}

/** Reads a scenario file (an exported one or a plain scenario JSON). Never throws. */
export function importScenarioJson(text: string): ImportResult {
  try {
    return importUnsafe(text);
  } catch (e) {
    return fail('json', `The file could not be read (${(e instanceof Error ? e.message : String(e)).slice(0, 160)}).`);
  }
}
