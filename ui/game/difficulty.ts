import type { Scenario } from '../../engine/model/scenario.ts';

export const DIFFICULTIES = ['easy', 'standard', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** How much selling power the AI rivals bring, ‰ of the scenario's: their reps and budgets. */
const RIVAL_STRENGTH_PM: Readonly<Record<Difficulty, number>> = { easy: 800, standard: 1000, hard: 1250 };

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === 'string' && (DIFFICULTIES as readonly string[]).includes(value);
}

/**
 * The scenario as played at a difficulty: rivals with fewer or more reps and budget. The result
 * is the scenario the session log carries, so a replay needs nothing but the log.
 */
export function atDifficulty(scenario: Scenario, difficulty: Difficulty): Scenario {
  const pm = RIVAL_STRENGTH_PM[difficulty];
  if (pm === 1000) return scenario;
  return {
    ...scenario,
    firms: scenario.firms.map((f) =>
      f.kind === 'team'
        ? f
        : { ...f, reps: Math.max(1, Math.round((f.reps * pm) / 1000)), budget: Math.round((f.budget * pm) / 1000) },
    ),
  };
}
