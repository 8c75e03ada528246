/**
 * How charts reach assistive technology. Each chart is one image: its mount component gives the figure role="img",
 * the chart's title as its name and the chart's data table as its description (aria-describedby). Plot labels every
 * mark's group (`<g aria-label="area">`), which is not allowed on a group with no role and would be read out piece by
 * piece; as Plot's documentation advises for decorative or redundant marks, every mark is hidden from the
 * accessibility tree instead (the figures they draw are in the data table).
 */
export const HIDDEN = { ariaHidden: 'true' } as const;
