export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

/** Picks a supported locale from a BCP 47 tag or a POSIX LANG value (zh_TW.UTF-8, en-GB, zh-Hant-HK ...). */
export function matchLocale(tag: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!tag) return fallback;
  const t = tag.replace(/_/g, '-').split('.')[0]!.toLowerCase();
  if (t.startsWith('zh')) {
    return /-(tw|hk|mo|hant)\b/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  if (t.startsWith('en')) return 'en';
  return fallback;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
