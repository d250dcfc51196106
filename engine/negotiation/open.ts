import type { AccountNegotiation } from '../model/decisions.ts';
import type { Scenario } from '../model/scenario.ts';
import type { MarketState } from '../model/state.ts';
import { startNegotiation, type PersistedNegotiation } from './machine.ts';
import { buyerPersona } from './persona.ts';
import { negotiationScore } from './score.ts';

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
  const relationship = a.supplier === firm ? a.relationship : Math.min(60, a.preparation[firm]! * 10);
  const buyer = buyerPersona(seed, account, round);
  // The rival offer hardens when a group firm runs its bundle campaign here, and when this firm
  // never prepared the renewal (a late start raises the rival's offer by 5%).
  const campaign = market.firms.some((f) => f.kind === 'group' && f.active && f.ai.campaignRounds > 0 && f.territories.includes(a.territory));
  const late = a.preparation[firm] === 0;
  const rivalCut = (campaign ? 0.05 : 0) + (late ? scenario.coefficients.customers.lateRenewalRivalBp / 10_000 : 0);
  const persona = rivalCut === 0 ? buyer : { ...buyer, alternative: { ...buyer.alternative, pricePm: Math.round(buyer.alternative.pricePm * (1 - rivalCut)) } };
  return startNegotiation(persona, {
    volume: a.volume,
    listPrice: scenario.product.listPrice,
    unitCost: scenario.product.unitCost,
    relationship,
  });
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
