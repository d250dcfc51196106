/**
 * The balance check of a scenario: the bot tournament in parallel mode (each bot in its own copy
 * of each seeded market), then which degenerate bots rival the balanced bot and which levers
 * have their optimum at a bound. Shared by `npm run scenario -- balance` and the test that holds
 * every shipped scenario to it.
 */
import { DEGENERATE_BOT_IDS, LEVER_BOT_IDS } from '../../engine/bots/index.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import { tournamentFigures, type BotFigures } from '../tournament/figures.ts';
import { matchJobs, startMatchPool } from '../tournament/jobs.ts';
import type { MatchResult } from '../tournament/match.ts';

/** Scorecard points by which a pushed lever must beat the balanced bot to be flagged. */
export const LEVER_TOLERANCE = 1;
/** The most seeds in which a degenerate bot may beat the balanced bot. */
export const MAX_WIN_RATE = 0.1;
/** Rounds a scenario needs before zero incentives counts as a rival to the balanced bot. */
export const SHORTEST_INCENTIVE_GAME = 6;

export interface BalanceReport {
  readonly seeds: number;
  readonly figures: Readonly<Record<string, BotFigures>>;
  /** Degenerate bots (and the random one) whose median reaches the balanced bot's, or who win too often. */
  readonly rivals: readonly string[];
  /** Lever bots that beat the balanced setting by more than LEVER_TOLERANCE. */
  readonly levers: readonly string[];
}

export const BALANCE_BOTS: readonly string[] = ['random', ...DEGENERATE_BOT_IDS, ...LEVER_BOT_IDS];

/**
 * Degenerate bots whose one lever is not one-sided in this scenario: where the team sells in a
 * single territory, putting everything into one territory is simply the plan, not a strategy to
 * guard against. They still play, and are reported, but cannot fail the check.
 */
export function moot(bot: string, scenario: Scenario): string | null {
  const slot = scenario.firms.find((f) => f.kind === 'team');
  const territories = slot && slot.territories.length > 0 ? slot.territories.length : scenario.territories.length;
  if (bot === 'all-one-territory' && territories === 1) return 'the team sells in one territory only';
  // Morale built by an incentive pays through retention and effort over the months after it;
  // a game this short ends before it can (the lessons suite does not list incentive-variety there).
  if (bot === 'zero-incentives' && scenario.rounds < SHORTEST_INCENTIVE_GAME) return `an incentive pays back over more than ${scenario.rounds} rounds`;
  return null;
}

export async function balanceCheck(
  o: { scenario: Scenario; scenarioHash: string; seeds: number; workers: number; rounds?: number },
  progress?: (done: number, total: number) => void,
): Promise<BalanceReport> {
  const jobs = matchJobs(
    Array.from({ length: o.seeds }, (_, i) => String(i + 1)),
    BALANCE_BOTS,
  );
  const pool = await startMatchPool(o.workers, { scenario: o.scenario, scenarioHash: o.scenarioHash, rounds: o.rounds ?? o.scenario.rounds });
  let results: MatchResult[];
  try {
    results = await pool.run(jobs, (_r, done) => progress?.(done, jobs.length));
  } finally {
    await pool.close();
  }
  const figures = tournamentFigures(results, BALANCE_BOTS);
  const rivals = DEGENERATE_BOT_IDS.concat('random').filter(
    (b) => !moot(b, o.scenario) && (figures[b]!.median >= figures[b]!.balancedMedian || figures[b]!.winRate > MAX_WIN_RATE),
  );
  // A lever pushed to one side must beat the balanced setting by more than a point of the
  // scorecard to count: a flat optimum is not an optimum at a bound.
  const levers = LEVER_BOT_IDS.filter((b) => figures[b]!.median > figures[b]!.balancedMedian + LEVER_TOLERANCE);
  return { seeds: o.seeds, figures, rivals, levers };
}
