import { clamp } from '../../core/fixedPoint.ts';
import type { RoundContext, Work } from './context.ts';
import { bookedPricePm, orderSharePm } from '../accountShare.ts';
import { walletShares } from '../attraction.ts';
import { priceOf } from './market.ts';

/** Units one long-tail customer buys this round: its size moved by season, macro, policy, growth and take-up. */
export function demandFactor(w: Work, ctx: RoundContext, ti: number): number {
  const t = w.territories[ti]!;
  const spec = ctx.scenario.territories[ti]!;
  const growth = t.potential / spec.potential;
  const policy = (1000 + t.policyPm) / 1000 * (ctx.shock.demandPm[ti]! / 1000);
  const takeUp = ctx.takeUp[ti]! / (ctx.c.demand.takeUpAtStartBp / 10_000);
  return (ctx.seasonPm / 1000) * (ctx.shock.macroPm / 1000) * policy * growth * takeUp;
}

/**
 * Orders, capacity and what gets delivered. Team firms fill priority requests first (P1, then
 * P2), then everything else pro rata; what cannot be filled is half kept as backlog and half
 * lost. AI firms deliver what they sell.
 */
export function deliver(w: Work, ctx: RoundContext): void {
  const c = ctx.c;
  const list = ctx.scenario.product.listPrice;
  const nT = w.territories.length;
  const ltUnits = w.firms.map(() => new Array<number>(nT).fill(0));
  const factors = w.territories.map((_, ti) => demandFactor(w, ctx, ti));
  // Share of wallet: what a customer buys from its supplier moves with the supplier's attraction.
  // Volume shifts between suppliers, it is not made: each territory's wallets are scaled so its
  // long tail buys what its demand says (the size-weighted mean wallet is 1).
  // One pass adds up each supplier's customers' sizes by territory; wallets and their scaling
  // then work on those sums (a customer's units are linear in its size).
  const raw = w.territories.map((_, ti) => walletShares(ctx.attraction[ti]!, w.territories[ti]!.walletRefPm, ctx.c.demand));
  const cols = w.customers;
  const nF = w.firms.length;
  const sizeBy = new Float64Array(nF * nT);
  for (let i = 0; i < cols.supplier.length; i++) {
    const s = cols.supplier[i]!;
    if (s < 0) continue;
    sizeBy[s * nT + cols.territory[i]!]! += cols.size[i]!;
  }
  for (let ti = 0; ti < nT; ti++) {
    let plain = 0;
    let weighted = 0;
    for (let s = 0; s < nF; s++) {
      plain += sizeBy[s * nT + ti]!;
      weighted += sizeBy[s * nT + ti]! * raw[ti]![s]!;
    }
    const scale = weighted > 0 ? plain / weighted : 1;
    for (let s = 0; s < nF; s++) ltUnits[s]![ti]! += (sizeBy[s * nT + ti]! / 1000) * factors[ti]! * raw[ti]![s]! * scale;
  }
  const kaFactor = (ctx.seasonPm / 1000) * (ctx.shock.macroPm / 1000);
  // Key accounts' orders before delivery; after it, the units every supplier shipped them.
  const ordered = [...ctx.accountUnits];
  const delivered = new Array<number>(w.accounts.length).fill(0);

  w.firms.forEach((f, fi) => {
    const revenueBy = new Array<number>(nT).fill(0);
    const ltRevenueBy = new Array<number>(nT).fill(0);
    const unitsBy = new Array<number>(nT).fill(0);
    ctx.revenueBy[fi] = revenueBy;
    ctx.ltRevenueBy[fi] = ltRevenueBy;
    ctx.unitsBy[fi] = unitsBy;
    if (!f.active) {
      ctx.fillBp[fi] = 10_000;
      return;
    }
    const d = ctx.decisions[fi];
    // A firm ships its share of each key account's orders: all of them, or its part of a split.
    const kaOrders = w.accounts.map((a, ai) => (ordered[ai]! * kaFactor * orderSharePm(a, fi)) / 1000);
    const ltTotal = ltUnits[fi]!.reduce((s, x) => s + x, 0);
    ctx.ltOrders[fi] = ltTotal;
    const kaTotal = kaOrders.reduce((s, x) => s + x, 0);
    const orders = ltTotal + kaTotal + f.backlog;
    let capacity = orders;
    let expeditedYuan = 0;
    if (d) {
      capacity = ((ltTotal + kaTotal) * c.delivery.capacityBp) / 10_000 * (ctx.shock.capacityPm[fi]! / 1000);
      if (capacity < orders && d.contingency > 0) {
        const perUnit = 1000 / c.delivery.expediteUnitsPerThousandYuan;
        const extraUnits = Math.min(orders - capacity, d.contingency / perUnit);
        expeditedYuan = Math.ceil(extraUnits * perUnit);
        capacity += extraUnits;
      }
    }
    ctx.spend[fi]!.expedite = Math.min(expeditedYuan, d?.contingency ?? 0);

    // Priority requests jump the queue while operations still has goodwill to give.
    const priority = new Array<number>(w.accounts.length).fill(0);
    for (const req of d?.operations ?? []) {
      const ai = w.accounts.findIndex((a) => a.id === req.account && a.supplier === fi);
      if (ai < 0 || f.goodwill < c.delivery.goodwillFloor) continue;
      f.goodwill = Math.max(0, f.goodwill - (req.priority === 'P1' ? c.delivery.goodwillP1 : c.delivery.goodwillP2));
      priority[ai] = req.priority === 'P1' ? 2 : 1;
    }
    f.goodwill = Math.min(100, f.goodwill + c.delivery.goodwillRegen);

    // P1, then P2, then every other order — key accounts without a request and the long tail
    // with last round's backlog — pro rata. MODEL.md lists "P1 on every order" among the
    // strategies a bot must not win with; that only makes sense if a request buys something,
    // so a key account nobody asked operations about waits in the same queue as the tail.
    let left = capacity;
    const kaDelivered = new Array<number>(w.accounts.length).fill(0);
    for (const level of [2, 1]) {
      const want = kaOrders.reduce((s, o, ai) => s + (priority[ai] === level ? o : 0), 0);
      const ratio = want === 0 ? 1 : clamp(left / want, 0, 1);
      kaOrders.forEach((o, ai) => {
        if (priority[ai] === level) kaDelivered[ai] = o * ratio;
      });
      left -= want * ratio;
    }
    const oldBacklog = f.backlog;
    const restKa = kaOrders.reduce((s, o, ai) => s + (priority[ai] === 0 ? o : 0), 0);
    const restWant = ltTotal + oldBacklog + restKa;
    const ltRatio = restWant === 0 ? 1 : clamp(left / restWant, 0, 1);
    kaOrders.forEach((o, ai) => {
      if (priority[ai] === 0) kaDelivered[ai] = o * ltRatio;
      if (w.accounts[ai]!.supplier === fi) ctx.accountFillBp[ai] = o === 0 ? 10_000 : Math.round((kaDelivered[ai]! / o) * 10_000);
    });
    const unfilled = orders - Math.min(orders, capacity);
    f.backlog = Math.round((unfilled * c.delivery.backlogBp) / 10_000);
    const fill = orders === 0 ? 1 : Math.min(orders, capacity) / orders;
    ctx.fillBp[fi] = Math.round(fill * 10_000);

    let ka = 0;
    kaDelivered.forEach((u, ai) => {
      const a = w.accounts[ai]!;
      if (orderSharePm(a, fi) === 0) return;
      delivered[ai] = delivered[ai]! + u;
      const ti = w.territories.findIndex((t) => t.id === a.territory);
      const revenue = (u * bookedPricePm(a, fi) * list) / 1000;
      revenueBy[ti]! += revenue;
      unitsBy[ti]! += u;
      ka += revenue;
    });
    let lt = 0;
    w.territories.forEach((t, ti) => {
      // Backlog from last round ships with this round's orders, spread like them.
      const share = ltTotal === 0 ? 0 : ltUnits[fi]![ti]! / ltTotal;
      const units = (ltUnits[fi]![ti]! + oldBacklog * share) * ltRatio;
      const revenue = (units * priceOf(w, ctx, fi, t.tier) * list) / 1000;
      revenueBy[ti]! += revenue;
      ltRevenueBy[ti]! += revenue;
      unitsBy[ti]! += units;
      lt += revenue;
    });
    ctx.ltRevenue[fi] = lt;
    ctx.kaRevenue[fi] = ka;
    ctx.delivered[fi] = Math.min(orders, capacity);
  });
  delivered.forEach((u, ai) => {
    ctx.accountUnits[ai] = u;
  });
}
