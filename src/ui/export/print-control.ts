/**
 * The "Print / PDF report" button's side of the printed report (tiny: part of the initial JavaScript). The report
 * component (PrintReport.svelte, loaded after the first result) registers how to prepare itself; the button waits
 * for it, prepares it (every chart drawn, the share link and its QR code current) and then calls print().
 */
let prepare: (() => Promise<void>) | null = null;
const waiting: (() => void)[] = [];

/** Called by the report when mounted; returns the unregister function. */
export function registerReport(fn: () => Promise<void>): () => void {
  prepare = fn;
  for (const w of waiting.splice(0)) w();
  return () => {
    if (prepare === fn) prepare = null;
  };
}

/** Prepares the report (waiting for it to load) and opens the browser's print dialog. */
export async function printReport(): Promise<void> {
  if (!prepare) await new Promise<void>((resolve) => waiting.push(resolve));
  await prepare!();
  window.print();
}
