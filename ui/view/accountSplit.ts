import type { Locale } from '../../engine/i18n/locale.ts';
import { t } from '../i18n/t.ts';
import { formatPm } from './format.ts';

/**
 * The figures an "account split its orders" line needs — the second supplier's name and share —
 * for every screen and report that tells a key account's story; none when the account has one
 * supplier.
 */
export function splitParams(locale: Locale, split: { readonly firm: number; readonly sharePm: number } | undefined, firmName: (firm: number) => string): Record<string, string> {
  return split ? { other: firmName(split.firm), share: formatPm(locale, split.sharePm, 0) } : {};
}

/**
 * Who supplies a key account, as one label: the supplier's name, or both names with their shares
 * when the buyer split its orders.
 */
export function suppliersLabel(locale: Locale, a: { readonly supplier: number; readonly split?: { readonly firm: number; readonly sharePm: number } }, firmName: (firm: number) => string): string {
  if (!a.split) return firmName(a.supplier);
  return t(locale, 'account.split-suppliers', {
    main: firmName(a.supplier),
    mainShare: formatPm(locale, 1000 - a.split.sharePm, 0),
    other: firmName(a.split.firm),
    share: formatPm(locale, a.split.sharePm, 0),
  });
}
