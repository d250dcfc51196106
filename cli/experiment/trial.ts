/**
 * One trial of an experiment: a policy running the team's firm alone in one seeded market
 * (engine/bots/soloRun.ts), with the figures the lessons suite and the balance search compare.
 */
import { policyPlayer, soloRun } from '../../engine/bots/soloRun.ts';
import type { Policy } from '../../engine/bots/policy.ts';
import type { FirmFigures } from '../../engine/model/firmFigures.ts';
import type { Scenario } from '../../engine/model/scenario.ts';

export interface Trial {
  readonly seed: string;
  readonly policy: Policy;
}

export interface TrialResult {
  readonly seed: string;
  /** Scorecard total. */
  readonly score: number;
  /** Each scorecard metric's score (0–120), by id. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly figures: FirmFigures;
  /** Mean morale of the team at the end. */
  readonly morale: number;
}

export interface TrialWorkerData {
  readonly scenario: Scenario;
  readonly rounds: number;
}

export function runTrial(data: TrialWorkerData, trial: Trial): TrialResult {
  const run = soloRun(data.scenario, trial.seed, policyPlayer(trial.policy), data.rounds);
  const slot = data.scenario.firms.findIndex((f) => f.kind === 'team');
  const last = run.outcomes[run.outcomes.length - 1]?.firms[slot];
  return {
    seed: trial.seed,
    score: run.card.total,
    metrics: Object.fromEntries(run.card.metrics.map((m) => [m.id, m.score])),
    figures: run.figures,
    morale: last?.morale ?? 0,
  };
}
