/**
 * The lessons suite of a scenario: for each lesson it teaches, the reference manager following
 * it against the same manager ignoring it, over the same seeded markets; and the model's
 * elasticities around the reference. Shared by `npm run lessons` and the tests.
 */
import { lessonExperiment } from '../../engine/bots/lessons.ts';
import { REFERENCE_POLICY, type Policy } from '../../engine/bots/policy.ts';
import type { LessonId, Scenario } from '../../engine/model/scenario.ts';
import type { Trial, TrialResult } from '../experiment/trial.ts';
import type { TrialRunner } from '../experiment/pool.ts';
import { magnitudes, quantile, type Magnitudes } from '../tournament/figures.ts';
import { elasticities, elasticityTrials, type Lever } from './elasticities.ts';
import { holds, paired, type PairedDelta } from './paired.ts';

export interface VariantResult extends PairedDelta {
  readonly id: string;
  readonly holds: boolean;
}

export interface LessonResult extends PairedDelta {
  readonly id: LessonId;
  /** The way of ignoring the lesson that came closest to the lesson (the row's figures are its). */
  readonly change: string;
  readonly holds: boolean;
  readonly variants: readonly VariantResult[];
}

export interface LessonsReport {
  readonly scenario: string;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly lessons: readonly LessonResult[];
  readonly elasticities: Readonly<Record<Lever, number>> | null;
  /** The same three on the firm's units sold, key accounts' contracts included (for comparison; not held to the ranges). */
  readonly elasticitiesAllUnits: Readonly<Record<Lever, number>> | null;
  /** The reference manager's figures, medians over the seeds. */
  readonly reference: ReferenceFigures;
}

export interface ReferenceFigures extends Magnitudes {
  readonly score: number;
}

export function seedList(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(first + i));
}

export function referenceFigures(results: readonly TrialResult[]): ReferenceFigures {
  return { score: Math.round(quantile(results.map((r) => r.score), 0.5) * 10) / 10, ...magnitudes(results.map((r) => r.figures)) };
}

export interface LessonsOptions {
  readonly scenario: Scenario;
  readonly seeds: number;
  readonly firstSeed: number;
  /** Which lessons (default: the scenario's own). */
  readonly lessons?: readonly LessonId[];
  readonly elasticities?: boolean;
  /** The manager to measure around (default: the reference). */
  readonly reference?: Policy;
}

export async function runLessons(o: LessonsOptions, runner: TrialRunner, progress?: (done: number, total: number) => void): Promise<LessonsReport> {
  const seeds = seedList(o.firstSeed, o.seeds);
  const ids = o.lessons ?? o.scenario.lessons;
  const experiments = ids.map((id) => lessonExperiment(id));
  const reference = o.reference ?? REFERENCE_POLICY;
  const on = (policy: Policy): Trial[] => seeds.map((seed) => ({ seed, policy }));
  // One batch: the runner plays every distinct (policy, seed) once.
  const groups: Trial[][] = [on(reference)];
  for (const e of experiments) {
    groups.push(on(e.follow));
    for (const v of e.ignore) groups.push(on(v.policy));
  }
  const withElasticities = o.elasticities ?? true;
  const elasticityGroup = withElasticities ? elasticityTrials(reference, seeds) : [];
  const all = [...groups.flat(), ...elasticityGroup];
  const results = await runner.run(all, progress);
  let at = 0;
  const take = (n: number) => {
    const out = results.slice(at, at + n);
    at += n;
    return out;
  };
  const base = take(seeds.length);
  const lessons: LessonResult[] = experiments.map((e) => {
    const follow = take(seeds.length);
    const variants: VariantResult[] = e.ignore.map((v) => {
      const d = paired(follow, take(seeds.length));
      return { id: v.id, ...d, holds: holds(d) };
    });
    if (variants.length === 0) {
      return { id: e.id, change: '', medianDelta: 0, revenueDelta: 0, profitDelta: 0, winShare: 0, holds: false, variants };
    }
    const binding = variants.reduce((w, v) => (v.medianDelta < w.medianDelta || (v.medianDelta === w.medianDelta && v.winShare < w.winShare) ? v : w));
    const { id: change, holds: _h, ...figures } = binding;
    return { id: e.id, change, ...figures, holds: variants.every((v) => v.holds), variants };
  });
  const perturbedResults = take(elasticityGroup.length);
  return {
    scenario: o.scenario.id,
    seeds: o.seeds,
    firstSeed: o.firstSeed,
    lessons,
    elasticities: withElasticities ? elasticities(base, perturbedResults) : null,
    elasticitiesAllUnits: withElasticities ? elasticities(base, perturbedResults, true) : null,
    reference: referenceFigures(base),
  };
}
