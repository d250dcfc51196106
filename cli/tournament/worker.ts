/** Worker thread entry of the tournament: plays the matches the main thread hands it. */
import { workerData } from 'node:worker_threads';
import type { MatchJob, MatchWorkerData } from './jobs.ts';
import { playMatch, type MatchResult } from './match.ts';
import { serveJobs } from './pool.ts';

const data = workerData as MatchWorkerData;

serveJobs<MatchJob, MatchResult>((job) =>
  playMatch({ scenario: data.scenario, scenarioHash: data.scenarioHash, rounds: data.rounds, seed: job.seed, bot: job.bot }),
);
