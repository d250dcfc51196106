import { playBot } from '../../engine/bots/index.ts';
import { NEGOTIATION_BOTS } from '../../engine/negotiation/bots.ts';
import { firmIndexOf, marketIndexOf } from '../../engine/session/teams.ts';
import { negotiableAccounts } from '../../engine/session/negotiations.ts';
import { sessionDriver } from './teamSession.ts';

/** Seven teams of people with a plan style each, and one AI team: a full workshop room. */
const TEAMS = [
  { id: 't1', name: 'North Star', plan: 'balanced', talk: 'value-selling' },
  { id: 't2', name: 'Bluewater', plan: 'max-discount', talk: 'discounting' },
  { id: 't3', name: 'Red Kite', plan: 'all-promotion', talk: 'value-selling' },
  { id: 't4', name: 'Jade Gate', plan: 'never-discount', talk: 'accept-first-counter' },
  { id: 't5', name: 'Iron Bridge', plan: 'zero-training', talk: 'discounting' },
  { id: 't6', name: 'Silver Lake', plan: 'all-long-tail', talk: 'value-selling' },
  { id: 't7', name: 'Pine Hill', plan: 'random', talk: 'fabe-without-discovery' },
] as const;

/**
 * A whole 12-round workshop with eight teams, as a facilitator's export would hold it: members
 * join, every team submits each round (some twice, one misses a round), each renewal that falls
 * due is negotiated by a team in that territory with its own style, and the facilitator injects
 * a shock. Big enough to show how the viewer copes with a real room; the seed is in the header.
 */
export function largeSession(seed = 'large-replay') {
  const { s, as, fac, create, scenario } = sessionDriver(seed);
  create([...TEAMS.map((x, i) => ({ id: x.id, name: x.name, firm: `team-${i + 1}` })), { id: 'ai', name: 'AI', firm: 'team-8', bot: 'never-negotiate' }]);
  for (const x of TEAMS) for (const m of ['a', 'b']) as({ kind: 'team', id: x.id })({ type: 'JoinTeam', team: x.id, member: `${x.id}-${m}` });
  for (let round = 1; round <= scenario.rounds; round++) {
    fac({ type: 'OpenRound' });
    if (round === 5) {
      fac({ type: 'InjectShock', shock: { id: 'port-strike', kind: 'downturn', round: 5, duration: 2, territory: '', magnitudePm: 200, signalled: false, title: { 'zh-CN': '港口罢工', 'zh-TW': '港口罷工', en: 'Port strike' } } });
    }
    const talking = new Set<string>();
    // A different team gets first pick of the renewals each round, so every style gets to talk.
    for (const x of [...TEAMS.slice(round % TEAMS.length), ...TEAMS.slice(0, round % TEAMS.length)]) {
      const team = as({ kind: 'team', id: x.id });
      const state = s.state;
      const t = state.teams.find((y) => y.id === x.id)!;
      // One renewal per team a round at most, and each account with one team only, as a room shares them out.
      const account = negotiableAccounts(state, t).find((a) => !talking.has(a));
      if (account) {
        talking.add(account);
        team({ type: 'StartNegotiation', team: x.id, account });
        const bot = NEGOTIATION_BOTS[x.talk]!;
        for (let i = 0; i < 30; i++) {
          const n = s.state.negotiations.find((y) => y.team === x.id && y.account === account && y.round === round)!.negotiation;
          if (n.stage === 'deal' || n.stage === 'noDeal') break;
          team({ type: 'NegotiationMove', team: x.id, account, move: bot(n.context, n.stage) });
        }
      }
      if (x.id === 't5' && round === 7) continue;
      const view = { market: s.state.markets[marketIndexOf(s.state, x.id)]!, scenario, firm: firmIndexOf(s.state, t), round, seed };
      const decisions = playBot(x.plan, view);
      team({ type: 'SubmitDecisions', team: x.id, decisions, member: `${x.id}-a` });
      if ((round + x.id.length) % 3 === 0) team({ type: 'SubmitDecisions', team: x.id, decisions, member: `${x.id}-b` });
    }
    fac({ type: 'CloseRound' });
  }
  fac({ type: 'EndSession' });
  return s;
}
