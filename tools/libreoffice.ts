/**
 * LibreOffice and poppler for the deck's checks and pictures: converts a .pptx to PDF with LibreOffice Impress,
 * headless (`apt-get install libreoffice-impress`), and reads the PDF back with poppler-utils (pdfinfo, pdftotext,
 * pdfimages, pdftoppm). Each conversion runs with a private LibreOffice profile in its own temporary folder, so
 * parallel runs (and a LibreOffice the user has open) never share or lock one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's command, where installed (SOFFICE_PATH overrides). */
export const SOFFICE: string | undefined = [
  process.env.SOFFICE_PATH,
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
].find((p): p is string => !!p && existsSync(p));

/** Whether poppler-utils' pdftotext is on the PATH. */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Converted {
  /** The temporary folder holding the deck, the PDF and the profile; remove it with `dispose`. */
  dir: string;
  pdf: string;
  /** Seconds LibreOffice took. */
  seconds: number;
  dispose(): void;
}

/** Converts a .pptx to PDF with LibreOffice, headless, in a temporary folder with its own profile. */
export function pptxToPdf(pptx: Uint8Array, timeoutMs = 180_000): Converted {
  if (!SOFFICE) throw new Error('LibreOffice is not installed (apt-get install libreoffice-impress)');
  const dir = mkdtempSync(join(tmpdir(), 'yangfan-deck-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    writeFileSync(join(dir, 'deck.pptx'), pptx);
    const t0 = Date.now();
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'deck.pptx'),
      ],
      { timeout: timeoutMs, stdio: 'pipe' },
    );
    const pdf = join(dir, 'deck.pdf');
    if (!existsSync(pdf))
      throw new Error(`LibreOffice wrote no PDF (the folder holds ${readdirSync(dir).join(', ') || 'nothing'})`);
    return { dir, pdf, seconds: (Date.now() - t0) / 1000, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });

/** The PDF's page count and page size in points. */
export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const out = run('pdfinfo', [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The text of one page (1-based). */
export function pdfPageText(pdf: string, page: number): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-']);
}

/** The number of pictures on each page (1-based index; soft masks are not counted). */
export function pdfImagesPerPage(pdf: string, pages: number): number[] {
  const counts = new Array<number>(pages + 1).fill(0);
  for (const line of run('pdfimages', ['-list', pdf]).split('\n').slice(2)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length > 3 && cols[2] === 'image') counts[Number(cols[0])]++;
  }
  return counts;
}

export interface PdfWord {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every word with its box in points, from the top left of its page. */
export function pdfWords(pdf: string): { width: number; height: number; words: PdfWord[] }[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
  return html
    .split('<page ')
    .slice(1)
    .map((pg, i) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(pg);
      const words = [
        ...pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({ page: i + 1, text: m[5], x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] }));
      return { width: Number(size?.[1]), height: Number(size?.[2]), words };
    });
}

/** Renders pages of a PDF to PNG files `<prefix>-<n>.png` at `dpi` (pdftoppm). */
export function pdfToPng(pdf: string, prefix: string, dpi: number, first?: number, last?: number): void {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  run('pdftoppm', ['-r', String(dpi), '-png', ...range, pdf, prefix]);
}
