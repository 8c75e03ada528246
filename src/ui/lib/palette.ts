/** Okabe–Ito colours: distinguishable with every common form of colour blindness. */
export const PALETTE = {
  blue: '#0072B2',
  sky: '#56B4E9',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  yellow: '#F0E442',
  /** Reference lines (the preset's baseline behind an edited scenario). */
  grey: '#8C8C8C',
} as const;

/** Colours of compared scenarios, in order. */
export const SERIES_COLOURS = [PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.purple] as const;

/**
 * The target's label (text, 11 px) in a vermillion dark enough on light backgrounds and light enough on dark ones for
 * WCAG AA text contrast (≥ 4.5:1 on the page and card backgrounds of both themes); PALETTE.vermillion itself is
 * 3.7:1 on the light page and stays for the rules, which are graphics.
 */
export const TARGET_TEXT = { light: '#B34D00', dark: '#F07A2E' } as const;
