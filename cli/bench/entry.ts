/** One line of bench-results.json. */
export interface BenchEntry {
  readonly ratio: number;
  readonly target: number;
  readonly better: 'lower' | 'higher';
  /** What the ratio is against. */
  readonly baseline: string;
  readonly runs: number;
  /** Supporting figures (absolute times, latencies), for the reader. */
  readonly details?: Readonly<Record<string, number | string>>;
}

export type BenchResults = Record<string, BenchEntry>;

/** A suite runs in a process of its own so one suite's heap and JIT state cannot skew another. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchResults>;
}

export function meetsTarget(entry: BenchEntry): boolean {
  return entry.better === 'lower' ? entry.ratio <= entry.target : entry.ratio >= entry.target;
}
