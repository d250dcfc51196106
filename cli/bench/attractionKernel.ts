import { adbudg, powInt } from '../../engine/core/detMath.ts';
import type { Coefficients } from '../../engine/model/coefficients.ts';

/**
 * The floor for resolving a round: for every customer, the attraction of every firm in its
 * territory and segment and the resulting share of its purchases, over flat typed arrays with
 * nothing else. No real round can do less than this arithmetic.
 */
export interface KernelInputs {
  readonly firms: number;
  /** [territory × firm] inputs. */
  readonly brand: Float64Array;
  readonly price: Float64Array;
  readonly effort: Float64Array;
  readonly promo: Float64Array;
  readonly coverage: Float64Array;
  readonly service: Float64Array;
  readonly quality: Float64Array;
  readonly familiarity: Float64Array;
  /** [territory] */
  readonly exponent: Int32Array;
  readonly premium: Float64Array;
  /** [segment × firm] leaning ‰ */
  readonly leaning: Float64Array;
  /** per customer */
  readonly territory: Int32Array;
  readonly segment: Int32Array;
  readonly size: Float64Array;
}

export function attractionKernel(x: KernelInputs, c: Coefficients['attraction'], out: Float64Array): void {
  const nF = x.firms;
  const attraction = new Float64Array(nF);
  out.fill(0);
  for (let i = 0; i < x.territory.length; i++) {
    const t = x.territory[i]!;
    const s = x.segment[i]!;
    let total = 0;
    for (let f = 0; f < nF; f++) {
      const k = t * nF + f;
      if (x.brand[k] === 0) {
        attraction[f] = 0;
        continue;
      }
      const a =
        (x.brand[k]! / 1000) *
        powInt(1000 / x.price[k]!, x.exponent[t]!) *
        (1 + (c.effortWeightPm / 1000) * adbudg(x.effort[k]!, c.effortHalfHours, 1)) *
        (1 + (c.promoWeightPm / 1000) * adbudg(x.promo[k]!, c.promoHalfYuan, 2)) *
        (1 + (c.coverageWeightPm / 1000) * (x.coverage[k]! / 1000)) *
        (1 + x.service[k]! / 1000) *
        (1 + (x.premium[t]! / 1000) * (x.quality[k]! / 1000 - 0.5)) *
        (1 + (c.relationshipWeightPm / 1000) * (x.familiarity[k]! / 1000)) *
        (x.leaning[s * nF + f]! / 1000);
      attraction[f] = a;
      total += a;
    }
    if (total === 0) continue;
    for (let f = 0; f < nF; f++) out[f]! += (x.size[i]! * attraction[f]!) / total;
  }
}
