import type { BenchSuite } from './entry.ts';
import { suite as core } from './suites/core.ts';
import { suite as replay } from './suites/replay.ts';
import { suite as round } from './suites/round.ts';
import { suite as server } from './suites/server.ts';
import { suite as tournament } from './suites/tournament.ts';
import { suite as ui } from './suites/ui.ts';

/** Every benchmark suite of the project; later suites register here. */
export const suites: readonly BenchSuite[] = [core, round, tournament, ui, replay, server];
