import { moveShapeProblem } from '../negotiation/moveShape.ts';
import { reject, type Rejection } from '../core/decider.ts';
import type { AccountNegotiation } from '../model/decisions.ts';
import { playMove, type PersistedNegotiation } from '../negotiation/machine.ts';
import { accountNegotiationOf, negotiableAccountIds, openAccountNegotiation } from '../negotiation/open.ts';
import type { Move } from '../negotiation/types.ts';
import type { SessionNegotiation, SessionState, Team } from './state.ts';
import { firmIndexOf, marketIndexOf } from './teams.ts';

/** Accounts a team may negotiate with this round: those whose contract ends now (or that have no supplier), in its territories. */
export function negotiableAccounts(state: SessionState, team: Team): string[] {
  return negotiableAccountIds(state.markets[marketIndexOf(state, team.id)]!, firmIndexOf(state, team), state.round);
}

export function findNegotiation(state: SessionState, team: string, account: string): SessionNegotiation | undefined {
  return state.negotiations.find((n) => n.team === team && n.account === account && n.round === state.round);
}

/** The negotiation a team opens with an account: the buyer from the account's own stream, trust from the relationship. */
export function openNegotiation(state: SessionState, seed: string, team: Team, account: string): PersistedNegotiation {
  return openAccountNegotiation(state.markets[marketIndexOf(state, team.id)]!, state.scenario!, seed, firmIndexOf(state, team), account, state.round);
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
  if (!played.ok && played.reason === 'objection-open') {
    return reject('negotiation.objection-open', { objection: current.negotiation.context.pendingObjection, allowed: played.allowed.join(', ') }, 'move');
  }
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
    out.push(accountNegotiationOf(firmIndexOf(state, team), n.account, n.negotiation));
  }
  return out;
}
