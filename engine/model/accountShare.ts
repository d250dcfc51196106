import type { Coefficients } from './coefficients.ts';
import type { AccountState } from './state.ts';

type Held = Pick<AccountState, 'supplier' | 'relationship' | 'pricePm' | 'split'>;

/**
 * The relationship a firm brings to a key account's contest: the incumbent its own; a firm that
 * already serves part of the orders (a split) at least its foothold; any other firm its renewal
 * preparation, 10 points a round up to 60.
 */
export function contestRelationship(a: Held, firm: number, preparation: number, c: Coefficients['customers']): number {
  if (firm === a.supplier) return a.relationship;
  const prepared = Math.min(60, preparation * 10);
  return a.split?.firm === firm ? Math.max(c.splitFootholdRelationship, prepared) : prepared;
}

/** The share of a key account's orders a firm serves, ‰: all of them, the rest of a split, its split share, or none. */
export function orderSharePm(a: Held, firm: number): number {
  if (firm === a.supplier) return 1000 - (a.split?.sharePm ?? 0);
  return a.split?.firm === firm ? a.split.sharePm : 0;
}

/** The price a firm books on its share of a key account's orders, ‰ of list (0 when it has none). */
export function bookedPricePm(a: Held, firm: number): number {
  if (firm === a.supplier) return a.pricePm;
  return a.split?.firm === firm ? a.split.pricePm : 0;
}
