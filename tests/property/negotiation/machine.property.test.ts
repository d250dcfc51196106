import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import { playMove, startNegotiation, type PersistedNegotiation } from '../../../engine/negotiation/machine.ts';
import { buyerPersona } from '../../../engine/negotiation/persona.ts';
import { ATTRIBUTES, PAINS, type Move } from '../../../engine/negotiation/types.ts';

const move: fc.Arbitrary<Move> = fc.oneof(
  fc.constant({ kind: 'situation' } as const),
  fc.constantFrom(...PAINS).map((pain) => ({ kind: 'problem', pain }) as const),
  fc.constantFrom(...PAINS).map((pain) => ({ kind: 'implication', pain }) as const),
  fc.constantFrom(...PAINS).map((pain) => ({ kind: 'need-payoff', pain }) as const),
  fc.record({ kind: fc.constant('fabe' as const), attribute: fc.constantFrom(...ATTRIBUTES) }),
  fc.record({ kind: fc.constant('redirect' as const), attribute: fc.constantFrom(...ATTRIBUTES) }),
  fc.integer({ min: 300, max: 2300 }).map((pricePm) => ({ kind: 'quote', pricePm }) as const),
  fc.integer({ min: -10, max: 3500 }).map((bp) => ({ kind: 'discount', bp }) as const),
  fc.integer({ min: 0, max: 3500 }).map((bp) => ({ kind: 'tiered', bp }) as const),
  fc.integer({ min: 0, max: 200_000 }).map((costYuan) => ({ kind: 'bundle', costYuan }) as const),
  fc.constant({ kind: 'staged-delivery' } as const),
  fc.constant({ kind: 'trade', ask: 'volume' } as const),
  fc.constant({ kind: 'accept-counter' } as const),
  fc.constant({ kind: 'walk-away' } as const),
);

const terms = { volume: 400, listPrice: 1000, unitCost: 600, relationship: 40 };

function play(seed: string, moves: readonly Move[]): { final: PersistedNegotiation; refused: number } {
  let n = startNegotiation(buyerPersona(seed, 'acct', 3), terms);
  let refused = 0;
  for (const m of moves) {
    const r = playMove(n, m);
    if (r.ok) n = r.negotiation;
    else refused++;
  }
  return { final: n, refused };
}

describe('negotiation machine', () => {
  it('any move sequence replays to the same state and deal', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.array(move, { maxLength: 25 }), (seed, moves) => {
        const a = play(seed, moves);
        const b = play(seed, moves);
        expect(hashOf(a.final)).toBe(hashOf(b.final));
      }),
      { numRuns: 200 },
    );
  });

  it('the persisted state round-trips through JSON and plays on identically', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 12 }), fc.array(move, { maxLength: 12 }), (first, then) => {
        const mid = play('rt', first).final;
        const copy = JSON.parse(JSON.stringify(mid)) as PersistedNegotiation;
        expect(copy).toEqual(mid);
        let x = mid;
        let y = copy;
        for (const m of then) {
          const rx = playMove(x, m);
          const ry = playMove(y, m);
          expect(ry.ok).toBe(rx.ok);
          if (rx.ok && ry.ok) {
            x = rx.negotiation;
            y = ry.negotiation;
          }
        }
        expect(hashOf(y)).toBe(hashOf(x));
      }),
      { numRuns: 150 },
    );
  });

  it('a refused move changes nothing and names the moves that would do', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 20 }), move, (moves, last) => {
        const before = play('refuse', moves).final;
        const snapshot = hashOf(before);
        const r = playMove(before, last);
        expect(hashOf(before)).toBe(snapshot);
        if (!r.ok) {
          const finished = before.stage === 'deal' || before.stage === 'noDeal';
          if (!finished) expect(r.allowed.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ends within the buyer patience and never goes back from an outcome', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 30 }), (moves) => {
        const { final } = play('end', moves);
        expect(final.context.moves).toBeLessThanOrEqual(final.context.persona.patience + 1);
        if (final.context.outcome !== '') expect(['deal', 'noDeal']).toContain(final.stage);
        expect(final.context.trust).toBeGreaterThanOrEqual(0);
        expect(final.context.trust).toBeLessThanOrEqual(100);
        expect(final.context.perceivedValueBp).toBeLessThanOrEqual(1500);
      }),
      { numRuns: 200 },
    );
  });
});
