import type { BenchSuite } from './entry.ts';
import { suite as core } from './suites/core.ts';

/** Every benchmark suite of the project; later suites register here. */
export const suites: readonly BenchSuite[] = [core];
