import { powInt } from '../../core/detMath.ts';
import { clamp, roundHalfEven } from '../../core/fixedPoint.ts';
import { stream } from '../../core/rng.ts';
import type { AccountNegotiation } from '../decisions.ts';
import type { AccountState } from '../state.ts';
import type { RoundContext, Work } from './context.ts';
import { churnMultiplierPm } from './customerFlow.ts';
import { priceOf } from './market.ts';

/** Volume an account orders this round: contracted volume, upgraded accounts ramping up to their multiple. */
export function accountVolume(a: Pick<AccountState, 'volume' | 'upgradedRound'>, round: number, rampRounds: number, multiplePm: number): number {
  if (a.upgradedRound === 0) return a.volume;
  const progress = Math.min(1, (round - a.upgradedRound) / rampRounds);
  return a.volume * (1 + ((multiplePm - 1000) / 1000) * progress);
}

/** The price a firm would hold an account at: its tier price less half its discount allowance. */
function offerPrice(w: Work, ctx: RoundContext, fi: number, tier: number): number {
  const list = priceOf(w, ctx, fi, tier);
  const discount = ctx.decisions[fi]?.maxDiscountBp ?? 300;
  return Math.round(list * (1 - discount / 20_000));
}

/**
 * Key accounts: relationships built by the owner's hours and executive contact, renewal
 * preparation 6 to 3 rounds ahead, and the renewal contest at contract end. When teams
 * negotiated for the account this round, it takes the best offer (chooseOffer); otherwise it
 * weighs each contender's price, service, relationship and preparation against how satisfied
 * the account is with its supplier, and an unprepared incumbent loses it with MODEL.md's 60%.
 */
export function keyAccounts(w: Work, ctx: RoundContext): void {
  const c = ctx.c;
  w.accounts.forEach((a, ai) => {
    ctx.accountPrevious[ai] = a.supplier;
    ctx.accountEvents[ai] = '';
    const ti = w.territories.findIndex((t) => t.id === a.territory);
    const t = w.territories[ti]!;
    const sup = a.supplier;
    if (sup >= 0 && !w.firms[sup]!.active) {
      a.supplier = -1;
      ctx.accountEvents[ai] = 'churned';
    }
    // Relationship: the owner's account hours, executive contact, and slow decay without either.
    const execBy = w.firms.map((_, fi) => ctx.decisions[fi]?.executive.find((e) => e.account === a.id)?.hours ?? 0);
    if (a.supplier >= 0) {
      const f = w.firms[a.supplier]!;
      const d = ctx.decisions[a.supplier];
      let hours = 0;
      if (d) {
        const owned = w.accounts.filter((x) => x.supplier === a.supplier && x.owner !== '' && x.owner === a.owner).length || 1;
        const plan = d.reps.find((p) => p.rep === a.owner);
        hours = plan ? plan.accounts / owned : 0;
      } else hours = 6;
      const exec = (execBy[a.supplier]! / c.customers.execHoursPerFivePoints) * 5;
      a.relationship = clamp(roundHalfEven(a.relationship + hours / 2 + exec - 3), 0, 100);
      if (!f.reps.some((r) => r.id === a.owner)) a.owner = f.reps.find((r) => r.territory === a.territory)?.id ?? '';
    }
    const left = a.contractEnd - ctx.round;
    if (left >= c.customers.renewalLatestRounds && left <= c.customers.renewalEarliestRounds) {
      w.firms.forEach((f, fi) => {
        const prepared = execBy[fi]! > 0 || (fi === a.supplier && (ctx.decisions[fi] === null || (ctx.decisions[fi]?.reps.some((p) => p.rep === a.owner && p.accounts > 0) ?? false)));
        if (prepared && f.active) a.preparation[fi] = a.preparation[fi]! + 1;
      });
    }
    const talks = ctx.negotiations.filter((n) => n.account === a.id);
    if (ctx.round >= a.contractEnd || a.supplier < 0) {
      if (talks.some((n) => n.deal)) chooseOffer(w, ctx, a, ai, t.tier, talks);
      else renew(w, ctx, a, ai, t.tier, new Set(talks.map((n) => n.firm)));
    }
    ctx.accountUnits[ai] = a.supplier >= 0
      ? accountVolume(a, ctx.round, c.customers.upgradeRampRounds, c.customers.upgradeRevenueMultiplePm)
      : 0;
  });
}

