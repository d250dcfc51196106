import type { Locale } from '../../engine/i18n/locale.ts';
import { t } from '../i18n/t.ts';

const grouping = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}/${fractionDigits}`;
  let f = grouping.get(key);
  if (!f) grouping.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 })));
  return f;
}

/** A count in the reader's digits: 12,345 (en), 12,345 (zh). */
export function formatCount(locale: Locale, n: number): string {
  return numberFormat(locale, 0).format(n);
}

/**
 * Money the way a reader of the language counts it: Chinese in 万 (ten thousands) from 10,000
 * on (125,000 → 12.5万元), English in yuan with thousands separators (¥125,000).
 */
export function formatMoney(locale: Locale, yuan: number): string {
  const whole = Math.round(yuan);
  if (locale === 'en') return `${whole < 0 ? '−' : ''}¥${numberFormat(locale, 0).format(Math.abs(whole))}`;
  const sign = whole < 0 ? '−' : '';
  const abs = Math.abs(whole);
  if (abs >= 100_000_000) return `${sign}${numberFormat(locale, 2).format(abs / 100_000_000)}亿元`;
  if (abs >= 10_000) return `${sign}${numberFormat(locale, abs >= 1_000_000 ? 0 : 1).format(abs / 10_000)}万元`;
  return `${sign}${numberFormat(locale, 0).format(abs)}元`;
}

/** A share or rate in basis points as a percentage: 1234 → "12.3%". */
export function formatBp(locale: Locale, bp: number, digits = 1): string {
  return `${numberFormat(locale, digits).format(bp / 100)}%`;
}

/** A rate in per mille as a percentage: 950 → "95%". */
export function formatPm(locale: Locale, pm: number, digits = 1): string {
  return `${numberFormat(locale, digits).format(pm / 10)}%`;
}

/** A change with its sign: +3.2 / −1.0, for deltas shown beside a figure. */
export function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text.replace(/^[−-]/, '')}`;
  return text;
}

/**
 * A change of a rate in percentage points, with its sign: "+1.2 个百分点", "±0". A share's change
 * is not a percentage of it. A tenth of a point, or a hundredth for a smaller change, so a change
 * never reads "+0".
 */
export function formatPointsChange(locale: Locale, points: number): string {
  if (points === 0) return '±0';
  const scale = Math.abs(points) < 0.1 ? 100 : 10;
  return t(locale, 'results.points', { n: signed((Math.round(Math.abs(points) * scale) / scale).toLocaleString(locale), points) });
}
