/**
 * Whether the fan charts draw the figures published after the scenario's as-of date (the actuals): on by default.
 * A view setting of this page, not part of the scenario (the link and saved scenarios do not carry it).
 */
export const actualsView = $state({ show: true });
