/** Figures in the units a trainer reads: money in yuan (en) or 万元 (Chinese), rates in %. */
import type { Locale } from '../../engine/i18n/locale.ts';

export function formatMoney(yuan: number, locale: Locale): string {
  if (locale === 'en') return Math.round(yuan).toLocaleString('en');
  return (Math.round(yuan / 1000) / 10).toFixed(1);
}

/** A bp figure as a percentage with one decimal. */
export function formatBp(bp: number): string {
  return `${(bp / 100).toFixed(1)}%`;
}

/** A 0–1 share as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
