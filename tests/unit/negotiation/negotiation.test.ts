import { describe, expect, it } from 'vitest';
import { buyerCounter, openingCounter } from '../../../engine/negotiation/counter.ts';
import { MOVES_BY_STAGE, playMove, startNegotiation } from '../../../engine/negotiation/machine.ts';
import { buyerPersona } from '../../../engine/negotiation/persona.ts';
import { ATTRIBUTES } from '../../../engine/negotiation/types.ts';

const terms = { volume: 400, listPrice: 1000, unitCost: 600, relationship: 40 };

describe('buyer persona', () => {
  it('is the same buyer for the same account and round, and a different one elsewhere', () => {
    expect(buyerPersona('s', 'a', 3)).toEqual(buyerPersona('s', 'a', 3));
    expect(buyerPersona('s', 'a', 3)).not.toEqual(buyerPersona('s', 'b', 3));
    expect(buyerPersona('s', 'a', 3)).not.toEqual(buyerPersona('s', 'a', 4));
  });

  it('has weights summing to 100, two distinct pains, and a plausible range', () => {
    for (let i = 0; i < 200; i++) {
      const p = buyerPersona(`seed-${i}`, 'acct', 1);
      expect(ATTRIBUTES.reduce((s, a) => s + p.weights[a], 0)).toBe(100);
      expect(p.pains[0]).not.toBe(p.pains[1]);
      expect(p.reservationPm).toBeGreaterThanOrEqual(950);
      expect(p.reservationPm).toBeLessThanOrEqual(1150);
      expect(p.alternative.pricePm).toBeLessThan(p.reservationPm);
      expect(p.patience).toBeGreaterThanOrEqual(6);
      expect(p.patience).toBeLessThanOrEqual(10);
    }
  });
});

describe('buyer counter', () => {
  it('starts anchored towards the first ask and reaches R_eff at the end of patience', () => {
    expect(openingCounter(1000, 1200)).toBeCloseTo(880, 9);
    expect(openingCounter(1000, 1000)).toBeCloseTo(850, 9);
    for (const style of ['boulware', 'linear', 'conceder'] as const) {
      expect(buyerCounter(0, 8, style, 850, 1000)).toBe(850);
      expect(buyerCounter(8, 8, style, 850, 1000)).toBe(1000);
    }
    // Halfway: a Boulware buyer has moved least, a conceder most.
    expect(buyerCounter(4, 8, 'boulware', 850, 1000)).toBeLessThan(buyerCounter(4, 8, 'linear', 850, 1000));
    expect(buyerCounter(4, 8, 'linear', 850, 1000)).toBeLessThan(buyerCounter(4, 8, 'conceder', 850, 1000));
  });
});

