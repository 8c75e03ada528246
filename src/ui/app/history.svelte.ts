/**
 * Reactive undo/redo over UndoHistory (src/ui/history.ts): the same operations, with `canUndo` and `canRedo` that
 * the buttons follow. Holds snapshots of the scenario; AppState records every accepted edit here.
 */
import { UndoHistory, type UndoHistoryOptions } from './undo-history';

export class EditHistory<T> {
  readonly #inner: UndoHistory<T>;
  // Bumped on every change, so the getters below are reactive.
  #version = $state(0);

  constructor(options?: UndoHistoryOptions) {
    this.#inner = new UndoHistory<T>(options);
  }

  get canUndo(): boolean {
    void this.#version;
    return this.#inner.canUndo;
  }
  get canRedo(): boolean {
    void this.#version;
    return this.#inner.canRedo;
  }

  record(before: T, key?: string): void {
    this.#inner.record(before, key);
    this.#version++;
  }
  seal(): void {
    this.#inner.seal();
  }
  beginGesture(): void {
    this.#inner.beginGesture();
  }
  endGesture(): void {
    this.#inner.endGesture();
  }
  undo(current: T): T | undefined {
    const r = this.#inner.undo(current);
    this.#version++;
    return r;
  }
  redo(current: T): T | undefined {
    const r = this.#inner.redo(current);
    this.#version++;
    return r;
  }
  clear(): void {
    this.#inner.clear();
    this.#version++;
  }
}
