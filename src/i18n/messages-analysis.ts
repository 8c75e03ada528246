/** Interface strings of the analysis features, in English (the key set) and Chinese. */
export const analysisEn = {} as const;

export const analysisZh: Record<keyof typeof analysisEn, string> = {};
