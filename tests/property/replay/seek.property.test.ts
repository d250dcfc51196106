import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import { fold } from '../../../engine/core/replay.ts';
import { playBotSession } from '../../../engine/session/botSession.ts';
import { sessionDecider } from '../../../engine/session/decider.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';

const loaded = loadBuiltIn('tutorial');
if (!loaded.ok) throw new Error('tutorial does not load');
const BOTS = ['balanced', 'random', 'max-discount', 'all-promotion', 'p1-everything'];

/**
 * The replay viewer jumps with snapshots (the nearest round boundary, then a fold of the events
 * after it); what it shows at any position must be exactly the state folding the log from the
 * start gives.
 */
describe('seeking in a session', () => {
  it('gives, at any position of a random session, the state of folding the log up to it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...BOTS), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 6 }),
        (seed, bots, picks) => {
          const s = playBotSession({ scenario: loaded.scenario, scenarioHash: loaded.hash, seed, bots, mode: 'parallel' });
          const events = s.log.events;
          for (const pick of picks) {
            const at = pick % (events.length + 1);
            const folded = fold(sessionDecider(seed), s.header, events.slice(0, at));
            expect(hashOf(s.seek(at))).toBe(hashOf(folded));
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
