import { Bench } from 'tinybench';
import type { BenchEntry } from './entry.ts';

export interface Comparison {
  readonly subject: () => unknown;
  readonly baseline: () => unknown;
  readonly baselineLabel: string;
  readonly target: number;
  readonly better: 'lower' | 'higher';
  /** Timed runs of each side. */
  readonly runs?: number;
  /** Untimed calls of each side first, so both are measured warm (JIT-compiled). */
  readonly warmup?: number;
  /** Calls per timed run (the run's time is their mean), for work too short to time alone. */
  readonly batch?: number;
  /**
   * 'cpu' times each run by the CPU the process used (user + system), which time stolen by
   * neighbours on a shared machine does not inflate; 'wall' (the default) by elapsed time, for
   * anything whose point is elapsed time (parallel throughput).
   */
  readonly clock?: 'wall' | 'cpu';
}

/**
 * Times subject and baseline in the same process, alternating them run by run so that a burst
 * of load from a neighbour hits both, and reports the median of the per-run ratios (each pair
 * of runs saw the same conditions).
 */
export async function compareTimes(c: Comparison): Promise<BenchEntry> {
  const runs = c.runs ?? 15;
  const batch = c.batch ?? 1;
  if (c.clock === 'cpu') return compareCpu(c, runs, batch);
  const bench = new Bench({ iterations: batch, time: 0, warmup: false });
  const subject: number[] = [];
  const baseline: number[] = [];
  bench.add('subject', c.subject).add('baseline', c.baseline);
  for (let i = 0; i < (c.warmup ?? 1); i++) {
    c.subject();
    c.baseline();
  }
  for (let i = 0; i < runs; i++) {
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`benchmark task ${task.name} did not complete`);
      (task.name === 'subject' ? subject : baseline).push(result.latency.mean);
    }
  }
  const subjectMs = median(subject);
  const baselineMs = median(baseline);
  return {
    ratio: round3(median(subject.map((x, i) => x / baseline[i]!))),
    target: c.target,
    better: c.better,
    baseline: c.baselineLabel,
    runs,
    details: { subject_ms: round3(subjectMs), baseline_ms: round3(baselineMs) },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** CPU milliseconds one batch of calls takes. */
function cpuMs(f: () => unknown, batch: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < batch; i++) f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / batch;
}

function compareCpu(c: Comparison, runs: number, batch: number): BenchEntry {
  for (let i = 0; i < (c.warmup ?? 1); i++) {
    c.subject();
    c.baseline();
  }
  // Blocks of ten runs a side, alternating: background GC work a side leaves behind is charged
  // to the next run of the same side, not to the other's (the process clock counts all threads).
  const subject: number[] = [];
  const baseline: number[] = [];
  const block = 10;
  for (let done = 0; done < runs; done += block) {
    for (let i = 0; i < block; i++) subject.push(cpuMs(c.subject, batch));
    for (let i = 0; i < block; i++) baseline.push(cpuMs(c.baseline, batch));
  }
  const subjectMs = median(subject);
  const baselineMs = median(baseline);
  return {
    ratio: round3(subjectMs / baselineMs),
    target: c.target,
    better: c.better,
    baseline: c.baselineLabel,
    runs: subject.length,
    details: { clock: 'cpu', subject_cpu_ms: round3(subjectMs), baseline_cpu_ms: round3(baselineMs) },
  };
}
