import { firmFigures, type FirmFigures } from '../model/firmFigures.ts';
import { initialMarket } from '../model/init.ts';
import type { RoundOutcome } from '../model/outcome.ts';
import { resolveRound } from '../model/round/resolveRound.ts';
import type { Scenario } from '../model/scenario.ts';
import { scorecard, type FirmScore } from '../model/scorecard.ts';
import type { MarketState } from '../model/state.ts';
import { validateDecisions } from '../model/validateDecisions.ts';
import { defaultDecisions } from '../model/defaultDecisions.ts';
import type { Bot } from './bot.ts';
import { botNegotiationStrategy, playBot } from './index.ts';
import { botNegotiationResults } from './negotiate.ts';
import { planFor, type Policy } from './policy.ts';

/** Who runs the firm in a solo run: a plan each round and a way to negotiate. */
export interface Player {
  readonly decide: Bot;
  /** A negotiation strategy id, or 'none'. */
  readonly negotiation: string;
}

export function botPlayer(id: string): Player {
  return { decide: (view) => playBot(id, view), negotiation: botNegotiationStrategy(id) };
}

/** A policy as a player; a plan the rules refuse (a policy bug) plays the default instead, as for bots. */
export function policyPlayer(policy: Policy): Player {
  return {
    decide: (view) => {
      const plan = planFor(policy, view);
      return validateDecisions(plan, view.market, view.scenario, view.firm) === null ? plan : defaultDecisions(view.market, view.scenario, view.firm);
    },
    negotiation: policy.negotiation,
  };
}

export interface SoloRun {
  readonly market: MarketState;
  readonly outcomes: readonly RoundOutcome[];
  readonly card: FirmScore;
  readonly figures: FirmFigures;
}

/**
 * One player running the first team slot alone in a seeded market, as a parallel-mode session
 * with that one bot team plays it (same market, view, negotiations and resolution), without a
 * log: what the tournament, the lessons suite and the balance search measure.
 * tests/unit/cli/soloScore.test.ts checks it scores exactly what the session does.
 */
export function soloRun(scenario: Scenario, seed: string, player: Player, rounds = scenario.rounds): SoloRun {
  const slot = scenario.firms.findIndex((f) => f.kind === 'team');
  let market = initialMarket(scenario, seed, [scenario.firms[slot]!.id]);
  const outcomes: RoundOutcome[] = [];
  const last = Math.min(rounds, scenario.rounds);
  for (let round = 1; round <= last; round++) {
    const view = { market, scenario, firm: slot, round, seed };
    const decisions = scenario.firms.map((_, fi) => (fi === slot ? player.decide(view) : null));
    const negotiations = player.negotiation === 'none' ? [] : botNegotiationResults(market, scenario, seed, slot, round, player.negotiation);
    const resolved = resolveRound(market, { scenario, seed, round, decisions, injected: [], negotiations });
    market = resolved.market;
    outcomes.push(resolved.outcome);
  }
  const card = scorecard(market, scenario, outcomes)[slot];
  if (!card) throw new Error(`seed ${seed}: no scorecard for the team slot`);
  return { market, outcomes, card, figures: firmFigures(scenario, outcomes, slot) };
}
