import { adbudg } from '../../core/detMath.ts';
import { clamp, roundHalfEven } from '../../core/fixedPoint.ts';
import { attraction, takeUp } from '../attraction.ts';
import { SEGMENTS } from '../scenario.ts';
import { segmentAttraction } from '../segments.ts';
import type { RoundContext, Work } from './context.ts';
import type { TerritoryMoney } from './spendPlan.ts';

/** Long-tail customers per territory and segment who are still in the long tail (not upgraded). */
export function customerCounts(w: Work): number[][] {
  const counts = w.territories.map(() => SEGMENTS.map(() => 0));
  const { territory, segment, supplier } = w.customers;
  for (let i = 0; i < territory.length; i++) if (supplier[i]! > -2) counts[territory[i]!]![segment[i]!]! += 1;
  return counts;
}

/** The price a firm charges in a tier this round. */
export function priceOf(w: Work, ctx: RoundContext, fi: number, tier: number): number {
  return ctx.decisions[fi]?.pricePm[tier - 1] ?? w.firms[fi]!.pricePm[tier - 1]!;
}

/**
 * Attraction of every firm in every territory and segment, the take-up of potential, and the
 * awareness and coverage stocks that carry effort from one round to the next (Vidale–Wolfe).
 */
export function computeAttraction(w: Work, ctx: RoundContext, money: readonly TerritoryMoney[]): void {
  const c = ctx.c;
  const counts = customerCounts(w);
  w.territories.forEach((t, ti) => {
    const n = counts[ti]!.reduce((a, b) => a + b, 0);
    const perK = Math.max(n, 1) / 1000;
    const premium = t.premiumPm + ctx.shock.premiumAddPm[ti]!;
    const base = w.firms.map((f, fi) => {
      if (!f.active || !f.territories.includes(t.id)) return 0;
      return attraction(
        {
          brand: f.brand,
          pricePm: priceOf(w, ctx, fi, t.tier),
          effortPerK: ctx.effort[fi]![ti]!.total / perK,
          promoPerK: money[fi]!.promotion[ti]! / perK,
          coverage: t.coverage[fi]!,
          service: f.service,
          quality: f.quality,
          familiarity: t.awareness[fi]!,
        },
        c.attraction.priceExponent[t.tier - 1]!,
        premium,
        c.attraction,
      );
    });
    ctx.segmentAttraction[ti] = SEGMENTS.map((segment) => base.map((a, fi) => segmentAttraction(a, w.firms[fi]!.kind, segment)));
    // Territory attraction: segments weighted by how many customers each has.
    ctx.attraction[ti] = base.map((_, fi) =>
      n === 0 ? base[fi]! : SEGMENTS.reduce((s, _seg, si) => s + (ctx.segmentAttraction[ti]![si]![fi]! * counts[ti]![si]!) / n, 0),
    );
    const total = ctx.attraction[ti]!.reduce((a, b) => a + b, 0);
    ctx.takeUp[ti] = Math.max(c.demand.floorTakeUpBp / 10_000, takeUp(total, t.a0 / 1000));

    // Stocks move towards what this round's promotion and channel work would sustain.
    w.firms.forEach((f, fi) => {
      // A firm that has not entered yet keeps what it arrives with; one that left lets it fade.
      if (!f.territories.includes(t.id) || (!f.active && !f.ai.exited)) return;
      const promo = f.active ? money[fi]!.promotion[ti]! / perK : 0;
      const aw = t.awareness[fi]!;
      const gain = (c.stocks.awarenessGainPm / 1000) * adbudg(promo, c.attraction.promoHalfYuan, 1) * (1000 - aw);
      t.awareness[fi] = clamp(roundHalfEven(aw + gain - (c.stocks.awarenessDecayPm / 1000) * aw), 0, 1000);
      const push = f.active ? money[fi]!.channel[ti]! / c.effort.callCostYuan + ctx.effort[fi]![ti]!.calls : 0;
      const target = 1000 * adbudg(push / perK, c.stocks.coverageHalf, 1);
      const cov = t.coverage[fi]!;
      t.coverage[fi] = clamp(roundHalfEven(cov + (c.stocks.coverageSpeedPm / 1000) * (target - cov)), 0, 1000);
    });
  });
}

/** The average price (‰) of the firms selling in a territory this round. */
export function marketPrice(w: Work, ctx: RoundContext, ti: number): number {
  const t = w.territories[ti]!;
  let sum = 0;
  let n = 0;
  w.firms.forEach((f, fi) => {
    if (!f.active || !f.territories.includes(t.id)) return;
    sum += priceOf(w, ctx, fi, t.tier);
    n += 1;
  });
  return n === 0 ? 1000 : sum / n;
}
