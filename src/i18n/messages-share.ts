/** Interface strings of the share features, in English (the key set) and Chinese. */
export const shareEn = {} as const;

export const shareZh: Record<keyof typeof shareEn, string> = {};
