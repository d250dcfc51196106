import { describe, expect, it } from 'vitest';
import { playMove, startNegotiation } from '../../../engine/negotiation/machine.ts';
import { playNegotiation, valueSellingBot } from '../../../engine/negotiation/bots.ts';
import { buyerPersona } from '../../../engine/negotiation/persona.ts';
import type { Move } from '../../../engine/negotiation/types.ts';
import { negotiationSteps } from '../../../ui/replay/negotiationReplay.ts';

const terms = { volume: 400, listPrice: 1000, unitCost: 600, relationship: 40 };

describe('a negotiation replayed move by move', () => {
  it("adds up to where the conversation ended, and marks the deal", () => {
    let deals = 0;
    for (let i = 0; i < 40; i++) {
      const n = playNegotiation(valueSellingBot(), buyerPersona(`replay-${i}`, 'acct', 3), terms);
      const steps = negotiationSteps(n);
      expect(steps).toHaveLength(n.context.history.length);
      const c = n.context;
      expect(steps.reduce((s, x) => s + x.change.perceivedValueBp, 0)).toBe(c.perceivedValueBp);
      expect(steps.reduce((s, x) => s + x.change.trust, 0)).toBe(c.trust - Math.round(30 + terms.relationship / 2));
      if (n.stage === 'deal') {
        deals++;
        expect(steps.at(-1)!.turningPoints).toContain('deal');
      }
      // The buyer's first counter-offer is marked once.
      expect(steps.filter((s) => s.turningPoints.includes('first-counter')).length).toBe(c.history.some((h) => h.counterPm > 0) ? 1 : 0);
    }
    expect(deals).toBeGreaterThan(0);
  });

  it('marks an objection, a quote far too high and a walk-away', () => {
    let n = startNegotiation(buyerPersona('replay-x', 'acct', 3), terms);
    const moves: Move[] = [{ kind: 'situation' }, { kind: 'quote', pricePm: 1900 }, { kind: 'walk-away' }];
    for (const move of moves) {
      const r = playMove(n, move);
      if (r.ok) n = r.negotiation;
    }
    const steps = negotiationSteps(n);
    const all = steps.flatMap((s) => s.turningPoints);
    expect(all).toContain('trust-loss');
    expect(steps.at(-1)!.turningPoints.some((p) => p === 'walked-away' || p === 'lost')).toBe(true);
  });
});
