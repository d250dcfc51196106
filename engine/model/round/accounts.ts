import { powInt } from '../../core/detMath.ts';
import { clamp, roundHalfEven } from '../../core/fixedPoint.ts';
import { stream } from '../../core/rng.ts';
import type { Coefficients } from '../coefficients.ts';
import type { AccountNegotiation } from '../decisions.ts';
import { contestRelationship } from '../accountShare.ts';
import type { AccountState } from '../state.ts';
import type { RoundContext, Work } from './context.ts';
import { priceOf } from './market.ts';

/**
 * Units an account orders this round: its contracted volume, moved by how well it is looked
 * after — (careFloorPm + careSlopePm·CSAT)‰, full volume at CSAT 80, less when neglected — and,
 * for an account upgraded from the long tail, its share of wallet growing by
 * upgradeWalletGainPm over upgradeRampRounds as its relationship reaches 40 and its CSAT 80
 * (none at CSAT 60).
 */
export function accountVolume(a: Pick<AccountState, 'volume' | 'upgradedRound' | 'csat' | 'relationship'>, round: number, c: Coefficients['customers']): number {
  const care = Math.min(1100, c.careFloorPm + c.careSlopePm * a.csat) / 1000;
  if (a.upgradedRound === 0) return a.volume * care;
  // The wallet grows only as the relationship and the account's satisfaction do: an account
  // nobody looks after, or one that was not ready, stays as it was.
  const ready = Math.min(1, Math.max(0, (a.csat - 60) / 20));
  const progress = Math.min(1, (round - a.upgradedRound) / c.upgradeRampRounds) * Math.min(1, a.relationship / 40) * ready;
  return a.volume * (1 + (c.upgradeWalletGainPm / 1000) * progress) * care;
}

/** The owner's call-units a key account needs a round to feel looked after: more for a bigger account. */
export function serviceNeed(a: Pick<AccountState, 'volume'>, c: Coefficients['customers']): number {
  return Math.min(c.kaServiceMaxHours, c.kaServiceBaseHours + (c.kaServiceHoursPer100Units * a.volume) / 100);
}

/** An owner's key-account hours, shared among the accounts they own by what each needs. */
export function ownerHoursFor(a: Pick<AccountState, 'volume' | 'owner' | 'supplier'>, accounts: readonly Pick<AccountState, 'volume' | 'owner' | 'supplier'>[], ownerHours: number, c: Coefficients['customers']): number {
  let needs = 0;
  for (const x of accounts) if (x.supplier === a.supplier && x.owner !== '' && x.owner === a.owner) needs += serviceNeed(x, c);
  return needs > 0 ? (ownerHours * serviceNeed(a, c)) / needs : ownerHours;
}

/** The price a firm would hold an account at: its tier price less half its discount allowance. */
function offerPrice(w: Work, ctx: RoundContext, fi: number, tier: number): number {
  const list = priceOf(w, ctx, fi, tier);
  const discount = ctx.decisions[fi]?.maxDiscountBp ?? 300;
  return Math.round(list * (1 - discount / 20_000));
}

/**
 * Key accounts: relationships built by the owner's hours and executive contact, renewal
 * preparation 6 to 3 rounds ahead, and the renewal contest (contest()) at contract end — or
 * earlier, when a neglected account hears rivals out.
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
    // A second supplier that left the market leaves its share to the first.
    if (a.split && !w.firms[a.split.firm]!.active) delete a.split;
    // Relationship: the owner's account hours, executive contact, and slow decay without either.
    const execBy = w.firms.map((_, fi) => ctx.decisions[fi]?.executive.find((e) => e.account === a.id)?.hours ?? 0);
    if (a.supplier >= 0) {
      const f = w.firms[a.supplier]!;
      const d = ctx.decisions[a.supplier];
      let hours = 0;
      if (d) {
        const plan = d.reps.find((p) => p.rep === a.owner);
        hours = plan ? ownerHoursFor(a, w.accounts, plan.accounts, c.customers) : 0;
      } else hours = 6;
      // Care against what the account needs: full care builds 2 points a round, none loses 3.
      const care = Math.min(1.5, hours / serviceNeed(a, c.customers));
      const exec = (execBy[a.supplier]! / c.customers.execHoursPerFivePoints) * 5;
      a.relationship = clamp(roundHalfEven(a.relationship + 5 * care + exec - 3), 0, 100);
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
    // A neglected account listens to rivals before its contract ends: the lower its CSAT, the
    // likelier a rival gets a hearing this round (one draw a round from its own stream).
    const contested =
      a.supplier >= 0 && a.csat < c.customers.contestCsatBelow && ctx.round < a.contractEnd
        ? stream(ctx.seed, 'accounts', a.id, ctx.round, 'contest').next() < (c.customers.contestCsatBelow - a.csat) / c.customers.contestCsatBelow
        : false;
    if (ctx.round >= a.contractEnd || a.supplier < 0 || contested) contest(w, ctx, a, ai, t.tier, talks, contested && ctx.round < a.contractEnd);
    ctx.accountUnits[ai] = a.supplier >= 0 ? accountVolume(a, ctx.round, c.customers) : 0;
  });
}

/** One contender's offer as the buyer weighs it. */
interface Offer {
  readonly firm: number;
  /** Price the buyer pays, net of what concessions are worth to it, ‰ of list. */
  readonly pricePm: number;
  /** Price the seller books, ‰ of list. */
  readonly bookedPm: number;
  readonly relationship: number;
  /** Value the seller showed the buyer, bp (a negotiation's perceived value; an AI's standard pitch). */
  readonly valueBp: number;
  readonly trust: number;
  readonly preparation: number;
  readonly deal: AccountNegotiation | null;
}

