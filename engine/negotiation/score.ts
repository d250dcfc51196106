import { clamp } from '../core/fixedPoint.ts';
import { reservationNow } from './applyMove.ts';
import type { NegotiationContext } from './context.ts';

/**
 * MODEL.md's negotiation score (0–100): 45 for margin kept against list margin, 20 for how far
 * into the buyer's range the price landed, 15 for discovery, 20 for trust, less 10 when plain
 * discounts made up over half of what was conceded. A 1% price gain is worth about 11%
 * operating profit against 3% for 1% more volume; the weights follow that.
 */
export function negotiationScore(c: NegotiationContext): number {
  const costPm = (c.terms.unitCost / c.terms.listPrice) * 1000;
  const listMargin = 1000 - costPm;
  const price = c.outcome === 'deal' ? c.dealPricePm : 0;
  const margin = c.outcome === 'deal' ? price - c.concessionCostPm - costPm : 0;
  const reff = reservationNow(c);
  const range = reff - costPm;
  const reach = c.outcome === 'deal' && range > 0 ? clamp((price - costPm) / range, 0, 1) : 0;
  const discovery = clamp((c.revealedPains.length / 2 + c.revealedWeights.length / 5) / 2, 0, 1);
  const conceded = c.discountPm + c.concessionValuePm;
  const penalty = conceded > 0 && c.discountPm > conceded / 2 ? 10 : 0;
  const total = 45 * clamp(margin / listMargin, 0, 1) + 20 * reach + 15 * discovery + 20 * (c.trust / 100) - penalty;
  return Math.round(clamp(total, 0, 100));
}
