/**
 * Saved scenarios, kept in a Storage (localStorage in the browser; any object with getItem/setItem/removeItem is
 * accepted, so tests pass an in-memory one).
 *
 *   yangfan.saved.v1            { version: 1, items: [{ name, savedAt (ISO), state: LinkState }] }
 *   yangfan.saved               v0 (older releases): a plain array of { name, scenario }; migrated on load
 *   yangfan.saved.corrupt.<ts>  the raw text of a value that could not be read in full, moved aside
 *
 * Nothing here throws. A damaged value (bad JSON, wrong shape, a bad item) is reported, its good items are kept, and
 * its raw text is first copied to a backup key: it is never silently overwritten. If the copy cannot be made the
 * damaged value is left alone and every change is refused until the user deals with it. A value written by a newer
 * release is left alone too. Write errors (quota) are caught and reported.
 */
import { z } from 'zod/mini';
import { LinkStateSchema, NameSchema, defaultLinkState, type LinkState } from './link-state';
import { ScenarioSchema, formatIssues } from './schema';
import { isPlainObject, jsonProblemText, parseJson } from './safe-json';

export const SAVED_KEY = 'yangfan.saved.v1';
export const LEGACY_SAVED_KEY = 'yangfan.saved';
export const CORRUPT_KEY_PREFIX = 'yangfan.saved.corrupt.';
export const SAVED_VERSION = 1;
/** The most scenarios that may be saved. */
export const SAVED_MAX = 500;

/** The part of the Web Storage interface used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedItem {
  name: string;
  savedAt: string;
  state: LinkState;
}

export type StorageErrorCode =
  | 'unavailable' // the storage cannot be read (disabled, blocked)
  | 'corrupt' // the stored value was damaged: see dropped and backupKey
  | 'newer' // written by a newer release: left untouched, read-only
  | 'quota' // the storage is full
  | 'write' // another write failure
  | 'name' // an invalid name
  | 'state' // an invalid state
  | 'exists' // the new name is taken
  | 'missing' // no item of that name
  | 'full'; // SAVED_MAX items already

export interface StorageProblem {
  code: StorageErrorCode;
  message: string;
  /** Where the raw damaged value was copied to (corrupt only). */
  backupKey?: string;
  /** The items that could not be read (corrupt only). */
  dropped?: { index: number; name?: string; reason: string }[];
}

export interface LoadResult {
  items: SavedItem[];
  error?: StorageProblem;
  /** Set when an older format was migrated on this load. */
  migrated?: { from: number; count: number };
}

export type ChangeResult =
  { ok: true; items: SavedItem[]; warning?: StorageProblem } | { ok: false; items: SavedItem[]; error: StorageProblem };

export interface StorageOptions {
  /** The clock (for savedAt and backup keys); tests pass a fixed one. */
  now?: () => Date;
}

const SavedItemSchema = z.object({
  name: NameSchema,
  savedAt: z.iso.datetime({ error: 'savedAt must be an ISO date-time' }),
  state: LinkStateSchema,
});

const LegacyItemSchema = z.object({ name: NameSchema, scenario: ScenarioSchema });

/** Bounds of the stored JSON: SAVED_MAX items of a few hundred values each fit with room to spare. */
const STORE_JSON_LIMITS = { maxDepth: 32, maxNodes: 2_000_000 };
const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Writes a value; a problem on failure. */
function write(storage: StorageLike, key: string, value: string): StorageProblem | undefined {
  try {
    storage.setItem(key, value);
    return undefined;
  } catch (e) {
    return isQuotaError(e)
      ? {
          code: 'quota',
          message: 'The browser storage is full: delete some saved scenarios or free space, then try again.',
        }
      : { code: 'write', message: `Could not write to the browser storage (${describeError(e)}).` };
  }
}

const serialise = (items: SavedItem[]) => JSON.stringify({ version: SAVED_VERSION, items });

/** Copies a raw value to a fresh backup key; the key, or undefined if it could not be written. */
function backUp(storage: StorageLike, raw: string, now: Date): string | undefined {
  const base = CORRUPT_KEY_PREFIX + now.toISOString();
  for (let i = 0; i < 100; i++) {
    const key = i === 0 ? base : `${base}-${i + 1}`;
    let taken: boolean;
    try {
      taken = storage.getItem(key) !== null;
    } catch {
      return undefined;
    }
    if (taken) continue;
    return write(storage, key, raw) ? undefined : key;
  }
  return undefined;
}

