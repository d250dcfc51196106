/** Worker thread entry of the experiments (lessons, balance search): plays the trials it is handed. */
import { workerData } from 'node:worker_threads';
import { serveJobs } from '../tournament/pool.ts';
import { runTrial, type Trial, type TrialResult, type TrialWorkerData } from './trial.ts';

const data = workerData as TrialWorkerData;

serveJobs<Trial, TrialResult>((trial) => runTrial(data, trial));