/** The renewal contest without a negotiated deal; `excluded` firms negotiated and failed. */
function renew(w: Work, ctx: RoundContext, a: Work['accounts'][number], ai: number, tier: number, excluded: ReadonlySet<number>): void {
  const c = ctx.c;
  const e = c.attraction.priceExponent[tier - 1]!;
  const incumbent = a.supplier;
  // Only firms that prepared can take an account from its supplier; AI firms always court the
  // accounts in their territories, at a standard level of preparation.
  const AI_PREPARATION = 2;
  const prepOf = (fi: number) => (ctx.decisions[fi] ? a.preparation[fi]! : Math.max(a.preparation[fi]!, AI_PREPARATION));
  const value = w.firms.map((f, fi) => {
    if (!f.active || !f.territories.includes(a.territory) || excluded.has(fi)) return 0;
    if (fi !== incumbent && prepOf(fi) === 0) return 0;
    const price = offerPrice(w, ctx, fi, tier);
    const rel = fi === incumbent ? a.relationship : Math.min(60, prepOf(fi) * 10);
    const campaign = f.kind === 'group' && f.ai.campaignRounds > 0 ? c.competitors.groupCampaignBoostPm / 1000 : 1;
    const prep = 1 + 0.15 * Math.min(4, prepOf(fi));
    return powInt(1000 / price, e) * (1 + f.service / 1000) * (1 + rel / 100) * prep * campaign;
  });
  // A prepared incumbent defends with the account's satisfaction: rivals' bids count by
  // MODEL.md's churn multiplier for its CSAT (×0.4 at 80 and over, ×3 under 40).
  if (incumbent >= 0) {
    const mult = churnMultiplierPm(a.csat, c.customers.churnMultiplierPm) / 1000;
    for (let fi = 0; fi < value.length; fi++) if (fi !== incumbent) value[fi]! *= mult;
  }
  const unprepared = incumbent >= 0 && prepOf(incumbent) === 0;
  if (unprepared) {
    for (let fi = 0; fi < value.length; fi++) if (fi !== incumbent) value[fi]! *= 1 + c.customers.lateRenewalRivalBp / 10_000;
  }
  const dice = stream(ctx.seed, 'accounts', a.id, ctx.round);
  const u = dice.next();
  let winner: number;
  const rivals = value.map((v, fi) => (fi === incumbent ? 0 : v));
  const bestRival = rivals.indexOf(Math.max(...rivals));
  if (incumbent >= 0 && unprepared) {
    winner = u < c.customers.noRenewalChurnBp / 10_000 && rivals[bestRival]! > 0 ? bestRival : incumbent;
  } else {
    const total = value.reduce((s, v) => s + v, 0);
    let x = u * total;
    winner = value.findLastIndex((v) => v > 0);
    for (let fi = 0; fi < value.length; fi++) {
      x -= value[fi]!;
      if (x < 0 && value[fi]! > 0) {
        winner = fi;
        break;
      }
    }
  }
  if (winner < 0) return;
  if (winner === incumbent) ctx.accountEvents[ai] = 'renewed';
  else {
    ctx.accountEvents[ai] = incumbent >= 0 ? 'lost' : 'won';
    a.relationship = Math.min(60, 30 + prepOf(winner) * 10);
    a.csat = 70;
    a.owner = w.firms[winner]!.reps.find((r) => r.territory === a.territory)?.id ?? '';
  }
  a.supplier = winner;
  a.pricePm = offerPrice(w, ctx, winner, tier);
  a.contractEnd = ctx.round + 12;
  a.preparation = a.preparation.map(() => 0);
}

/**
 * The account signs the best deal a team closed with its buyer. The buyer agreed to each deal
 * knowing its alternative (the persona's rival offer), so the AI firms are already in the
 * comparison; between several teams' deals it weighs price net of what the concessions are
 * worth, the value it was shown, the relationship and trust.
 */
function chooseOffer(
  w: Work,
  ctx: RoundContext,
  a: Work['accounts'][number],
  ai: number,
  tier: number,
  talks: readonly AccountNegotiation[],
): void {
  const e = ctx.c.attraction.priceExponent[tier - 1]!;
  const incumbent = a.supplier;
  const value = w.firms.map((f, fi) => {
    const talk = talks.find((n) => n.firm === fi && n.deal);
    if (!talk || !f.active) return 0;
    const rel = fi === incumbent ? a.relationship : Math.min(60, a.preparation[fi]! * 10);
    const price = Math.max(1, talk.pricePm - talk.concessionValuePm);
    return powInt(1000 / price, e) * (1 + f.service / 1000) * (1 + rel / 100) * (1 + talk.perceivedValueBp / 10_000) * (1 + talk.trust / 500);
  });
  let winner = -1;
  value.forEach((v, fi) => {
    if (v > 0 && (winner < 0 || v > value[winner]!)) winner = fi;
  });
  if (winner < 0) return;
  const talk = talks.find((n) => n.firm === winner && n.deal);
  ctx.accountEvents[ai] = winner === incumbent ? 'renewed' : incumbent >= 0 ? 'lost' : 'won';
  if (winner !== incumbent) {
    a.relationship = Math.min(60, 30 + a.preparation[winner]! * 10);
    a.csat = 70;
    a.owner = w.firms[winner]!.reps.find((r) => r.territory === a.territory)?.id ?? '';
  }
  a.supplier = winner;
  a.pricePm = talk ? Math.round(talk.netPricePm) : offerPrice(w, ctx, winner, tier);
  if (talk) w.firms[winner]!.goodwill = Math.max(0, w.firms[winner]!.goodwill - talk.goodwillCost);
  a.contractEnd = ctx.round + 12;
  a.preparation = a.preparation.map(() => 0);
}
