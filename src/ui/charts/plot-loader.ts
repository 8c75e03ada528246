/**
 * Observable Plot, loaded on first use: the scorecard (plain SVG sparklines) paints without it, so the initial
 * JavaScript stays small and the fan charts below the fold arrive a moment later.
 */
let plot: Promise<typeof import('@observablehq/plot')> | undefined;

/** Returns the Plot module, importing it once. */
export function loadPlot(): Promise<typeof import('@observablehq/plot')> {
  plot ??= import('@observablehq/plot');
  return plot;
}
