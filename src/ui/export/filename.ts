/**
 * Export file names (pure: tested in Node): the scenario's title (or its preset's name), the indicator's name and
 * the date, e.g. `基站加快建设-每万人拥有5G基站数-2026-11-30.png`. Chinese stays; characters that Windows, macOS or
 * a shell refuse or misread (/ \ : * ? " < > | control characters, leading dots) are removed, spaces become dashes.
 */

/** Makes a piece of text safe as part of a file name (at most `max` characters). */
export function safeFilePart(s: string, max = 60): string {
  const cleaned = s
    .normalize('NFC')
    // Unsafe on some system, or confusing in a shell: removed.
    .replace(/[\p{Cc}/\\:*?"<>|#%&{}$!'`@+=^~[\];,]/gu, '')
    // Full-width punctuation that reads as separators becomes a dash too.
    .replace(/[\s\u3000·・，、。：；（）()]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return [...cleaned]
    .slice(0, max)
    .join('')
    .replace(/[-.]+$/g, '');
}

/** The local date as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * A file name: `<scenario>-<indicator>-<date><suffix>.<ext>`; the scenario is its title, else the preset's name,
 * else `yangfan`.
 */
export function exportFileName(o: {
  title: string;
  presetName: string;
  part?: string;
  date: Date;
  ext: string;
  suffix?: string;
}): string {
  const scenario = safeFilePart(o.title) || safeFilePart(o.presetName) || 'yangfan';
  const part = o.part ? safeFilePart(o.part) : '';
  return `${[scenario, part, isoDay(o.date)].filter(Boolean).join('-')}${o.suffix ?? ''}.${o.ext}`;
}