/** Validates items one by one, keeping the good ones (first of each name). */
function sortItems(raw: readonly unknown[]): { items: SavedItem[]; dropped: NonNullable<StorageProblem['dropped']> } {
  const items: SavedItem[] = [];
  const dropped: NonNullable<StorageProblem['dropped']> = [];
  const names = new Set<string>();
  raw.forEach((x, index) => {
    const name = isPlainObject(x) && typeof x.name === 'string' ? x.name.slice(0, 80) : undefined;
    const r = SavedItemSchema.safeParse(x);
    if (!r.success) dropped.push({ index, name, reason: formatIssues(r.error.issues).slice(0, 3).join('; ') });
    else if (names.has(r.data.name)) dropped.push({ index, name, reason: 'a second item of the same name' });
    else if (items.length >= SAVED_MAX) dropped.push({ index, name, reason: `more than ${SAVED_MAX} items` });
    else {
      names.add(r.data.name);
      items.push(r.data);
    }
  });
  return { items, dropped };
}

/**
 * Handles a value that could not be read in full: copies the raw text aside, then stores the good items in its
 * place. If the copy fails, nothing is written.
 */
function quarantine(
  storage: StorageLike,
  raw: string,
  items: SavedItem[],
  what: string,
  dropped: StorageProblem['dropped'],
  now: Date,
): LoadResult {
  const backupKey = backUp(storage, raw, now);
  if (!backupKey)
    return {
      items,
      error: {
        code: 'corrupt',
        message: `The saved scenarios are damaged (${what}) and could not be backed up; they were left as they are and cannot be changed until storage space is freed.`,
        dropped,
      },
    };
  const problem = write(storage, SAVED_KEY, serialise(items));
  const kept = items.length ? ` ${items.length} good item${items.length > 1 ? 's were' : ' was'} kept.` : '';
  return {
    items,
    error: {
      code: 'corrupt',
      message:
        `The saved scenarios were damaged (${what}); the original was copied to ${backupKey}.${kept}` +
        (problem ? ` ${problem.message}` : ''),
      backupKey,
      dropped,
    },
  };
}

/** Migrates v0 (a plain array of { name, scenario }) read from `key`. */
function migrateV0(storage: StorageLike, key: string, raw: string, value: unknown[], now: Date): LoadResult {
  const items: SavedItem[] = [];
  const dropped: NonNullable<StorageProblem['dropped']> = [];
  const names = new Set<string>();
  const savedAt = now.toISOString();
  value.forEach((x, index) => {
    const name = isPlainObject(x) && typeof x.name === 'string' ? x.name.slice(0, 80) : undefined;
    const r = LegacyItemSchema.safeParse(x);
    if (!r.success) dropped.push({ index, name, reason: formatIssues(r.error.issues).slice(0, 3).join('; ') });
    else if (names.has(r.data.name)) dropped.push({ index, name, reason: 'a second item of the same name' });
    else if (items.length >= SAVED_MAX) dropped.push({ index, name, reason: `more than ${SAVED_MAX} items` });
    else {
      names.add(r.data.name);
      items.push({ name: r.data.name, savedAt, state: { ...defaultLinkState(), scenario: r.data.scenario } });
    }
  });
  const migrated = { from: 0, count: items.length };
  if (dropped.length) {
    const r = quarantine(
      storage,
      raw,
      items,
      `${dropped.length} unreadable item${dropped.length > 1 ? 's' : ''} in the old format`,
      dropped,
      now,
    );
    if (r.error?.backupKey && key !== SAVED_KEY) tryRemove(storage, key);
    return { ...r, migrated };
  }
  const problem = write(storage, SAVED_KEY, serialise(items));
  if (problem)
    return {
      items,
      migrated,
      error: { ...problem, message: `Could not store the upgraded saved scenarios: ${problem.message}` },
    };
  if (key !== SAVED_KEY) tryRemove(storage, key);
  return { items, migrated };
}

function tryRemove(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // A leftover old value is harmless: the new key takes precedence.
  }
}

function loadUnsafe(storage: StorageLike, now: Date): LoadResult {
  let raw: string | null;
  let key = SAVED_KEY;
  try {
    raw = storage.getItem(SAVED_KEY);
    if (raw === null) {
      key = LEGACY_SAVED_KEY;
      raw = storage.getItem(LEGACY_SAVED_KEY);
    }
  } catch (e) {
    return {
      items: [],
      error: { code: 'unavailable', message: `The browser storage cannot be read (${describeError(e)}).` },
    };
  }
  if (raw === null) return { items: [] };
  if (typeof raw !== 'string') raw = String(raw);
  const parsed = parseJson(raw, STORE_JSON_LIMITS);
  if (!parsed.ok)
    return quarantine(
      storage,
      raw,
      [],
      parsed.problem.code === 'syntax' ? 'not valid JSON' : jsonProblemText(parsed.problem, 'the value'),
      undefined,
      now,
    );
  const value = parsed.value;
  if (Array.isArray(value)) return migrateV0(storage, key, raw, value, now);
  if (!isPlainObject(value) || typeof value.version !== 'number')
    return quarantine(storage, raw, [], 'not a list of saved scenarios', undefined, now);
  if (value.version > SAVED_VERSION)
    return {
      items: [],
      error: {
        code: 'newer',
        message: `The saved scenarios were written by a newer version of Yangfan (format ${value.version}); they were left untouched. Please update.`,
      },
    };
  if (value.version !== SAVED_VERSION || !Array.isArray(value.items))
    return quarantine(storage, raw, [], 'not a list of saved scenarios', undefined, now);
  const { items, dropped } = sortItems(value.items);
  if (dropped.length)
    return quarantine(
      storage,
      raw,
      items,
      `${dropped.length} unreadable item${dropped.length > 1 ? 's' : ''}`,
      dropped,
      now,
    );
  return { items };
}

