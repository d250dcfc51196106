import { clamp, roundHalfEven } from '../../core/fixedPoint.ts';
import { stream } from '../../core/rng.ts';
import type { RoundContext, Work } from './context.ts';
import { marketPrice, priceOf } from './market.ts';
import { ownerHoursFor, serviceNeed } from './accounts.ts';

/** Long-tail call-units a customer needs a round to feel looked after. */
const LT_HOURS_PER_CUSTOMER = 0.4;

/** MODEL.md: CSAT* = 35·fill + 25·response + 20·value + 20·relationship, inputs 0–1. */
export function targetCsat(fill: number, response: number, value: number, relationship: number, weights: readonly number[]): number {
  return weights[0]! * fill + weights[1]! * response + weights[2]! * value + weights[3]! * relationship;
}

/** Value for money as a customer sees it: price against what the market charges, lifted by quality. */
export function valueForMoney(pricePm: number, marketPricePm: number, quality: number): number {
  return clamp(0.5 + (marketPricePm - pricePm) / 300 + (quality - 500) / 1000, 0, 1);
}

/** Operations short of goodwill refuse priority and add a week of lead time: service slows. */
const SLOW_OPERATIONS = 0.8;

/**
 * Customer satisfaction moves 30% of the way to what this round deserved; complaints that
 * nobody had time to resolve cost a customer 5 points (a key account 10).
 */
export function satisfaction(w: Work, ctx: RoundContext): void {
  const c = ctx.c;
  const cols = w.customers;
  const nT = w.territories.length;
  const nF = w.firms.length;
  const count = new Int32Array(nF * nT);
  for (let i = 0; i < cols.supplier.length; i++) {
    const s = cols.supplier[i]!;
    if (s >= 0) count[s * nT + cols.territory[i]!]! += 1;
  }
  // Per firm and territory: where CSAT is heading, and the chance a customer's complaint goes
  // unanswered (unresolved complaints over customers).
  const target = new Float64Array(nF * nT);
  const unanswered = new Float64Array(nF * nT);
  w.firms.forEach((f, fi) => {
    if (!f.active) return;
    const d = ctx.decisions[fi];
    const fill = ctx.fillBp[fi]! / 10_000;
    for (let ti = 0; ti < nT; ti++) {
      const mine = count[fi * nT + ti]!;
      if (mine === 0) continue;
      const t = w.territories[ti]!;
      const automated = d?.territories.some((x) => x.territory === t.id && x.automation) ?? false;
      const lt = ctx.effort[fi]![ti]!.longTail;
      let response = d ? clamp(lt / (mine * LT_HOURS_PER_CUSTOMER), 0, 1) : 0.5 + f.service / 2000;
      if (automated) response = Math.max(response, 0.85);
      if (d && f.goodwill < c.delivery.goodwillFloor) response *= SLOW_OPERATIONS;
      const value = valueForMoney(priceOf(w, ctx, fi, t.tier), marketPrice(w, ctx, ti), f.quality);
      target[fi * nT + ti] = targetCsat(fill, response, value, t.coverage[fi]! / 1000, c.customers.csatWeights);
      const complaints = (c.customers.complaintRateBp / 10_000) * (1 + 3 * (1 - fill));
      unanswered[fi * nT + ti] = Math.min(1, complaints * (1 - response));
    }
  });
  // One pass, one draw per customer from one stream a round.
  const speed = c.customers.csatSpeedPm / 1000;
  const hit = c.customers.complaintCsatLt;
  const dice = stream(ctx.seed, 'complaints', ctx.round);
  for (let i = 0; i < cols.supplier.length; i++) {
    const u = dice.next();
    const s = cols.supplier[i]!;
    if (s < 0) continue;
    const k = s * nT + cols.territory[i]!;
    const before = cols.csat[i]!;
    let csat = clamp(roundHalfEven(before + speed * (target[k]! - before)), 0, 100);
    if (u < unanswered[k]!) csat = Math.max(0, csat - hit);
    cols.csat[i] = csat;
  }

  // A key account judges delivery by what it received itself, so a priority request protects it.
  w.firms.forEach((f, fi) => {
    if (!f.active) return;
    const d = ctx.decisions[fi];
    w.accounts.forEach((a, ai) => {
      if (a.supplier !== fi) return;
      const fill = (ctx.accountFillBp[ai] ?? 10_000) / 10_000;
      const ordered = ctx.accountUnits[ai]!;
      // The owner's key-account hours, shared among the accounts they own by what each needs.
      const plan = d?.reps.find((p) => p.rep === a.owner);
      const hours = ownerHoursFor(a, w.accounts, plan?.accounts ?? 0, c.customers);
      let response = d ? clamp(hours / serviceNeed(a, c.customers), 0, 1) : 0.5 + f.service / 2000;
      if (d && f.goodwill < c.delivery.goodwillFloor) response *= SLOW_OPERATIONS;
      const ti = w.territories.findIndex((x) => x.id === a.territory);
      const value = valueForMoney(a.pricePm, marketPrice(w, ctx, ti), f.quality);
      const target = targetCsat(fill, response, value, a.relationship / 100, c.customers.csatWeights);
      let csat = a.csat + (c.customers.csatSpeedPm / 1000) * (target - a.csat);
      if (fill < 0.95 && ordered > 0) csat -= c.customers.complaintCsatKa * (1 - response);
      a.csat = clamp(roundHalfEven(csat), 0, 100);
    });
  });
}
