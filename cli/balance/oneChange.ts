/**
 * The one-line-change check of the reference manager: every policy one field away from it (each
 * lever a step or two either way, or each other option), played on the same seeded markets. A
 * strong reference has no one-line change that beats it by more than a point in more than 60% of
 * the seeds; one that does is a better manager the reference should become (or an exploit).
 */
import { REFERENCE_POLICY, type Policy } from '../../engine/bots/policy.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import type { TrialRunner } from '../experiment/pool.ts';
import { seedList } from '../lessons/runLessons.ts';
import { quantile } from '../tournament/figures.ts';
import { oneChangeAway } from './policySpace.ts';

/** A change beats the reference when it scores more than this many points higher… */
export const ONE_CHANGE_MARGIN = 1;
/** …and it fails the check when it does so in more than this share of the seeds. */
export const ONE_CHANGE_SHARE = 0.6;

export interface OneChange {
  readonly field: string;
  readonly value: unknown;
  /** Median score change against the reference, points. */
  readonly medianDelta: number;
  /** Share of seeds in which it beat the reference by more than a point. */
  readonly beatShare: number;
}

export interface OneChangeReport {
  readonly seeds: number;
  readonly firstSeed: number;
  /** Every change tried, the strongest first. */
  readonly changes: readonly OneChange[];
  /** The changes that fail the check. */
  readonly failing: readonly OneChange[];
}

export async function oneChangeCheck(
  o: { scenario: Scenario; seeds: number; firstSeed: number; reference?: Policy },
  runner: TrialRunner,
  progress?: (done: number, total: number) => void,
): Promise<OneChangeReport> {
  const reference = o.reference ?? REFERENCE_POLICY;
  const seeds = seedList(o.firstSeed, o.seeds);
  const candidates = oneChangeAway(reference);
  const jobs = [reference, ...candidates.map((c) => c.policy)].flatMap((policy) => seeds.map((seed) => ({ seed, policy })));
  const results = await runner.run(jobs, (done) => progress?.(done, jobs.length));
  const ref = results.slice(0, seeds.length);
  const changes = candidates
    .map((c, k) => {
      const mine = results.slice((k + 1) * seeds.length, (k + 2) * seeds.length);
      const d = mine.map((r, i) => r.score - ref[i]!.score);
      return {
        field: c.field,
        value: c.value,
        medianDelta: Math.round(quantile(d, 0.5) * 10) / 10,
        beatShare: d.filter((x) => x > ONE_CHANGE_MARGIN).length / d.length,
      };
    })
    .sort((a, b) => b.beatShare - a.beatShare || b.medianDelta - a.medianDelta);
  return { seeds: o.seeds, firstSeed: o.firstSeed, changes, failing: changes.filter((c) => c.beatShare > ONE_CHANGE_SHARE) };
}
