import { moveShapeProblem } from '../negotiation/moveShape.ts';
import { reject, type Rejection } from '../core/decider.ts';
import type { AccountNegotiation } from '../model/decisions.ts';
import { playMove, startNegotiation, type PersistedNegotiation } from '../negotiation/machine.ts';
import { buyerPersona } from '../negotiation/persona.ts';
import { negotiationScore } from '../negotiation/score.ts';
import type { Move } from '../negotiation/types.ts';
import type { SessionNegotiation, SessionState, Team } from './state.ts';
import { firmIndexOf, marketIndexOf } from './teams.ts';

/** Accounts a team may negotiate with this round: those whose contract ends now (or that have no supplier), in its territories. */
export function negotiableAccounts(state: SessionState, team: Team): string[] {
  const market = state.markets[marketIndexOf(state, team.id)]!;
  const firm = market.firms[firmIndexOf(state, team)]!;
  return market.accounts
    .filter((a) => (a.contractEnd === state.round || a.supplier < 0) && firm.territories.includes(a.territory))
    .map((a) => a.id);
}

export function findNegotiation(state: SessionState, team: string, account: string): SessionNegotiation | undefined {
  return state.negotiations.find((n) => n.team === team && n.account === account && n.round === state.round);
}

/** The negotiation a team opens with an account: the buyer from the account's own stream, trust from the relationship. */
export function openNegotiation(state: SessionState, seed: string, team: Team, account: string): PersistedNegotiation {
  const market = state.markets[marketIndexOf(state, team.id)]!;
  const firm = firmIndexOf(state, team);
  const a = market.accounts.find((x) => x.id === account)!;
  const relationship = a.supplier === firm ? a.relationship : Math.min(60, a.preparation[firm]! * 10);
  const scenario = state.scenario!;
  const buyer = buyerPersona(seed, account, state.round);
  // The rival offer hardens when a group firm runs its bundle campaign here, and when this firm
  // never prepared the renewal (MODEL.md: a late start raises the rival's offer by 5%).
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

export function checkStart(state: SessionState, team: Team, account: string): Rejection | null {
  if (typeof account !== 'string' || !state.markets[marketIndexOf(state, team.id)]!.accounts.some((a) => a.id === account)) {
    return reject('decisions.unknown-account', { value: String(account) }, 'account');
  }
  if (!negotiableAccounts(state, team).includes(account)) return reject('negotiation.not-open', { account, round: state.round }, 'account');
  if (findNegotiation(state, team.id, account)) return reject('negotiation.exists', { account }, 'account');
  return null;
}

export function checkMove(state: SessionState, team: Team, account: string, move: Move): Rejection | null {
  const current = findNegotiation(state, team.id, account);
  if (!current) return reject('negotiation.none', { account: String(account) }, 'account');
  if (current.negotiation.stage === 'deal' || current.negotiation.stage === 'noDeal') return reject('negotiation.over', { account }, 'account');
  const shape = moveShapeProblem(move);
  if (shape) return shape;
  const played = playMove(current.negotiation, move);
  if (!played.ok) return reject('negotiation.move-not-allowed', { move: move.kind, allowed: played.allowed.join(', ') }, 'move');
  return null;
}

/** How each team's negotiations of the open round ended, for the round's resolution of one market. */
export function negotiationResults(state: SessionState, teams: readonly Team[]): AccountNegotiation[] {
  const out: AccountNegotiation[] = [];
  for (const n of state.negotiations) {
    if (n.round !== state.round) continue;
    const team = teams.find((t) => t.id === n.team);
    if (!team) continue;
    const c = n.negotiation.context;
    const deal = n.negotiation.stage === 'deal';
    out.push({
      firm: firmIndexOf(state, team),
      account: n.account,
      deal,
      pricePm: deal ? c.dealPricePm : 0,
      netPricePm: deal ? c.dealPricePm - c.concessionCostPm : 0,
      concessionValuePm: c.concessionValuePm,
      perceivedValueBp: c.perceivedValueBp,
      trust: c.trust,
      goodwillCost: c.goodwillCost,
      score: negotiationScore(c),
    });
  }
  return out;
}
