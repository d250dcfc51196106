import { contestRelationship } from '../model/accountShare.ts';
import type { AccountNegotiation } from '../model/decisions.ts';
import type { Scenario } from '../model/scenario.ts';
import type { AccountState, MarketState } from '../model/state.ts';
import { startNegotiation, type PersistedNegotiation } from './machine.ts';
import { buyerPersona } from './persona.ts';
import { negotiationScore } from './score.ts';
import type { Defender, Persona } from './types.ts';

/**
 * Accounts a firm may negotiate with in a round: those whose contract ends that round (or that
 * have no supplier), in the firm's territories. The same rule for people, bots and the balance
 * tools.
 */
export function negotiableAccountIds(market: MarketState, firm: number, round: number): string[] {
  const f = market.firms[firm]!;
  return market.accounts.filter((a) => (a.contractEnd === round || a.supplier < 0) && f.territories.includes(a.territory)).map((a) => a.id);
}

/**
 * The negotiation a firm opens with an account in a round: the buyer from the account's own
 * stream, trust from the relationship (the incumbent's own, a challenger's from its renewal
 * preparation).
 */
export function openAccountNegotiation(market: MarketState, scenario: Scenario, seed: string, firm: number, account: string, round: number): PersistedNegotiation {
  const a = market.accounts.find((x) => x.id === account)!;
  const relationship = contestRelationship(a, firm, a.preparation[firm]!, scenario.coefficients.customers);
  const buyer = buyerPersona(seed, account, round, scenario.keyAccounts.find((k) => k.id === account)?.industry ?? 'general');
  const d = defendingOffer(market, scenario, firm, a, relationship);
  const persona: Persona = d ? { ...buyer, alternative: { pricePm: d.pricePm, service: market.firms[d.firm]!.service }, defender: d } : buyer;
  return startNegotiation(persona, {
    volume: a.volume,
    listPrice: scenario.product.listPrice,
    unitCost: scenario.product.unitCost,
    relationship,
  });
}

/**
 * The offer a firm's seller is up against at an account: the incumbent defending it (at its
 * tier price less its defence discount), or — for the firm's own account, or one with no
 * supplier — the strongest other firm in the territory bidding for it (less its bid discount).
 * Its pitch shows the buyer the AI's standard value. The buyer weighs relationships too: each
 * 10 points the defender holds over this firm are worth `roomRelationshipPer10Pm` ‰ of list. A group
 * firm's bundle campaign cuts its price 5%; a renewal this firm never prepared lets the rival
 * price 5% harder. None when nobody else sells in the territory.
 */
export function defendingOffer(market: MarketState, scenario: Scenario, firm: number, a: AccountState, relationship: number): Defender | null {
  const c = scenario.coefficients;
  const tier = market.territories.find((t) => t.id === a.territory)!.tier;
  const inPlay = (fi: number) => fi !== firm && market.firms[fi]!.active && market.firms[fi]!.territories.includes(a.territory);
  const price = (fi: number, discountBp: number) => market.firms[fi]!.pricePm[tier - 1]! * (1 - discountBp / 10_000);
  let defender = -1;
  let pricePm = 0;
  if (a.supplier >= 0 && inPlay(a.supplier)) {
    defender = a.supplier;
    pricePm = price(defender, c.competitors.aiDefendDiscountBp);
  } else {
    // The rival with the lowest price bids (a team firm bids like an AI one here: what it will say is not known yet).
    market.firms.forEach((_, fi) => {
      if (!inPlay(fi)) return;
      const p = price(fi, c.competitors.aiBidDiscountBp);
      if (defender < 0 || p < pricePm) {
        defender = fi;
        pricePm = p;
      }
    });
  }
  if (defender < 0) return null;
  const f = market.firms[defender]!;
  const campaign = f.kind === 'group' && f.ai.campaignRounds > 0;
  const late = a.supplier !== firm && a.preparation[firm] === 0;
  const cut = (campaign ? 0.05 : 0) + (late ? c.customers.lateRenewalRivalBp / 10_000 : 0);
  // The defender's standing with the buyer: the incumbent's relationship, a bidder's renewal preparation.
  // An AI firm always prepares a bid (as in the renewal contest: two rounds' worth).
  const prep = f.kind === 'team' ? a.preparation[defender]! : Math.max(2, a.preparation[defender]!);
  const theirs = contestRelationship(a, defender, prep, c.customers);
  return {
    firm: defender,
    pricePm: Math.round(pricePm * (1 - cut)),
    valueBp: c.competitors.aiOfferValueBp,
    edgePm: (c.customers.roomRelationshipPer10Pm * (theirs - relationship)) / 10,
  };
}

/** How a negotiation ended, as the round's resolution reads it. */
export function accountNegotiationOf(firm: number, account: string, n: PersistedNegotiation): AccountNegotiation {
  const c = n.context;
  const deal = n.stage === 'deal';
  return {
    firm,
    account,
    deal,
    pricePm: deal ? c.dealPricePm : 0,
    netPricePm: deal ? c.dealPricePm - c.concessionCostPm : 0,
    concessionValuePm: c.concessionValuePm,
    perceivedValueBp: c.perceivedValueBp,
    trust: c.trust,
    goodwillCost: c.goodwillCost,
    score: negotiationScore(c),
  };
}
