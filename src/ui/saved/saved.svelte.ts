/**
 * Saved scenarios in this browser (src/scenario/storage.ts over localStorage), as reactive state. Loading never
 * fails: a damaged stored value is reported (with the backup key it was copied to) and the good items kept. A
 * damaged value that could not be backed up (the storage is full) blocks every change: the notice then offers to
 * download it as it is and clear it, so it is neither lost nor in the way.
 */
import {
  SAVED_KEY,
  LEGACY_SAVED_KEY,
  loadSaved,
  saveScenario,
  deleteSaved,
  renameSaved,
  type SavedItem,
  type StorageLike,
  type StorageProblem,
  type ChangeResult,
} from '../../scenario/storage';
import type { LinkState } from '../../scenario/link-state';
import type { Notices } from '../app/notices.svelte';
import type { NoticeLine } from '../share/link-hash';
import type { MessageKey } from '../../i18n';

/** localStorage, or a storage whose every access fails (blocked), so loadSaved reports it. */
function browserStorage(): StorageLike {
  try {
    const s = localStorage;
    if (s) return s;
  } catch {
    // fall through
  }
  const fail = () => {
    throw new Error('localStorage is not available');
  };
  return { getItem: fail, setItem: fail, removeItem: fail };
}

const PROBLEM_KEYS: Record<StorageProblem['code'], MessageKey> = {
  unavailable: 'storeUnavailable',
  corrupt: 'storeCorrupt',
  newer: 'storeNewer',
  quota: 'storeQuota',
  write: 'storeWrite',
  name: 'storeName',
  state: 'storeState',
  exists: 'storeExists',
  missing: 'storeMissing',
  full: 'storeFull',
};

/** The translated lines of a storage problem. */
export function problemLines(p: StorageProblem): { title: NoticeLine; lines: NoticeLine[] } {
  const lines: NoticeLine[] = [];
  if (p.backupKey) lines.push({ key: 'storeBackupKept', params: { key: p.backupKey } });
  if (p.code === 'corrupt' && !p.backupKey) lines.push({ key: 'storeNoBackup' });
  if (p.dropped?.length) lines.push({ key: 'storeDropped', params: { n: p.dropped.length } });
  return { title: { key: PROBLEM_KEYS[p.code] }, lines };
}

export class SavedScenarios {
  items = $state.raw<SavedItem[]>([]);
  loaded = $state(false);
  readonly #storage: StorageLike;
  readonly #notices: Notices;

  constructor(notices: Notices, storage: StorageLike = browserStorage()) {
    this.#notices = notices;
    this.#storage = storage;
  }

  load(): void {
    const r = loadSaved(this.#storage);
    this.items = r.items;
    this.loaded = true;
    if (r.error) this.#report(r.error);
    else if (r.migrated)
      this.#notices.push({
        source: 'storage',
        kind: 'info',
        title: { key: 'storeMigrated', params: { n: r.migrated.count } },
        lines: [],
      });
  }

  save(name: string, state: LinkState): boolean {
    return this.#apply(saveScenario(this.#storage, name, state), { key: 'savedDone', params: { name: name.trim() } });
  }
  remove(name: string): boolean {
    return this.#apply(deleteSaved(this.#storage, name), { key: 'deletedDone', params: { name } });
  }
  rename(from: string, to: string): boolean {
    return this.#apply(renameSaved(this.#storage, from, to), { key: 'renamedDone', params: { from, to: to.trim() } });
  }
  find(name: string): SavedItem | undefined {
    return this.items.find((x) => x.name === name);
  }

  #apply(r: ChangeResult, done: NoticeLine): boolean {
    this.items = r.items;
    if (!r.ok) {
      this.#report(r.error);
      return false;
    }
    if (r.warning) this.#report(r.warning);
    else this.#notices.push({ source: 'storage', kind: 'info', title: done, lines: [] });
    return true;
  }

  /**
   * Downloads the stored saved-scenarios value exactly as it is (a damaged one that could not be backed up), then
   * removes it from the storage; true when it was cleared.
   */
  async downloadDamagedAndClear(): Promise<boolean> {
    let key: string | null = null;
    let raw: string | null = null;
    try {
      for (const k of [SAVED_KEY, LEGACY_SAVED_KEY]) {
        raw = this.#storage.getItem(k);
        if (raw !== null) {
          key = k;
          break;
        }
      }
    } catch {
      raw = null;
    }
    if (key === null || raw === null) {
      this.load();
      return false;
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp for a file name, not state
    const file = `yangfan-saved-damaged-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
    const { download } = await import('../export/run');
    download({ filename: file, blob: new Blob([raw], { type: 'application/json' }) });
    try {
      this.#storage.removeItem(key);
    } catch (e) {
      this.#notices.push({
        source: 'storage',
        kind: 'error',
        title: { key: 'storeClearFailed' },
        lines: [],
        detail: [e instanceof Error ? e.message : String(e)],
      });
      return false;
    }
    this.load();
    this.#notices.push({
      source: 'storage',
      kind: 'info',
      title: { key: 'storeCleared', params: { file } },
      lines: [],
    });
    return true;
  }

  #report(p: StorageProblem): void {
    const { title, lines } = problemLines(p);
    const stuck = p.code === 'corrupt' && !p.backupKey;
    this.#notices.push({
      ...(stuck
        ? { action: { key: 'storeDownloadAndClear' as const, run: () => void this.downloadDamagedAndClear() } }
        : {}),
      source: 'storage',
      kind: p.code === 'name' || p.code === 'exists' || p.code === 'missing' ? 'warning' : 'error',
      code: p.code,
      title,
      lines,
      detail: [
        p.message,
        ...(p.dropped ?? []).slice(0, 5).map((d) => `#${d.index}${d.name ? ` “${d.name}”` : ''}: ${d.reason}`),
      ],
    });
  }
}
