/** The tournament's jobs and the pool that plays them; shared by the CLI and the benchmark. */
import type { Scenario } from '../../engine/model/scenario.ts';
import type { MatchResult } from './match.ts';
import { startPool, type WorkerPool } from './pool.ts';

/** One match to play: the balanced bot against `bot` on `seed`. */
export interface MatchJob {
  readonly seed: string;
  readonly bot: string;
}

/** What every worker needs besides the job: the scenario, parsed once by the main thread. */
export interface MatchWorkerData {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly rounds: number;
}

export type MatchPool = WorkerPool<MatchJob, MatchResult>;

export const MATCH_WORKER = new URL('./worker.ts', import.meta.url);

export function startMatchPool(size: number, workerData: MatchWorkerData): Promise<MatchPool> {
  return startPool<MatchJob, MatchResult, MatchWorkerData>({ size, entry: MATCH_WORKER, workerData });
}

/** Every (seed, bot) pair, seed by seed. */
export function matchJobs(seeds: readonly string[], bots: readonly string[]): MatchJob[] {
  return seeds.flatMap((seed) => bots.map((bot) => ({ seed, bot })));
}
