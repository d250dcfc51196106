import { sessionDriver } from './teamSession.ts';

/**
 * A one-team workshop session that talks to the first key account up for renewal (three moves)
 * and closes that round. The seed is in the header.
 */
export function negotiationSession(seed = 'neg-replay') {
  const { s, as, fac, scenario, hash } = sessionDriver(seed);
  fac({ type: 'CreateSession', scenario, scenarioHash: hash, mode: 'shared', teams: [{ id: 't1', name: 'One', firm: 'team-1' }] });
  const account = [...scenario.keyAccounts].sort((a, b) => a.contractEnd - b.contractEnd)[0]!;
  for (let r = 1; r < account.contractEnd; r++) {
    fac({ type: 'OpenRound' });
    fac({ type: 'CloseRound' });
  }
  fac({ type: 'OpenRound' });
  const team = as({ kind: 'team', id: 't1' });
  team({ type: 'StartNegotiation', team: 't1', account: account.id });
  const pain = s.state.negotiations.at(-1)!.negotiation.context.persona.pains[0]!;
  team({ type: 'NegotiationMove', team: 't1', account: account.id, move: { kind: 'situation' } });
  team({ type: 'NegotiationMove', team: 't1', account: account.id, move: { kind: 'problem', pain } });
  team({ type: 'NegotiationMove', team: 't1', account: account.id, move: { kind: 'implication', pain } });
  fac({ type: 'CloseRound' });
  return { s, account };
}