/**
 * The contest for an account whose contract ends (or that has no supplier, or that is neglected
 * enough to hear rivals out mid-contract). Every firm in the territory may offer: a team through
 * the deal it negotiated (one that failed is out), an incumbent team without talks at its tier
 * price less half its discount allowance; AI firms defend what they hold and bid, prepared, for
 * what they do not (only the strongest of them bids). The buyer weighs each offer —
 *   U = (1000·(1 + value)/price)^e · (1 + service) · (1 + relationship/100) · (1 + trust/500)
 *       · (1 + 0.15·preparation) · campaign · loyalty
 * (the incumbent's: 1 + loyaltyPm·(CSAT − 50)/50, at least 0.5)
 * — value for money first: the value a seller made the buyer see raises what its price is
 * worth, (1000·(1 + value)/price)^e, as the deck's value selling says — and chooses by lot with
 * chances ∝ U^contestSharpness: the best offer usually wins, a close second sometimes does. An
 * incumbent that never prepared the renewal weighs half its relationship, and its rivals' offers
 * count 5% more. A buyer that cannot choose — the incumbent and one rival within splitWithinPm of
 * each other — splits its orders: the runner-up takes splitSharePm of them at its own price.
 */
function contest(
  w: Work,
  ctx: RoundContext,
  a: Work['accounts'][number],
  ai: number,
  tier: number,
  talks: readonly AccountNegotiation[],
  midContract: boolean,
): void {
  const c = ctx.c;
  const k = c.competitors;
  const e = c.attraction.priceExponent[tier - 1]!;
  const incumbent = a.supplier;
  const AI_PREPARATION = 2;
  const offers: Offer[] = [];
  w.firms.forEach((f, fi) => {
    if (!f.active || !f.territories.includes(a.territory)) return;
    const talk = talks.find((n) => n.firm === fi);
    const isTeam = ctx.decisions[fi] !== null && ctx.decisions[fi] !== undefined;
    if (talk && !talk.deal) return;
    const prep = isTeam ? a.preparation[fi]! : Math.max(a.preparation[fi]!, AI_PREPARATION);
    const rel = contestRelationship(a, fi, prep, c.customers);
    if (talk) {
      const price = Math.max(1, talk.pricePm - talk.concessionValuePm);
      offers.push({ firm: fi, pricePm: price, bookedPm: Math.round(talk.netPricePm), relationship: rel, valueBp: talk.perceivedValueBp, trust: talk.trust, preparation: prep, deal: talk });
      return;
    }
    if (isTeam) {
      // A team that did not negotiate renews its own account passively, and bids for no other.
      if (fi !== incumbent) return;
      const price = offerPrice(w, ctx, fi, tier);
      offers.push({ firm: fi, pricePm: price, bookedPm: price, relationship: rel, valueBp: 0, trust: 0, preparation: prep, deal: null });
      return;
    }
    const list = priceOf(w, ctx, fi, tier);
    const price = Math.round(list * (1 - (fi === incumbent ? k.aiDefendDiscountBp : k.aiBidDiscountBp) / 10_000));
    offers.push({ firm: fi, pricePm: price, bookedPm: price, relationship: rel, valueBp: k.aiOfferValueBp, trust: 0, preparation: prep, deal: null });
  });
  // Of the AI firms that do not hold the account, only the one with the best offer bids: a key
  // account hears its incumbent, the teams that negotiated and one rival.
  const aiRivals = offers.filter((o) => o.firm !== incumbent && o.deal === null && !(ctx.decisions[o.firm] ?? null));
  if (aiRivals.length > 1) {
    const strength = (o: Offer) => powInt((1000 * (1 + o.valueBp / 10_000)) / o.pricePm, e) * (1 + w.firms[o.firm]!.service / 1000);
    const strongest = aiRivals.reduce((b, o) => (strength(o) > strength(b) ? o : b));
    for (const o of aiRivals) if (o !== strongest) offers.splice(offers.indexOf(o), 1);
  }
  const unprepared = !midContract && incumbent >= 0 && a.preparation[incumbent] === 0 && ctx.decisions[incumbent] !== null && ctx.decisions[incumbent] !== undefined;
  const utility = (o: Offer): number => {
    const f = w.firms[o.firm]!;
    const own = o.firm === incumbent;
    const rel = own && unprepared ? o.relationship / 2 : o.relationship;
    const campaign = f.kind === 'group' && f.ai.campaignRounds > 0 ? k.groupCampaignBoostPm / 1000 : 1;
    // A satisfied account leans to its incumbent, an unhappy one away from it.
    const loyalty = own ? Math.max(0.5, 1 + (c.customers.loyaltyPm / 1000) * ((a.csat - 50) / 50)) : unprepared ? 1 + c.customers.lateRenewalRivalBp / 10_000 : 1;
    return (
      powInt((1000 * (1 + o.valueBp / 10_000)) / o.pricePm, e) *
      (1 + f.service / 1000) *
      (1 + rel / 100) *
      (1 + o.trust / 500) *
      (1 + 0.15 * Math.min(4, o.preparation)) *
      campaign *
      loyalty
    );
  };
  // Every offer the buyer heard, the defending ones included: a split is weighed against them.
  const heard = [...offers];
  // A deal agreed at the table was weighed there against the offer it was up against: the
  // buyer signs one of the deals it agreed (several teams may have agreed terms), and the
  // defending offers only compete when nobody agreed.
  if (offers.some((o) => o.deal !== null)) offers.splice(0, offers.length, ...offers.filter((o) => o.deal !== null));
  if (offers.length === 0) return;
  const sharp = c.customers.contestSharpness;
  const weights = offers.map((o) => powInt(utility(o), sharp));
  const total = weights.reduce((sum, x) => sum + x, 0);
  let x = stream(ctx.seed, 'accounts', a.id, ctx.round).next() * total;
  let chosen = offers.length - 1;
  for (let i = 0; i < offers.length; i++) {
    x -= weights[i]!;
    if (x < 0) {
      chosen = i;
      break;
    }
  }
  const best = offers[chosen]!;
  const winner = best.firm;
  // Too close to call: a buyer keeps its incumbent on part of the orders when a rival wins by
  // a hair, and gives a rival that came close a share beside the incumbent it keeps. Only the
  // incumbent and one rival share an account, never two newcomers.
  const bestU = utility(best);
  const runnerUp = winner !== incumbent ? heard.find((o) => o.firm === incumbent) : heard.filter((o) => o.firm !== incumbent).reduce<Offer | undefined>((b, o) => (!b || utility(o) > utility(b) ? o : b), undefined);
  const split = runnerUp && utility(runnerUp) * 1000 >= c.customers.splitWithinPm * bestU ? runnerUp : undefined;
  // A neglected account that hears rivals out and stays keeps its contract as it was, unless it
  // moves part of its orders to the rival that came close.
  if (midContract && winner === incumbent) {
    if (!split) return;
    ctx.accountEvents[ai] = 'split';
    a.split = { firm: split.firm, sharePm: c.customers.splitSharePm, pricePm: split.bookedPm };
    return;
  }
  ctx.accountEvents[ai] = split ? 'split' : winner === incumbent ? 'renewed' : incumbent >= 0 ? 'lost' : 'won';
  if (winner !== incumbent) {
    a.relationship = Math.min(60, 30 + best.preparation * 10);
    a.csat = 70;
    a.owner = w.firms[winner]!.reps.find((r) => r.territory === a.territory)?.id ?? '';
  }
  a.supplier = winner;
  a.pricePm = best.bookedPm;
  if (split) a.split = { firm: split.firm, sharePm: c.customers.splitSharePm, pricePm: split.bookedPm };
  else delete a.split;
  for (const o of split ? [best, split] : [best]) if (o.deal) w.firms[o.firm]!.goodwill = Math.max(0, w.firms[o.firm]!.goodwill - o.deal.goodwillCost);
  a.contractEnd = ctx.round + 12;
  a.preparation = a.preparation.map(() => 0);
}
