/** The few words the map itself draws (everything else is shown by the DOM layer). */
import type { Locale } from '../../engine/i18n/locale.ts';

const WORDS: Record<Locale, { ours: string; upgraded: string }> = {
  'zh-CN': { ours: '我方', upgraded: '升级大客户' },
  'zh-TW': { ours: '我方', upgraded: '升級大客戶' },
  en: { ours: 'Us', upgraded: 'Upgraded account' },
};

const percent = new Map<Locale, Intl.NumberFormat>();

/** A share in basis points as a percentage with one decimal, in the locale's style. */
export function formatShare(locale: Locale, bp: number): string {
  let f = percent.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    percent.set(locale, f);
  }
  return f.format(bp / 10_000);
}

/** "我方 23.4%": our share of a territory, as the map's second label line. */
export function ourShareLabel(locale: Locale, bp: number): string {
  return `${WORDS[locale].ours} ${formatShare(locale, bp)}`;
}

/** "鼎峰科技 31.2%": the leading firm's share, when the map is nobody's in particular (the projector). */
export function leaderShareLabel(locale: Locale, firm: string, bp: number): string {
  return `${firm} ${formatShare(locale, bp)}`;
}

/** The name of a key account upgraded from the long tail (it has no name in the scenario). */
export function upgradedAccountName(locale: Locale): string {
  return WORDS[locale].upgraded;
}
