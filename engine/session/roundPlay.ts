import { playBot } from '../bots/index.ts';
import type { Decisions } from '../model/decisions.ts';
import { defaultDecisions } from '../model/defaultDecisions.ts';
import { reconcileDecisions } from '../model/reconcileDecisions.ts';
import type { RoundOutcome } from '../model/outcome.ts';
import { resolveRound } from '../model/round/resolveRound.ts';
import type { MarketState } from '../model/state.ts';
import type { DecisionSource } from './events.ts';
import type { SessionState } from './state.ts';
import { firmIndexOf, marketIndexOf, teamsInMarket } from './teams.ts';
import { negotiationResults } from './negotiations.ts';

/** Where each team's decisions for the round come from: its submission, last round's, a bot, or the default. */
export function decisionSources(state: SessionState): { team: string; source: DecisionSource }[] {
  return state.teams.map((t) => {
    if (t.bot) return { team: t.id, source: 'bot' };
    if (state.pending.some((p) => p.team === t.id)) return { team: t.id, source: 'submitted' };
    if (state.played.some((p) => p.team === t.id)) return { team: t.id, source: 'carried' };
    return { team: t.id, source: 'default' };
  });
}

/** The decisions each team plays this round, worked out from the sources recorded at closing. */
export function decisionsToPlay(
  state: SessionState,
  seed: string,
  sources: readonly { team: string; source: DecisionSource }[],
): { team: string; decisions: Decisions }[] {
  const scenario = state.scenario!;
  return state.teams.map((t) => {
    const source = sources.find((s) => s.team === t.id)?.source ?? 'default';
    const market = state.markets[marketIndexOf(state, t.id)]!;
    const firm = firmIndexOf(state, t);
    const view = { market, scenario, firm, round: state.round, seed };
    switch (source) {
      case 'submitted':
        return { team: t.id, decisions: state.pending.find((p) => p.team === t.id)!.decisions };
      case 'carried':
        return { team: t.id, decisions: reconcileDecisions(state.played.find((p) => p.team === t.id)!.decisions, market, scenario, firm) };
      case 'bot':
        return { team: t.id, decisions: playBot(t.bot ?? 'balanced', view) };
      case 'default':
        return { team: t.id, decisions: defaultDecisions(market, scenario, firm) };
    }
  });
}

/** Resolves the round in every market: one for a shared session, one per team in parallel mode. */
export function resolveMarkets(
  state: SessionState,
  seed: string,
  played: readonly { team: string; decisions: Decisions }[],
): { markets: MarketState[]; outcomes: RoundOutcome[] } {
  const scenario = state.scenario!;
  const markets: MarketState[] = [];
  const outcomes: RoundOutcome[] = [];
  state.markets.forEach((market, m) => {
    const decisions = scenario.firms.map(() => null as Decisions | null);
    for (const t of teamsInMarket(state, m)) {
      decisions[firmIndexOf(state, t)] = played.find((p) => p.team === t.id)!.decisions;
    }
    const negotiations = negotiationResults(state, teamsInMarket(state, m));
    const { market: next, outcome } = resolveRound(market, { scenario, seed, round: state.round, decisions, injected: state.injected, negotiations });
    markets.push(next);
    outcomes.push(outcome);
  });
  return { markets, outcomes };
}
