/**
 * Observable Plot, loaded on first use: the scorecard (plain SVG sparklines) paints without it, so the initial
 * JavaScript stays small and the fan charts below the fold arrive a moment later.
 */
/** The Plot module's type, for the pure option builders. */
export type PlotLib = typeof import('@observablehq/plot');

let plot: Promise<PlotLib> | undefined;

/** Returns the Plot module, importing it once. */
export function loadPlot(): Promise<PlotLib> {
  plot ??= import('@observablehq/plot');
  return plot;
}
