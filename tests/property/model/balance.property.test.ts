import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEGENERATE_BOT_IDS } from '../../../engine/bots/index.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';
import { tournamentFigures } from '../../../cli/tournament/figures.ts';
import { matchJobs, startMatchPool } from '../../../cli/tournament/jobs.ts';

const SEEDS = 50;

/**
 * MODEL.md section 4: over many seeds of the default scenario, no one-lever strategy reaches
 * the balanced bot's median scorecard, and none beats it in more than 10% of seeds. Each bot
 * plays its own copy of each seeded market, as teams do in parallel mode.
 */
describe('balance of the default scenario', () => {
  it(`no degenerate bot rivals the balanced bot over ${SEEDS} seeds`, async () => {
    const loaded = loadBuiltIn('workshop');
    if (!loaded.ok) throw new Error('the workshop scenario does not load');
    const bots = ['random', ...DEGENERATE_BOT_IDS];
    const seeds = Array.from({ length: SEEDS }, (_, i) => String(i + 1));
    const pool = await startMatchPool(Math.max(1, Math.min(2, availableParallelism())), {
      scenario: loaded.scenario,
      scenarioHash: loaded.hash,
      rounds: loaded.scenario.rounds,
    });
    try {
      const results = await pool.run(matchJobs(seeds, bots));
      const figures = tournamentFigures(results, bots);
      const report = Object.entries(figures).map(
        ([bot, f]) => `${bot}: median ${f.median.toFixed(1)} vs ${f.balancedMedian.toFixed(1)}, wins ${(f.winRate * 100).toFixed(0)}%`,
      );
      for (const [bot, f] of Object.entries(figures)) {
        expect(f.scores, bot).toHaveLength(SEEDS);
        expect(f.median, `${bot}'s median\n${report.join('\n')}`).toBeLessThan(f.balancedMedian);
        expect(f.winRate, `${bot}'s win rate\n${report.join('\n')}`).toBeLessThanOrEqual(0.1);
      }
    } finally {
      await pool.close();
    }
  }, 600_000);
});
