/**
 * Runs trials on a pool of workers, each distinct (policy, seed) pair once: an experiment asks
 * for the reference policy on every seed many times over, and gets the one result back.
 */
import { canonicalJson } from '../../engine/core/canonicalJson.ts';
import { startPool, type WorkerPool } from '../tournament/pool.ts';
import type { Trial, TrialResult, TrialWorkerData } from './trial.ts';

export interface TrialRunner {
  /** Results in the order of `trials`; `onProgress` counts distinct trials played. */
  run(trials: readonly Trial[], onProgress?: (done: number, total: number) => void): Promise<TrialResult[]>;
  close(): Promise<void>;
}

const WORKER = new URL('./worker.ts', import.meta.url);

export async function startTrialRunner(workers: number, data: TrialWorkerData): Promise<TrialRunner> {
  const pool: WorkerPool<Trial, TrialResult> = await startPool<Trial, TrialResult, TrialWorkerData>({ size: workers, entry: WORKER, workerData: data });
  const known = new Map<string, TrialResult>();
  const keyOf = (t: Trial) => `${t.seed}\u0000${canonicalJson(t.policy)}`;
  return {
    async run(trials, onProgress) {
      const keys = trials.map(keyOf);
      const fresh: Trial[] = [];
      const freshKeys: string[] = [];
      const queued = new Set<string>();
      trials.forEach((t, i) => {
        const k = keys[i]!;
        if (known.has(k) || queued.has(k)) return;
        queued.add(k);
        fresh.push(t);
        freshKeys.push(k);
      });
      const results = await pool.run(fresh, (_r, done, total) => onProgress?.(done, total));
      results.forEach((r, i) => known.set(freshKeys[i]!, r));
      return keys.map((k) => known.get(k)!);
    },
    close: () => pool.close(),
  };
}
