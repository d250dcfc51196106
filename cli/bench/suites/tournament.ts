import { availableParallelism } from 'node:os';
import { loadBuiltIn, DEFAULT_SCENARIO_ID } from '../../../scenarios/library.ts';
import { matchJobs, startMatchPool, type MatchPool } from '../../tournament/jobs.ts';
import type { MatchResult } from '../../tournament/match.ts';
import type { BenchSuite } from '../entry.ts';
import { median, round3 } from '../measure.ts';

const SESSIONS = 16;
const ROUNDS = 6;
const REPEATS = 3;

/** Sessions per second of one run of the job list on the pool. */
/**
 * Sessions per second of one run of the job list on the pool, and the CPU cores the process
 * kept busy meanwhile (all threads: a single worker already uses more than one core for V8's
 * garbage collection and compilation, which bounds the speed-up on a small machine).
 */
async function sessionsPerSecond(pool: MatchPool, jobs: Parameters<MatchPool['run']>[0]): Promise<{ rate: number; cores: number; results: MatchResult[] }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const results = await pool.run(jobs);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { rate: jobs.length / (ms / 1000), cores: (used.user + used.system) / 1000 / ms, results };
}

export const suite: BenchSuite = {
  name: 'tournament',
  async run() {
    const loaded = loadBuiltIn(DEFAULT_SCENARIO_ID);
    if (!loaded.ok) throw new Error(`the ${DEFAULT_SCENARIO_ID} scenario does not load`);
    const seeds = Array.from({ length: SESSIONS }, (_, i) => String(i + 1));
    const jobs = matchJobs(seeds, ['random']);
    const data = { scenario: loaded.scenario, scenarioHash: loaded.hash, rounds: ROUNDS };
    // Both pools start (and load the engine) before anything is timed, and each plays the whole
    // list once untimed so that every worker's JIT is warm: the figure is throughput, not start-up.
    const one = await startMatchPool(1, data);
    const two = await startMatchPool(2, data);
    const rates: Record<1 | 2, number[]> = { 1: [], 2: [] };
    const cores: Record<1 | 2, number[]> = { 1: [], 2: [] };
    try {
      const reference = JSON.stringify(await one.run(jobs));
      if (JSON.stringify(await two.run(jobs)) !== reference) throw new Error('1 and 2 workers gave different results');
      for (let i = 0; i < REPEATS; i++) {
        for (const [workers, pool] of [[1, one], [2, two]] as const) {
          const run = await sessionsPerSecond(pool, jobs);
          if (JSON.stringify(run.results) !== reference) throw new Error(`${workers} worker(s) gave different results`);
          rates[workers].push(run.rate);
          cores[workers].push(run.cores);
        }
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
    const oneRate = median(rates[1]);
    const twoRate = median(rates[2]);
    return {
      'tournament.workers_2_vs_1': {
        ratio: round3(twoRate / oneRate),
        target: 1.8,
        better: 'higher',
        baseline: `sessions per second on 1 worker, same jobs, same run (${SESSIONS} sessions of ${DEFAULT_SCENARIO_ID}, ${ROUNDS} rounds, balanced vs random)`,
        runs: REPEATS,
        details: {
          sessions: SESSIONS,
          rounds: ROUNDS,
          workers_1_sessions_per_s: round3(oneRate),
          workers_2_sessions_per_s: round3(twoRate),
          workers_1_cpu_cores_busy: round3(median(cores[1])),
          workers_2_cpu_cores_busy: round3(median(cores[2])),
          available_parallelism: availableParallelism(),
        },
      },
    };
  },
};
