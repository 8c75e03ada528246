/**
 * Undo and redo of edits as a pure data structure (no Svelte, tested in Node). The history keeps snapshots of the
 * state before each step. Edits carrying the same coalescing key (one slider, one text field) made close together,
 * or inside one gesture (a pointer held down on a slider), merge into a single step: undo goes back to the state
 * before the first of them. `seal()` ends the current group (a slider released, a field left).
 */
export interface UndoHistoryOptions {
  /** The most steps kept (oldest dropped first). */
  limit?: number;
  /** Edits of the same key further apart than this start a new step (outside a gesture). */
  coalesceMs?: number;
  /** The clock (tests pass a fake one). */
  now?: () => number;
}

export class UndoHistory<T> {
  readonly #limit: number;
  readonly #coalesceMs: number;
  readonly #now: () => number;
  #undo: T[] = [];
  #redo: T[] = [];
  #key: string | undefined;
  #at = -Infinity;
  #gesture = false;

  constructor(options: UndoHistoryOptions = {}) {
    this.#limit = options.limit ?? 200;
    this.#coalesceMs = options.coalesceMs ?? 1000;
    this.#now = options.now ?? (() => Date.now());
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }
  /** Steps that can be undone and redone. */
  get sizes(): { undo: number; redo: number } {
    return { undo: this.#undo.length, redo: this.#redo.length };
  }

  /**
   * Records an edit that has just replaced `before`. With a key equal to the open group's, within the coalescing
   * window or inside a gesture, it joins that group (no new step). Any edit clears the redo steps.
   */
  record(before: T, key?: string): void {
    const now = this.#now();
    const joins =
      key !== undefined &&
      key === this.#key &&
      this.#undo.length > 0 &&
      (this.#gesture || now - this.#at <= this.#coalesceMs);
    if (!joins) {
      this.#undo.push(before);
      if (this.#undo.length > this.#limit) this.#undo.splice(0, this.#undo.length - this.#limit);
    }
    this.#key = key;
    this.#at = now;
    this.#redo = [];
  }

  /** Ends the open group: the next edit starts a new step. */
  seal(): void {
    this.#key = undefined;
  }

  /** A pointer went down on a control: edits until `endGesture` coalesce whatever their timing. */
  beginGesture(): void {
    this.#gesture = true;
  }
  endGesture(): void {
    if (!this.#gesture) return;
    this.#gesture = false;
    this.seal();
  }

  /** Returns the state to go back to (and remembers `current` for redo), or undefined when there is none. */
  undo(current: T): T | undefined {
    const prev = this.#undo.pop();
    if (prev === undefined) return undefined;
    this.#redo.push(current);
    this.seal();
    return prev;
  }

  /** Returns the state to go forward to (and remembers `current` for undo), or undefined when there is none. */
  redo(current: T): T | undefined {
    const next = this.#redo.pop();
    if (next === undefined) return undefined;
    this.#undo.push(current);
    this.seal();
    return next;
  }

  clear(): void {
    this.#undo = [];
    this.#redo = [];
    this.seal();
  }
}
