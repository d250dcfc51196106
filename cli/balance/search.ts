/**
 * Adversarial search for a plan that beats the reference manager: random policies (some near the
 * reference, some anywhere) and then hill climbing from the best, each scored by its median
 * margin over the reference on training seeds; the winner is then played on held-out seeds. A
 * plan that beats the reference by more than a few points means the model has an exploit or the
 * reference is weak.
 */
import { REFERENCE_POLICY, type Policy } from '../../engine/bots/policy.ts';
import { stream } from '../../engine/core/rng.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import type { TrialRunner } from '../experiment/pool.ts';
import type { TrialResult } from '../experiment/trial.ts';
import { paired, round1 } from '../lessons/paired.ts';
import { seedList } from '../lessons/runLessons.ts';
import { quantile } from '../tournament/figures.ts';
import { drawPolicy, mutate, policyChanges } from './policySpace.ts';

/** Points by which a found plan may beat the reference on held-out seeds before the check fails. */
export const SEARCH_LIMIT = 5;

export interface SearchOptions {
  readonly scenario: Scenario;
  readonly evals: number;
  /** Held-out seeds, numbered from firstSeed. */
  readonly seeds: number;
  readonly firstSeed: number;
  readonly trainSeeds?: number;
  /** Names the search's own dice, so a run can be repeated or varied. */
  readonly searchSeed?: string;
  readonly reference?: Policy;
}

export interface SearchReport {
  readonly evals: number;
  readonly trainSeeds: number;
  /** The best plan's median margin over the reference on the training seeds. */
  readonly trainMargin: number;
  /** On the held-out seeds. */
  readonly medianMargin: number;
  readonly winShare: number;
  readonly plan: Policy;
  /** Its fields that differ from the reference. */
  readonly changes: Readonly<Record<string, unknown>>;
}

const BATCH = 4;

export async function searchPlans(o: SearchOptions, runner: TrialRunner, progress?: (done: number, total: number) => void): Promise<SearchReport> {
  const reference = o.reference ?? REFERENCE_POLICY;
  const train = Array.from({ length: o.trainSeeds ?? 8 }, (_, i) => `train-${i + 1}`);
  const heldOut = seedList(o.firstSeed, o.seeds);
  const dice = stream(o.searchSeed ?? 'search', o.scenario.id);
  let evaluated = 0;
  const tick = () => progress?.(evaluated, o.evals + 2);

  const refTrain = await runner.run(train.map((seed) => ({ seed, policy: reference })));
  const margin = (results: readonly TrialResult[]) => quantile(results.map((r, i) => r.score - refTrain[i]!.score), 0.5);
  const evaluate = async (policies: readonly Policy[]): Promise<number[]> => {
    const results = await runner.run(policies.flatMap((policy) => train.map((seed) => ({ seed, policy }))));
    evaluated += policies.length;
    tick();
    return policies.map((_, k) => margin(results.slice(k * train.length, (k + 1) * train.length)));
  };

  // Random phase: half the budget, half of it near the reference and half anywhere.
  const randomCount = Math.max(1, Math.floor(o.evals / 2));
  const drawn = Array.from({ length: randomCount }, (_, i) => drawPolicy(dice, i % 2 === 0 ? 0.3 : 1));
  let best = reference;
  let bestMargin = 0;
  for (let at = 0; at < drawn.length; at += 16) {
    const batch = drawn.slice(at, at + 16);
    const margins = await evaluate(batch);
    margins.forEach((m, k) => {
      if (m > bestMargin) {
        bestMargin = m;
        best = batch[k]!;
      }
    });
  }
  // Hill climbing from the best so far.
  while (evaluated < o.evals) {
    const n = Math.min(BATCH, o.evals - evaluated);
    const batch = Array.from({ length: n }, () => mutate(best, dice, dice.between(1, 3)));
    const margins = await evaluate(batch);
    margins.forEach((m, k) => {
      if (m > bestMargin) {
        bestMargin = m;
        best = batch[k]!;
      }
    });
  }

  const check = await runner.run([...heldOut.map((seed) => ({ seed, policy: best })), ...heldOut.map((seed) => ({ seed, policy: reference }))]);
  evaluated = o.evals + 2;
  tick();
  const d = paired(check.slice(0, heldOut.length), check.slice(heldOut.length));
  return {
    evals: o.evals,
    trainSeeds: train.length,
    trainMargin: round1(bestMargin),
    medianMargin: d.medianDelta,
    winShare: d.winShare,
    plan: best,
    changes: policyChanges(best, reference),
  };
}
