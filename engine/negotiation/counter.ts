import type { ConcessionStyle } from './types.ts';

/**
 * The buyer's counter after n moves (MODEL.md): b_n = b_0 + (R_eff − b_0)·(n/P)^(1/e), with the
 * exponent 2 (Boulware), 1 (linear) or ½ (conceder) — a square, a line or a square root, so no
 * pow is needed.
 */
export function buyerCounter(n: number, patience: number, style: ConcessionStyle, b0: number, reff: number): number {
  const f = Math.min(1, Math.max(0, n / patience));
  const shape = style === 'boulware' ? f * f : style === 'linear' ? f : Math.sqrt(f);
  return b0 + (reff - b0) * shape;
}

/** Where the buyer starts, pulled 15% of the way towards the seller's first ask (anchoring). */
export function openingCounter(reff: number, firstAsk: number): number {
  return 0.85 * reff + 0.15 * (firstAsk - reff);
}

/** The buyer's effective reservation: R lifted by perceived value (bp) and by what concessions are worth to it (‰). */
export function effectiveReservation(reservationPm: number, perceivedValueBp: number, concessionValuePm: number): number {
  return reservationPm * (1 + perceivedValueBp / 10_000) + concessionValuePm;
}
