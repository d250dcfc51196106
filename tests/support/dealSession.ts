import { defaultDecisions } from '../../engine/model/defaultDecisions.ts';
import { valueSellingBot } from '../../engine/negotiation/bots.ts';
import { sessionDriver } from './teamSession.ts';

/**
 * A finished workshop session where team t1 (beside a balanced AI team) negotiates the first
 * key-account renewal to its end with the value-selling bot's moves, then plays two more rounds.
 * The seed (one where t1's deal wins the account's contest) is in the header; `round` is the
 * negotiation's round.
 */
export function dealSession(seed = 'deal-fork-58') {
  const { s, as, fac, create, scenario } = sessionDriver(seed);
  create([
    { id: 't1', name: 'One', firm: 'team-1' },
    { id: 'ai', name: 'AI', firm: 'team-2', bot: 'never-negotiate' },
  ]);
  const team = as({ kind: 'team', id: 't1' });
  const account = [...scenario.keyAccounts].sort((a, b) => a.contractEnd - b.contractEnd)[0]!;
  const round = account.contractEnd;
  const bot = valueSellingBot();
  for (let r = 1; r <= round + 2; r++) {
    fac({ type: 'OpenRound' });
    team({ type: 'SubmitDecisions', team: 't1', decisions: defaultDecisions(s.state.markets[0]!, scenario, 0) });
    if (r === round) {
      team({ type: 'StartNegotiation', team: 't1', account: account.id });
      for (let i = 0; i < 30; i++) {
        const n = s.state.negotiations.at(-1)!.negotiation;
        if (n.stage === 'deal' || n.stage === 'noDeal') break;
        team({ type: 'NegotiationMove', team: 't1', account: account.id, move: bot(n.context, n.stage) });
      }
    }
    fac({ type: 'CloseRound' });
  }
  fac({ type: 'EndSession' });
  return { s, account, round };
}