describe('moves', () => {
  it('refuses a concession before any price is on the table, naming the moves that fit', () => {
    const n = startNegotiation(buyerPersona('s', 'a', 1), terms);
    const r = playMove(n, { kind: 'discount', bp: 500 });
    expect(r).toEqual({ ok: false, allowed: MOVES_BY_STAGE.discovery, reason: 'not-allowed' });
  });

  it('an open objection holds the counter and trust back, and refuses an accept with its reason', () => {
    // A stranger (relationship 0, trust 30) always objects to a first quote.
    const n0 = startNegotiation(buyerPersona('held', 'a', 1), { ...terms, relationship: 0 });
    const quoted = playMove(n0, { kind: 'quote', pricePm: 1000 });
    if (!quoted.ok) throw new Error('quote refused');
    expect(quoted.negotiation.stage).toBe('objection');
    const waited = playMove(quoted.negotiation, { kind: 'trade', ask: 'term' });
    if (!waited.ok) throw new Error('trade refused');
    // Time passes, but the buyer neither counters nor warms up while its objection stands.
    expect(waited.negotiation.context.counterPm).toBe(quoted.negotiation.context.counterPm);
    expect(waited.negotiation.context.trust).toBeLessThanOrEqual(quoted.negotiation.context.trust);
    const accept = playMove(waited.negotiation, { kind: 'accept-counter' });
    expect(accept.ok).toBe(false);
    if (!accept.ok) expect(accept.reason).toBe('objection-open');
  });

  it('against a defending offer the buyer pays no more than leaves ours the better deal, and a walk-away above that loses it', () => {
    const base = buyerPersona('defended', 'a', 1);
    const persona = { ...base, defender: { firm: 1, pricePm: 900, valueBp: 400, edgePm: 100 } };
    const n0 = startNegotiation(persona, { ...terms, relationship: 60 });
    const quoted = playMove(n0, { kind: 'quote', pricePm: 950 });
    if (!quoted.ok) throw new Error('quote refused');
    // Cap = 900 + R·(0 − 4%) − 100, under 800 for any R: the ask is above it, so the buyer objects on price.
    expect(quoted.negotiation.context.pendingObjection).toBe('price');
    let n = quoted.negotiation;
    const redirect = playMove(n, { kind: 'redirect', attribute: 'service' });
    if (redirect.ok) n = redirect.negotiation;
    const walked = playMove(n, { kind: 'walk-away' });
    if (!walked.ok) throw new Error('walk-away refused');
    expect(walked.negotiation.stage).toBe('noDeal');
    expect(walked.negotiation.context.outcome).toBe('lost');
  });

  it('books a discount once: the deal price already carries the cut', () => {
    let n = startNegotiation(buyerPersona('once', 'a', 1), { ...terms, relationship: 0 });
    for (const move of [{ kind: 'quote', pricePm: 1000 }, { kind: 'discount', bp: 1000 }] as const) {
      const r = playMove(n, move);
      if (!r.ok) throw new Error(`${move.kind} refused`);
      n = r.negotiation;
    }
    expect(n.context.askPm).toBe(900);
    expect(n.context.discountPm).toBe(100);
    // Nothing but non-price concessions is booked on top of the price.
    expect(n.context.concessionCostPm).toBe(0);
  });

  it('refuses an implication question about a pain nobody uncovered', () => {
    const n = startNegotiation(buyerPersona('s', 'a', 1), terms);
    expect(playMove(n, { kind: 'implication', pain: 'downtime' }).ok).toBe(false);
  });

  it('an opening ask far above the buyer costs trust', () => {
    const persona = buyerPersona('s', 'a', 1);
    const fair = playMove(startNegotiation(persona, terms), { kind: 'quote', pricePm: persona.reservationPm });
    const greedy = playMove(startNegotiation(persona, terms), { kind: 'quote', pricePm: Math.round(persona.reservationPm * 1.3) });
    if (!fair.ok || !greedy.ok) throw new Error('quotes refused');
    expect(fair.negotiation.context.trust - greedy.negotiation.context.trust).toBe(10);
  });

  it('uncovering a true pain raises perceived value; asking about a wrong one spends patience', () => {
    const persona = buyerPersona('s', 'a', 1);
    const hit = playMove(startNegotiation(persona, terms), { kind: 'problem', pain: persona.pains[0] });
    const wrong = ['downtime', 'stockouts', 'slow-service', 'cash-flow', 'staff-turnover', 'integration'].find((p) => !persona.pains.includes(p as never))!;
    const miss = playMove(startNegotiation(persona, terms), { kind: 'problem', pain: wrong as never });
    if (!hit.ok || !miss.ok) throw new Error('refused');
    expect(hit.negotiation.context.perceivedValueBp).toBe(100);
    expect(hit.negotiation.context.revealedPains).toEqual([persona.pains[0]]);
    expect(miss.negotiation.context.patienceLost).toBe(1);
  });

  it('a modest ask with objections answered closes a deal at the ask for most buyers', () => {
    let deals = 0;
    for (let seed = 0; seed < 60; seed++) {
      const persona = buyerPersona(`deal-${seed}`, 'a', 1);
      let n = startNegotiation(persona, terms);
      const ask = Math.round(persona.reservationPm * 0.9);
      for (const m of [{ kind: 'situation' }, { kind: 'problem', pain: persona.pains[0] }, { kind: 'quote', pricePm: ask }] as const) {
        const r = playMove(n, m);
        if (r.ok) n = r.negotiation;
      }
      const tried = new Set<string>();
      for (let i = 0; i < 12 && n.context.outcome === ''; i++) {
        const attribute = ATTRIBUTES.find((a) => !tried.has(a));
        const r = n.context.pendingObjection && attribute ? playMove(n, { kind: 'redirect', attribute }) : playMove(n, { kind: 'trade', ask: 'term' });
        if (attribute && n.context.pendingObjection) tried.add(attribute);
        if (r.ok) n = r.negotiation;
      }
      if (n.stage === 'deal') {
        deals++;
        expect(n.context.dealPricePm).toBe(ask);
      }
    }
    expect(deals).toBeGreaterThanOrEqual(30);
  });
});

describe('buyer replies', () => {
  it('every reply the machine gives has words in all three languages', async () => {
    const { messages } = await import('../../../engine/i18n/catalog.ts');
    const { LOCALES } = await import('../../../engine/i18n/locale.ts');
    const seen = new Set<string>();
    const kinds = [
      { kind: 'situation' },
      { kind: 'situation' },
      { kind: 'situation' },
      { kind: 'situation' },
      { kind: 'fabe', attribute: 'service' },
      { kind: 'fabe', attribute: 'service' },
      { kind: 'quote', pricePm: 1400 },
      { kind: 'redirect', attribute: 'price' },
      { kind: 'redirect', attribute: 'service' },
      { kind: 'discount', bp: 300 },
      { kind: 'tiered', bp: 300 },
      { kind: 'bundle', costYuan: 20_000 },
      { kind: 'staged-delivery' },
      { kind: 'trade', ask: 'term' },
      { kind: 'walk-away' },
      { kind: 'accept-counter' },
    ] as const;
    for (let seed = 0; seed < 80; seed++) {
      const persona = buyerPersona(`r-${seed}`, 'acct', 1);
      for (let start = 0; start < kinds.length; start++) {
        let n = startNegotiation(persona, terms);
        for (const m of [{ kind: 'problem', pain: persona.pains[0] } as const, { kind: 'implication', pain: persona.pains[0] } as const, { kind: 'need-payoff', pain: persona.pains[0] } as const, { kind: 'problem', pain: persona.pains[0] } as const, ...kinds.slice(start), ...kinds.slice(0, start)]) {
          const r = playMove(n, m);
          if (r.ok) n = r.negotiation;
        }
        for (const h of n.context.history) seen.add(h.reply.key);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    for (const key of seen) for (const locale of LOCALES) expect(messages[locale][key], `${locale} ${key}`).toBeTruthy();
  });
});
