import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import { forkSession } from '../../../engine/session/fork.ts';
import type { Move } from '../../../engine/negotiation/types.ts';
import { dealSession } from '../../support/dealSession.ts';
import { teamSession } from '../../support/teamSession.ts';

describe('what-if branches', () => {
  it('a fork with unchanged decisions reproduces the original exactly, from any round, for either team', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('t1', 't2'), (seed, atRound, team) => {
        const s = teamSession(seed);
        const fork = forkSession(s.header, s.log.events, { atRound, team, createdAt: 'now' });
        if (!fork.ok) throw new Error(fork.code);
        expect(fork.sameRounds).toEqual([1, 2, 3, 4]);
        expect(fork.notes).toEqual([]);
        expect(hashOf(fork.branch.state)).toBe(hashOf(s.state));
      }),
      { numRuns: 5 },
    );
  });

  it('a fork that changes a negotiation move to the same move reproduces the original exactly, whichever move it is', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.nat(), (seed, pick) => {
        const { s, round } = dealSession(seed);
        const moves = s.log.events.filter((e) => e.type === 'NegotiationMoved');
        const chosen = moves[pick % moves.length]!;
        const fork = forkSession(s.header, s.log.events, { atRound: round, team: 't1', move: { seq: chosen.seq, move: (chosen.payload as { move: Move }).move }, createdAt: 'now' });
        if (!fork.ok) throw new Error(fork.code);
        expect(fork.sameRounds).toEqual(Array.from({ length: round + 2 }, (_, i) => i + 1));
        expect(fork.notes).toEqual([]);
        expect(hashOf(fork.branch.state)).toBe(hashOf(s.state));
      }),
      { numRuns: 5 },
    );
  });
});
