import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { balanceCheck } from '../../cli/balance/balanceCheck.ts';
import { builtInScenarios, loadBuiltIn } from '../../scenarios/library.ts';

/**
 * The 30-seed balance check of every teaching scenario: each of them plays every bot and the
 * balanced bot in 30 seeded markets, hundreds of whole games, so it runs in its own project
 * (`npm run test:balance`, and in `bash .ci/run`), not in `npm test`.
 */
const SEEDS = 30;
/** The benchmark scenario is a 10,000-customer load for `npm run bench`, not a lesson; it is checked, not balanced here. */
const TEACHING = builtInScenarios.filter((s) => s.id !== 'benchmark').map((s) => s.id);

describe('every teaching scenario', () => {
  it.each(TEACHING)(
    `%s passes the balance check over ${SEEDS} seeds: no degenerate bot rivals the balanced bot, no lever has its optimum at a bound`,
    async (id) => {
      const loaded = loadBuiltIn(id);
      if (!loaded.ok) throw new Error(`${id} does not load`);
      const report = await balanceCheck({ scenario: loaded.scenario, scenarioHash: loaded.hash, seeds: SEEDS, workers: Math.max(1, Math.min(2, availableParallelism())) });
      const table = Object.entries(report.figures)
        .map(([bot, f]) => `${bot}: median ${f.median.toFixed(1)} vs ${f.balancedMedian.toFixed(1)}, wins ${(f.winRate * 100).toFixed(0)}%`)
        .join('\n');
      for (const f of Object.values(report.figures)) expect(f.scores).toHaveLength(SEEDS);
      expect(report.rivals, table).toEqual([]);
      expect(report.levers, table).toEqual([]);
    },
  );
});
