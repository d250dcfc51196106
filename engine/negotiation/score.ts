import { clamp } from '../core/fixedPoint.ts';
import { reservationNow } from './applyMove.ts';
import type { NegotiationContext } from './context.ts';

/** The negotiation score's parts, points out of their maximum. */
export interface ScoreParts {
  /** Margin kept against list margin, of 45. */
  readonly margin: number;
  /** How far into the buyer's range the price landed, of 20 (null while the buyer's range is hidden). */
  readonly reach: number | null;
  /** Pains and priorities uncovered, of 15. */
  readonly discovery: number;
  /** Trust at the end, of 20. */
  readonly trust: number;
  /** Less 10 when plain discounts were over half of what was conceded. */
  readonly penalty: number;
}

/** Whether the buyer's hidden profile is in the context (after the workshop), or redacted (during it). */
export function profileKnown(c: NegotiationContext): boolean {
  return c.persona.reservationPm > 0;
}

/**
 * MODEL.md's negotiation score, part by part: 45 for margin kept against list margin, 20 for how
 * far into the buyer's range the price landed, 15 for discovery, 20 for trust, less 10 when plain
 * discounts made up over half of what was conceded. A 1% price gain is worth about 11% operating
 * profit against 3% for 1% more volume; the weights follow that.
 */
export function scoreParts(c: NegotiationContext): ScoreParts {
  const costPm = (c.terms.unitCost / c.terms.listPrice) * 1000;
  const listMargin = 1000 - costPm;
  const deal = c.outcome === 'deal';
  const margin = deal ? c.dealPricePm - c.concessionCostPm - costPm : 0;
  const conceded = c.discountPm + c.concessionValuePm;
  let reach: number | null = null;
  if (profileKnown(c)) {
    const range = reservationNow(c) - costPm;
    reach = deal && range > 0 ? 20 * clamp((c.dealPricePm - costPm) / range, 0, 1) : 0;
  }
  return {
    margin: 45 * clamp(margin / listMargin, 0, 1),
    reach,
    discovery: 15 * clamp((c.revealedPains.length / 2 + c.revealedWeights.length / 5) / 2, 0, 1),
    trust: 20 * (c.trust / 100),
    penalty: conceded > 0 && c.discountPm > conceded / 2 ? -10 : 0,
  };
}

/** The score (0–100): its parts summed (the reach counts 0 while the buyer's range is hidden). */
export function negotiationScore(c: NegotiationContext): number {
  const p = scoreParts(c);
  return Math.round(clamp(p.margin + (p.reach ?? 0) + p.discovery + p.trust + p.penalty, 0, 100));
}
