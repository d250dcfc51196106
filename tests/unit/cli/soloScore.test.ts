import { describe, expect, it } from 'vitest';
import { sessionScore, soloScore } from '../../../cli/tournament/match.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';

/**
 * The tournament plays bots without a log for speed; its scores must be the ones a logged
 * session gives, or the balance checks would measure a game nobody plays.
 */
describe('the tournament plays a match exactly as a session does', () => {
  for (const id of ['workshop', 'supply-disruption', 'team-in-trouble']) {
    // Six whole games each (three bots, with and without the log): 1-2.5 s on an idle machine,
    // so a timeout for a busy one.
    it(
      `${id}: the same scorecard total with and without the log`,
      () => {
        const loaded = loadBuiltIn(id);
        if (!loaded.ok) throw new Error(`${id} does not load`);
        for (const bot of ['balanced', 'random', 'p1-everything']) {
          const m = { scenario: loaded.scenario, scenarioHash: loaded.hash, seed: `solo-${id}-${bot}`, bot };
          expect(soloScore(m, bot), bot).toBe(sessionScore(m, bot));
        }
      },
      120_000,
    );
  }
});