/** Reads the saved scenarios. Never throws: problems are reported in `error`, with the good items kept. */
export function loadSaved(storage: StorageLike, opts: StorageOptions = {}): LoadResult {
  try {
    return loadUnsafe(storage, (opts.now ?? (() => new Date()))());
  } catch (e) {
    return {
      items: [],
      error: { code: 'unavailable', message: `The saved scenarios could not be read (${describeError(e)}).` },
    };
  }
}

/** Loads, applies a change and writes back; refuses when the stored value must not be overwritten. */
function change(
  storage: StorageLike,
  opts: StorageOptions,
  apply: (items: SavedItem[], now: Date) => SavedItem[] | StorageProblem,
): ChangeResult {
  try {
    const now = (opts.now ?? (() => new Date()))();
    const loaded = loadUnsafe(storage, now);
    const e = loaded.error;
    if (e && (e.code === 'unavailable' || e.code === 'newer' || (e.code === 'corrupt' && !e.backupKey)))
      return { ok: false, items: loaded.items, error: e };
    const next = apply([...loaded.items], now);
    if (!Array.isArray(next)) return { ok: false, items: loaded.items, error: next };
    const problem = write(storage, SAVED_KEY, serialise(next));
    if (problem) return { ok: false, items: loaded.items, error: problem };
    return e ? { ok: true, items: next, warning: e } : { ok: true, items: next };
  } catch (err) {
    return {
      ok: false,
      items: [],
      error: { code: 'write', message: `The saved scenarios could not be changed (${describeError(err)}).` },
    };
  }
}

function checkName(name: unknown): string | StorageProblem {
  const trimmed = typeof name === 'string' ? name.trim() : name;
  const r = NameSchema.safeParse(trimmed);
  return r.success ? r.data : { code: 'name', message: r.error.issues[0]?.message ?? 'invalid name' };
}

/** Saves a state under a name (replacing an item of the same name, in place). */
export function saveScenario(
  storage: StorageLike,
  name: string,
  state: LinkState,
  opts: StorageOptions = {},
): ChangeResult {
  return change(storage, opts, (items, now) => {
    const n = checkName(name);
    if (typeof n !== 'string') return n;
    const s = LinkStateSchema.safeParse(state);
    if (!s.success)
      return {
        code: 'state',
        message: `The scenario is invalid: ${formatIssues(s.error.issues).slice(0, 3).join('; ')}`,
      };
    const item: SavedItem = { name: n, savedAt: now.toISOString(), state: s.data };
    const at = items.findIndex((x) => x.name === n);
    if (at >= 0) items[at] = item;
    else if (items.length >= SAVED_MAX)
      return { code: 'full', message: `At most ${SAVED_MAX} scenarios can be saved: delete some first.` };
    else items.push(item);
    return items;
  });
}

/** Deletes the item of that name. */
export function deleteSaved(storage: StorageLike, name: string, opts: StorageOptions = {}): ChangeResult {
  return change(storage, opts, (items) => {
    const at = items.findIndex((x) => x.name === name);
    if (at < 0) return { code: 'missing', message: `No saved scenario is named “${String(name).slice(0, 80)}”.` };
    items.splice(at, 1);
    return items;
  });
}

/** Renames an item (its saved time is kept). */
export function renameSaved(storage: StorageLike, from: string, to: string, opts: StorageOptions = {}): ChangeResult {
  return change(storage, opts, (items) => {
    const n = checkName(to);
    if (typeof n !== 'string') return n;
    const at = items.findIndex((x) => x.name === from);
    if (at < 0) return { code: 'missing', message: `No saved scenario is named “${String(from).slice(0, 80)}”.` };
    if (n !== from && items.some((x) => x.name === n))
      return { code: 'exists', message: `A saved scenario is already named “${n}”.` };
    items[at] = { ...items[at], name: n };
    return items;
  });
}
