/** Translation: messages per language with {named} placeholders, and per-language formatting. */
import { MESSAGES, type MessageKey } from './messages';
import type { Lang } from './format';

export * from './format';
export type { MessageKey };

/** Returns a translator for a language: `t('ready', { n: 10000, ms: 40 })`. */
export function translator(lang: Lang) {
  const table = MESSAGES[lang] as Record<MessageKey, string>;
  return (key: MessageKey, params?: Record<string, string | number>): string => {
    const s = table[key];
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
  };
}
export type Translate = ReturnType<typeof translator>;

/** Picks the interface language from the browser's preferences: Chinese if any preferred language is Chinese. */
export function detectLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    if (/^zh\b/i.test(l)) return 'zh-CN';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'zh-CN';
}

/** Picks a zh/en text pair by language. */
export function pick(text: { zh: string; en: string }, lang: Lang): string {
  return lang === 'zh-CN' ? text.zh : text.en;
}
