/**
 * One tournament match: a bot and the balanced bot each play their own copy of the same seeded
 * market (what parallel mode gives teams in a workshop), scored with the scorecard. Measuring
 * each strategy in a copy of its own keeps one bot's price war from dragging the other down: the
 * question is how well a strategy runs a firm, not how much it can hurt a neighbour.
 */
import { scorecard } from '../../engine/model/scorecard.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import { botPlayer, soloRun } from '../../engine/bots/soloRun.ts';
import type { FirmFigures } from '../../engine/model/firmFigures.ts';
import { playBotSession } from '../../engine/session/botSession.ts';

/** The bot every other bot is measured against. */
export const REFERENCE_BOT = 'balanced';

export interface MatchSpec {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly seed: string;
  readonly bot: string;
  /** Rounds to play (the scenario's own count when left out). */
  readonly rounds?: number;
}

export interface MatchResult {
  readonly seed: string;
  readonly bot: string;
  readonly botScore: number;
  readonly balancedScore: number;
  /** The bot's year in the field's terms: margin, selling costs, churn, attrition, key accounts. */
  readonly figures: FirmFigures;
}

/**
 * The scorecard total one bot reaches running the first team slot alone in the seeded market
 * (engine/bots/soloRun.ts): a parallel-mode session with that one bot team, without a log.
 * tests/unit/cli/soloScore.test.ts checks it scores exactly what the session does.
 */
export function soloScore(m: MatchSpec, bot: string): number {
  return soloRun(m.scenario, m.seed, botPlayer(bot), m.rounds).card.total;
}

/** The same score through a whole logged session: what soloScore must agree with. */
export function sessionScore(m: MatchSpec, bot: string): number {
  const session = playBotSession({
    scenario: m.scenario,
    scenarioHash: m.scenarioHash,
    seed: m.seed,
    bots: [bot],
    rounds: m.rounds,
    mode: 'parallel',
  });
  const state = session.state;
  const firm = state.scenario!.firms.findIndex((f) => f.kind === 'team');
  const card = scorecard(state.markets[0]!, state.scenario!, state.history.map((h) => h[0]!))[firm];
  if (!card) throw new Error(`seed ${m.seed}, bot ${bot}: no scorecard for the team slot`);
  return card.total;
}

/** The reference score depends only on the scenario, seed and rounds: a worker computes it once. */
const reference = new Map<string, number>();

export function playMatch(m: MatchSpec): MatchResult {
  const key = `${m.scenarioHash}:${m.seed}:${m.rounds ?? ''}`;
  let balancedScore = reference.get(key);
  if (balancedScore === undefined) {
    balancedScore = soloScore(m, REFERENCE_BOT);
    reference.set(key, balancedScore);
  }
  const run = soloRun(m.scenario, m.seed, botPlayer(m.bot), m.rounds);
  return { seed: m.seed, bot: m.bot, balancedScore, botScore: run.card.total, figures: run.figures };
}
