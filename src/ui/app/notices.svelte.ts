/**
 * Messages about links, saved scenarios and files, shown until dismissed. Each has a source (link, storage, import
 * …); a new message of a source replaces the older ones of that source. Text is kept as message keys, so a
 * message follows a change of language.
 */
import type { NoticeLine } from '../share/link-hash';
import type { MessageKey } from '../../i18n';

export type NoticeKind = 'error' | 'warning' | 'info';

export interface Notice {
  id: number;
  source: string;
  kind: NoticeKind;
  title: NoticeLine;
  lines: NoticeLine[];
  /** The error code (shown beside the title). */
  code?: string;
  /** Technical detail (English, from the codec or storage), shown in a disclosure. */
  detail?: string[];
  /** A way out the notice offers (a button). */
  action?: { key: MessageKey; run: () => void };
}

export class Notices {
  items = $state.raw<Notice[]>([]);
  #next = 1;

  /** Shows a message, replacing the earlier ones of the same source; returns its id. */
  push(n: Omit<Notice, 'id'>): number {
    const id = this.#next++;
    this.items = [...this.items.filter((x) => x.source !== n.source), { ...n, id }];
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((x) => x.id !== id);
  }

  clear(source: string): void {
    if (this.items.some((x) => x.source === source)) this.items = this.items.filter((x) => x.source !== source);
  }
}
