/**
 * Type sizes that fit a text box, chosen when a deck is written (pure: tested in Node). A deck's boxes never shrink
 * their text themselves (PowerPoint, WPS and LibreOffice each shrink differently, and PowerPoint only when the text
 * is edited), so every box gets an explicit size here, estimated on the safe side: CJK 1 em a character and Latin
 * about 0.56 em (textWidthEm), widened by 12 % for the fonts a viewer substitutes (DejaVu Sans for Latin on Linux)
 * and the space LibreOffice puts between Chinese and Latin text; lines 1.45 em apart (Noto Sans CJK's single spacing,
 * the widest of Microsoft YaHei 1.32, PingFang 1.4 and Noto's).
 */
import { textWidthEm, wrapText } from './svg';

/** pptxgenjs's default text insets, in inches. */
export const INSET = { x: 0.1, y: 0.05 } as const;
/** Line height as a multiple of the type size. */
export const LINE = 1.45;
const WIDTH_SAFETY = 1.12;
/** Bold type is about 5 % wider. */
const BOLD = 1.05;

export interface FitOptions {
  /** Bold text. */
  bold?: boolean;
  /** Left indent of every line (a bullet's hanging indent), in points. */
  indentPt?: number;
  /** Horizontal inset on each side, in inches (default INSET.x). */
  insetX?: number;
}

/** The width in inches of a text on one line at `pt` points (the same estimate, widened the same way). */
export function lineWidthIn(text: string, pt: number, bold = false): number {
  return (textWidthEm(text) * pt * WIDTH_SAFETY * (bold ? BOLD : 1)) / 72;
}

/** The lines a text takes in a box `w` inches wide at `pt` points. */
export function lineCount(text: string, w: number, pt: number, o: FitOptions = {}): number {
  const widthPt = ((w - 2 * (o.insetX ?? INSET.x)) * 72 - (o.indentPt ?? 0)) / WIDTH_SAFETY / (o.bold ? BOLD : 1);
  return wrapText(text, Math.max(widthPt, pt), pt).length;
}

/** The height in inches of `lines` lines at `pt` points, with the box's insets. */
export function linesHeight(lines: number, pt: number, insetY: number = INSET.y): number {
  return (lines * pt * LINE) / 72 + 2 * insetY;
}

/**
 * The largest size from `max` down to `min` (half-point steps) at which the text fits a `w` × `h` inch box; if it
 * does not fit even at `min`, the text is cut (ending in "…") to what fits at `min`.
 */
export function fitText(
  text: string,
  w: number,
  h: number,
  max: number,
  min: number,
  o: FitOptions = {},
): { text: string; fontSize: number; lines: number } {
  for (let pt = max; pt >= min - 1e-9; pt -= 0.5) {
    const lines = lineCount(text, w, pt, o);
    if (linesHeight(lines, pt) <= h + 1e-9) return { text, fontSize: pt, lines };
  }
  const maxLines = Math.max(1, Math.floor(((h - 2 * INSET.y) * 72) / (min * LINE) + 1e-9));
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // The longest prefix that, with "…", takes no more than maxLines lines.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (lineCount(chars.slice(0, mid).join('').trimEnd() + '…', w, min, o) <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  return { text: chars.slice(0, lo).join('').trimEnd() + '…', fontSize: min, lines: maxLines };
}

/** Whether a text fits a box at `pt` points without being cut. */
export function fits(text: string, w: number, h: number, pt: number, o: FitOptions = {}): boolean {
  return linesHeight(lineCount(text, w, pt, o), pt) <= h + 1e-9;
}
