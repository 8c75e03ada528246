/**
 * How charts reach assistive technology. Each chart is one image: its mount (lib/PlotMount.svelte) gives the figure
 * role="img", the chart's title as its name and, as its description (aria-describedby), the sentences beside it (the
 * verdict and figures, or the section's introduction) and its data table once shown, or the whole data table where
 * none is shown (an embed, a slide). Plot labels every mark's group (`<g aria-label="area">`), which is not allowed on
 * a group with no role and would be read out piece by piece; as Plot's documentation advises for decorative or
 * redundant marks, every mark is hidden from the accessibility tree instead (the figures they draw are in the table).
 */
export const HIDDEN = { ariaHidden: 'true' } as const;
