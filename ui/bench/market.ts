/** The market the bench page draws: a built-in scenario at the start, or after rounds played by bots. */
import { playBot } from '../../engine/bots/index.ts';
import { initialMarket } from '../../engine/model/init.ts';
import { resolveRound } from '../../engine/model/round/resolveRound.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import type { MarketState } from '../../engine/model/state.ts';
import { loadBuiltIn } from '../../scenarios/library.ts';

export interface BenchMarket {
  readonly scenario: Scenario;
  /** Our firm: the first team slot. */
  readonly firm: number;
  readonly market: MarketState;
  /** The market a round before `market` (when rounds were played). */
  readonly previous?: MarketState;
}

export function benchMarket(id: string, seed: string, rounds: number, teamCount = 1): BenchMarket {
  const loaded = loadBuiltIn(id);
  if (!loaded.ok) throw new Error(`scenario ${id}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  const scenario = loaded.scenario;
  const teams = scenario.firms.filter((f) => f.kind === 'team').map((f) => f.id).slice(0, teamCount);
  const firm = scenario.firms.findIndex((f) => f.kind === 'team');
  let market = initialMarket(scenario, seed, teams);
  let previous: MarketState | undefined;
  for (let round = 1; round <= Math.min(rounds, scenario.rounds); round++) {
    const decisions = scenario.firms.map((f, fi) =>
      f.kind === 'team' && market.firms[fi]!.active ? playBot(fi === firm ? 'balanced' : 'random', { market, scenario, firm: fi, round, seed }) : null,
    );
    previous = market;
    market = resolveRound(market, { scenario, seed, round, decisions, injected: [] }).market;
  }
  return previous ? { scenario, firm, market, previous } : { scenario, firm, market };
}
