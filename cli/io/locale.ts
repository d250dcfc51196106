import { isLocale, matchLocale, type Locale } from '../../engine/i18n/locale.ts';

/** --lang wins, then SHAPAN_LANG, then the POSIX locale, then English. */
export function cliLocale(flag?: string): Locale {
  if (flag && isLocale(flag)) return flag;
  const env = process.env;
  return matchLocale(env.SHAPAN_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG, 'en');
}
