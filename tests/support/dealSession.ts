import { defaultDecisions } from '../../engine/model/defaultDecisions.ts';
import { valueSellingBot } from '../../engine/negotiation/bots.ts';
import { sessionDriver } from './teamSession.ts';

/**
 * A finished workshop session where team t1 (beside a balanced AI team) prepares a key-account
 * renewal for four rounds with executive visits, negotiates it to its end with a value-selling
 * bot's moves, then plays two more rounds. The account is the first whose renewal can be
 * prepared in full (its contract ends in round 7 or later). The seed (one where t1's deal, at
 * its quote, wins the account) is in the header; `round` is the negotiation's round and
 * `lowerQuote` a quote 10‰ under the logged one, which closes too.
 */
export function dealSession(seed = 'deal-fork-12', basePm = DEAL_BASE_PM) {
  const { s, as, fac, create, scenario } = sessionDriver(seed);
  create([
    { id: 't1', name: 'One', firm: 'team-1' },
    { id: 'ai', name: 'AI', firm: 'team-2', bot: 'never-negotiate' },
  ]);
  const team = as({ kind: 'team', id: 't1' });
  const account = [...scenario.keyAccounts].filter((a) => a.contractEnd >= 7).sort((a, b) => a.contractEnd - b.contractEnd || (a.id < b.id ? -1 : 1))[0]!;
  const round = account.contractEnd;
  const bot = valueSellingBot({ basePm });
  for (let r = 1; r <= round + 2; r++) {
    fac({ type: 'OpenRound' });
    const left = round - r;
    const plan = defaultDecisions(s.state.markets[0]!, scenario, 0);
    // Renewal preparation: an executive visit in each of the rounds 6 to 3 before the contract ends.
    team({ type: 'SubmitDecisions', team: 't1', decisions: left >= 3 && left <= 6 ? { ...plan, executive: [{ account: account.id, hours: 4 }] } : plan });
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

/** The value-selling bot's ask with no value built, ‰: low enough to close at the quote against the incumbent. */
export const DEAL_BASE_PM = 850;
