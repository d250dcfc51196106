import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DealTerms, NegotiationContext } from '../../../engine/negotiation/context.ts';
import { NEGOTIATION_BOTS, playNegotiation, type NegotiationBot } from '../../../engine/negotiation/bots.ts';
import { playMove, startNegotiation, type PersistedNegotiation } from '../../../engine/negotiation/machine.ts';
import { buyerPersona } from '../../../engine/negotiation/persona.ts';
import type { Persona } from '../../../engine/negotiation/types.ts';

/**
 * The lessons the negotiation is meant to teach (MODEL.md section 3), checked over many buyers by
 * scripted sellers that see only what a seller at the table sees. The tests themselves may read a
 * buyer's hidden profile to group buyers; the bots may not (see "bots play blind").
 */

const terms: DealTerms = { volume: 400, listPrice: 1000, unitCost: 600, relationship: 40 };
const PERSONAS: readonly Persona[] = Array.from({ length: 300 }, (_, i) => buyerPersona(`lesson-${i}`, 'acct', 1));

function bot(id: string): NegotiationBot {
  const b = NEGOTIATION_BOTS[id];
  if (!b) throw new Error(`no bot ${id}`);
  return b;
}

const played = new Map<string, readonly PersistedNegotiation[]>();
/** Every persona against one bot, played once per file. */
function results(id: string): readonly PersistedNegotiation[] {
  let r = played.get(id);
  if (!r) {
    r = PERSONAS.map((p) => playNegotiation(bot(id), p, terms));
    played.set(id, r);
  }
  return r;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const deals = (rs: readonly PersistedNegotiation[]) => rs.filter((r) => r.stage === 'deal');
const winRate = (rs: readonly PersistedNegotiation[]) => deals(rs).length / rs.length;
const medianDealPrice = (rs: readonly PersistedNegotiation[]) => median(deals(rs).map((r) => r.context.dealPricePm));

/** The buyer's surplus from its alternative (the walk-away rule's yardstick): high means a strong alternative. */
const alternativeSurplus = (p: Persona) => p.reservationPm - p.alternative.pricePm + (p.alternative.service - 500) / 10;

describe('negotiation bots', () => {
  it('play every buyer to a deal or no deal, the same way every time', () => {
    for (const id of Object.keys(NEGOTIATION_BOTS)) {
      for (const persona of PERSONAS.slice(0, 40)) {
        const a = playNegotiation(bot(id), persona, terms);
        expect(['deal', 'noDeal'], `${id} ${persona.reservationPm}`).toContain(a.stage);
        expect(playNegotiation(bot(id), persona, terms)).toEqual(a);
      }
    }
  });

  it('play blind: none reads the buyer’s hidden profile', () => {
    const hidden = new Set(['reservationPm', 'alternative', 'weights', 'pains', 'patience', 'style', 'objections']);
    const blind = (p: Persona): Persona =>
      new Proxy(p, {
        get(target, key, receiver) {
          if (typeof key === 'string' && hidden.has(key)) throw new Error(`a bot read persona.${key}`);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    for (const [id, b] of Object.entries(NEGOTIATION_BOTS)) {
      let moves = 0;
      for (const persona of PERSONAS.slice(0, 40)) {
        let n = startNegotiation(persona, terms);
        for (let i = 0; i < 30 && n.stage !== 'deal' && n.stage !== 'noDeal'; i++) {
          const seen: NegotiationContext = { ...n.context, persona: blind(n.context.persona) };
          const r = playMove(n, b(seen, n.stage));
          if (!r.ok) break;
          n = r.negotiation;
          moves++;
        }
      }
      expect(moves, id).toBeGreaterThan(40);
    }
  });
});

describe('negotiation lessons', () => {
  it('(a) value selling earns a higher median price than discounting, and wins at least as often', () => {
    const value = results('value-selling');
    const discounting = results('discounting');
    expect(deals(value).length).toBeGreaterThan(0);
    expect(medianDealPrice(value)).toBeGreaterThan(medianDealPrice(discounting));
    expect(winRate(value)).toBeGreaterThanOrEqual(winRate(discounting));
  });

  it('(b) walking away loses the deal more often when the buyer’s alternative is strong', () => {
    const rs = results('always-walk-away');
    const rows = PERSONAS.map((p, i) => {
      const history = rs[i]!.context.history;
      const firstWalk = history.find((h) => h.move.kind === 'walk-away');
      return {
        surplus: alternativeSurplus(p),
        // The buyer does not come back the first time the seller walks out...
        lostAtOnce: firstWalk !== undefined && firstWalk.reply.key.startsWith('reply.walk-away.lost'),
        // ...or, walking out again each time it does, the seller ends up losing the buyer.
        lostInTheEnd: rs[i]!.context.outcome === 'lost',
      };
    });
    const sorted = [...rows].sort((a, b) => a.surplus - b.surplus);
    const half = sorted.length >> 1;
    const weak = sorted.slice(0, half);
    const strong = sorted.slice(half);
    const rate = (xs: typeof rows, key: 'lostAtOnce' | 'lostInTheEnd') => xs.filter((x) => x[key]).length / xs.length;
    expect(rate(strong, 'lostAtOnce')).toBeGreaterThan(rate(weak, 'lostAtOnce'));
    expect(rate(strong, 'lostInTheEnd')).toBeGreaterThan(rate(weak, 'lostInTheEnd'));
  });

  it('(c) an opening ask far above the buyer’s range costs 10 trust, for every buyer', () => {
    const trustAfterQuote = (persona: Persona, pricePm: number) => {
      const r = playMove(startNegotiation(persona, terms), { kind: 'quote', pricePm });
      if (!r.ok) throw new Error(`quote ${pricePm} refused`);
      return r.negotiation.context.trust;
    };
    for (const persona of PERSONAS) {
      const fair = trustAfterQuote(persona, persona.reservationPm);
      const greedy = trustAfterQuote(persona, Math.round(1.3 * persona.reservationPm));
      expect(fair - greedy, `R ${persona.reservationPm}`).toBe(10);
    }
  });

  it('(d) asking questions and never naming a price never closes a deal', () => {
    for (const r of results('questions-only')) {
      expect(r.stage).toBe('noDeal');
      expect(r.context.outcome).toBe('alternative');
    }
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 12 }), (seed, round) => {
        const r = playNegotiation(bot('questions-only'), buyerPersona(seed, 'acct', round), terms);
        expect(r.stage).toBe('noDeal');
      }),
      { numRuns: 200 },
    );
  });

  it('(e) taking the first counter sells for less than value selling does', () => {
    const first = results('accept-first-counter');
    expect(deals(first).length).toBeGreaterThan(0);
    expect(medianDealPrice(first)).toBeLessThan(medianDealPrice(results('value-selling')));
  });
});
