import { describe, expect, it } from 'vitest';
import { NEGOTIATION_BOTS, playNegotiation } from '../../../engine/negotiation/bots.ts';
import { playMove, startNegotiation, type PersistedNegotiation } from '../../../engine/negotiation/machine.ts';
import { buyerPersona } from '../../../engine/negotiation/persona.ts';
import type { Move } from '../../../engine/negotiation/types.ts';
import { negotiationSteps } from '../../../ui/replay/negotiationReplay.ts';

const terms = { volume: 400, listPrice: 1000, unitCost: 600, relationship: 40 };

function play(persona: ReturnType<typeof buyerPersona>, moves: readonly Move[], dealTerms = terms): PersistedNegotiation {
  let n = startNegotiation(persona, dealTerms);
  for (const move of moves) {
    const r = playMove(n, move);
    if (!r.ok) throw new Error(`${move.kind} refused in ${n.stage}`);
    n = r.negotiation;
  }
  return n;
}

const talks = (bot: string) => Array.from({ length: 30 }, (_, i) => playNegotiation(NEGOTIATION_BOTS[bot]!, buyerPersona(`turning-${i}`, 'harbour-hotels', 5), terms));

describe('turning points on realistic negotiations', () => {
  it('a SPIN conversation: the implication is the jump, the small finds are not, the counter and the deal are marked', () => {
    const persona = buyerPersona('turning-spin', 'harbour-hotels', 5);
    const [pain] = persona.pains;
    // A buyer who trusts the seller (relationship 60) and an ask it can meet: no objection holds the counter back.
    const trusted = { ...terms, relationship: 60 };
    const n = play(
      persona,
      [{ kind: 'situation' }, { kind: 'problem', pain }, { kind: 'implication', pain }, { kind: 'need-payoff', pain }, { kind: 'quote', pricePm: 1000 }],
      trusted,
    );
    const steps = negotiationSteps(n);
    const at = (i: number) => steps[i - 1]!.turningPoints;
    // The problem found adds 1% of value, the need-payoff 2%: moves forward, not turns.
    expect(at(1)).toEqual([]);
    expect(at(2)).toEqual([]);
    expect(steps[2]!.change.perceivedValueBp).toBe(300);
    expect(at(3)).toContain('value-jump');
    // The buyer's target rose with the value built, before any price was named.
    expect(steps[2]!.change.targetPm).toBeGreaterThan(0);
    expect(at(4)).not.toContain('value-jump');
    expect(at(5)).toContain('first-counter');
    // The first move starts where the buyer stood at the opening, not at zero.
    expect(steps[0]!.before.targetPm).toBe(persona.reservationPm);
    expect(steps[0]!.before.trust).toBe(30 + trusted.relationship / 2);
  });

  it('value selling: the value built shows as jumps in most talks, and most moves are not turning points', () => {
    let jumps = 0;
    for (const n of talks('value-selling')) {
      const steps = negotiationSteps(n);
      const marked = steps.filter((s) => s.turningPoints.length > 0);
      // A seller whose every problem question misses builds no value worth marking; that is rare.
      if (steps.some((s) => s.turningPoints.includes('value-jump'))) jumps++;
      expect(marked.length).toBeLessThan(steps.length * 0.7);
      for (const s of steps) if (s.turningPoints.includes('value-jump')) expect(s.change.perceivedValueBp).toBeGreaterThanOrEqual(250);
    }
    expect(jumps).toBeGreaterThanOrEqual(24);
  });

  it('discounting: each real discount lowers the target and is marked; the deal closes it', () => {
    for (const n of talks('discounting')) {
      const steps = negotiationSteps(n);
      for (const s of steps) if (s.record.move.kind === 'discount' && s.change.targetPm <= -10) expect(s.turningPoints).toContain('target-drop');
      if (n.stage === 'deal') expect(steps.at(-1)!.turningPoints).toContain('deal');
    }
  });

  it('points the buyer rejects: the trust slide is marked once, where it began, with its size; the end says the buyer gave up', () => {
    let slides = 0;
    for (const n of talks('fabe-without-discovery')) {
      const steps = negotiationSteps(n);
      const marked = steps.filter((s) => s.turningPoints.includes('trust-loss'));
      for (const s of marked) {
        expect(s.change.trust).toBeLessThan(0);
        // The run marked adds up to what trust lost from there until it stopped falling.
        let total = 0;
        for (const x of steps.slice(s.index - 1)) {
          if (x.change.trust >= 0) break;
          total += x.change.trust;
        }
        expect(s.trustRun).toBe(total);
        // Marked where it began: the move before did not lose trust.
        if (s.index > 1) expect(steps[s.index - 2]!.change.trust).toBeGreaterThanOrEqual(0);
      }
      slides += marked.length;
      if (n.context.outcome === 'alternative') expect(steps.at(-1)!.turningPoints).toContain('patience-out');
    }
    expect(slides).toBeGreaterThan(0);
  });

  it('questions only: the buyer running out of patience is marked, so no talk goes untagged', () => {
    for (const n of talks('questions-only')) {
      const steps = negotiationSteps(n);
      expect(steps.some((s) => s.turningPoints.length > 0)).toBe(true);
      if (n.context.outcome === 'alternative') expect(steps.at(-1)!.turningPoints).toContain('patience-out');
    }
  });
});
