import { adbudg, pow, powInt } from '../core/detMath.ts';
import type { Coefficients } from './coefficients.ts';

/** What a firm brings to one territory and segment in a round. */
export interface AttractionInputs {
  readonly brand: number;
  /** Price in ‰ of list. */
  readonly pricePm: number;
  /** Effective selling effort, call-units per 1,000 customers. */
  readonly effortPerK: number;
  /** Promotion, yuan per 1,000 customers. */
  readonly promoPerK: number;
  readonly coverage: number;
  readonly service: number;
  readonly quality: number;
  /** Awareness or relationship, 0–1000. */
  readonly familiarity: number;
}

/**
 * MCI attraction of MODEL.md: price as a power (e by tier), effort and promotion through
 * saturating ADBUDG responses, so a firm's share has an interior optimum instead of rewarding
 * unlimited spend.
 */
export function attraction(x: AttractionInputs, exponent: number, premiumPm: number, c: Coefficients['attraction']): number {
  if (x.pricePm <= 0) throw new RangeError('price must be positive');
  const priceTerm = powInt(1000 / x.pricePm, exponent);
  const effortTerm = 1 + (c.effortWeightPm / 1000) * adbudg(x.effortPerK, c.effortHalfHours, 1);
  const promoTerm = 1 + (c.promoWeightPm / 1000) * adbudg(x.promoPerK, c.promoHalfYuan, 1);
  const coverageTerm = 1 + (c.coverageWeightPm / 1000) * (x.coverage / 1000);
  const serviceTerm = 1 + x.service / 1000;
  const premiumTerm = 1 + (premiumPm / 1000) * (x.quality / 1000 - 0.5);
  const familiarityTerm = 1 + (c.relationshipWeightPm / 1000) * (x.familiarity / 1000);
  return (x.brand / 1000) * priceTerm * effortTerm * promoTerm * coverageTerm * serviceTerm * premiumTerm * familiarityTerm;
}

/**
 * "Us / (us + them)": shares in bp that add up to exactly 10000 (or all 0 when nobody sells),
 * by largest remainder on whole-number weights (1e9 steps, far finer than a bp; 10000 × 1e9
 * stays below 2^53, so every step is exact). Ties go to the lower index.
 */
export function sharesBp(attractions: readonly number[]): number[] {
  let total = 0;
  for (const a of attractions) total += a;
  const n = attractions.length;
  const out = new Array<number>(n).fill(0);
  if (!(total > 0)) return out;
  const weights = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.round((attractions[i]! / total) * 1e9);
    weights[i] = w;
    sum += w;
  }
  if (sum === 0) return out;
  let left = 10_000;
  const remainder = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const product = 10_000 * weights[i]!;
    let part = Math.floor(product / sum);
    // The quotient is rounded to a double; the exact remainder puts the floor right.
    if (product - part * sum < 0) part -= 1;
    out[i] = part;
    remainder[i] = product - part * sum;
    left -= part;
  }
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (remainder[i]! > remainder[best]!) best = i;
    out[best]! += 1;
    remainder[best] = -1;
    left -= 1;
  }
  return out;
}

/** Share of potential demand taken up: ΣA / (ΣA + A0). */
export function takeUp(totalAttraction: number, a0: number): number {
  return totalAttraction <= 0 ? 0 : totalAttraction / (totalAttraction + a0);
}

/** A0 such that `takeUpBp` of potential is taken up at total attraction `total`. */
export function a0For(total: number, takeUpBp: number): number {
  return (total * (10_000 - takeUpBp)) / takeUpBp;
}

/** Each firm's attraction over the mean of the firms selling in a territory (0 where it does not sell). */
export function relativeAttraction(attractions: readonly number[]): number[] {
  let sum = 0;
  let n = 0;
  for (const a of attractions) {
    if (a <= 0) continue;
    sum += a;
    n += 1;
  }
  const mean = n > 0 ? sum / n : 0;
  return attractions.map((a) => (a <= 0 || mean <= 0 ? 0 : a / mean));
}

/**
 * Share of wallet per firm in a territory: ((A_f / Ā) / ref_f)^k within [min, max], Ā the mean
 * attraction of the firms selling there, ref_f the firm's relative attraction when the game
 * began (‰). A firm's customers chose it for what it was; they buy more of their needs from it
 * as it outshines its rivals by more than it did, and less as it falls behind.
 */
export function walletShares(attractions: readonly number[], refPm: readonly number[], c: Coefficients['demand']): number[] {
  const k = c.walletExponentPm / 1000;
  return relativeAttraction(attractions).map((r, fi) => {
    if (r <= 0) return 0;
    const ref = (refPm[fi] ?? 1000) > 0 ? refPm[fi]! / 1000 : 1;
    return Math.min(c.walletMaxPm / 1000, Math.max(c.walletMinPm / 1000, pow(r / ref, k)));
  });
}
