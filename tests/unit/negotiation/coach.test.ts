import { describe, expect, it } from 'vitest';
import { coachNotes, dealReview, scoreParts } from '../../../engine/negotiation/coach.ts';
import { playMove, startNegotiation, type PersistedNegotiation } from '../../../engine/negotiation/machine.ts';
import { buyerPersona } from '../../../engine/negotiation/persona.ts';
import { negotiationScore } from '../../../engine/negotiation/score.ts';
import { PAINS, type Move, type Persona } from '../../../engine/negotiation/types.ts';

const terms = { volume: 400, listPrice: 1000, unitCost: 600, relationship: 20 };

function play(persona: Persona, moves: readonly Move[]): PersistedNegotiation {
  let n = startNegotiation(persona, terms);
  for (const move of moves) {
    const r = playMove(n, move);
    if (!r.ok) throw new Error(`${move.kind} refused in ${n.stage}`);
    n = r.negotiation;
  }
  return n;
}

describe('the negotiation coach', () => {
  const persona = buyerPersona('coach-1', 'lakeside-dining', 3, 'restaurant');
  const [p1, p2] = persona.pains;
  const wrong = PAINS.find((p) => !persona.pains.includes(p))!;

  it('marks a story as a clue, a named pain as good, a guess as costly, and a benefit tied to no confirmed pain as moving nothing', () => {
    const n = play(persona, [
      { kind: 'situation' },
      { kind: 'problem', pain: p1 },
      { kind: 'problem', pain: wrong },
      { kind: 'fabe', attribute: 'delivery', pain: p2, evidence: 'case' },
    ]);
    const notes = coachNotes(n.context);
    expect(notes.map((x) => x.key)).toEqual(['coach.situation-clue', 'coach.problem-hit', 'coach.problem-miss', 'coach.fabe-untied']);
    expect(notes.map((x) => x.tone)).toEqual(['good', 'good', 'costly', 'costly']);
    expect(notes[1]!.valueDelta).toBe(1);
    // p2 was never confirmed: the FABE added no value at all.
    expect(notes[3]!.valueDelta).toBe(0);
  });

  it('says an objection holds the counter, reminds the seller while it is open, and a trade with nothing given gets nothing', () => {
    const n = play(persona, [{ kind: 'quote', pricePm: 1000 }, { kind: 'trade', ask: 'term' }]);
    const [quote, trade] = coachNotes(n.context);
    expect(['coach.objection-raised', 'coach.anchor-high']).toContain(quote!.key);
    expect(trade!.key).toBe('coach.objection-open');
    expect(n.context.history[1]!.pendingObjection).not.toBe('');
  });

  it('scores a deal part by part to the same total, and reviews what was given, got and left on the table', () => {
    const n = play(persona, [
      { kind: 'situation' },
      { kind: 'situation' },
      { kind: 'problem', pain: p1 },
      { kind: 'quote', pricePm: 900 },
      { kind: 'trade', ask: 'volume' },
      { kind: 'discount', bp: 500 },
    ]);
    // The scripted discount came with the first objection open (a stranger objects to any first quote).
    expect(n.context.history[4]!.pendingObjection).not.toBe('');
    let boughtOff = 1;
    let done = n;
    for (let i = 0; i < 12 && done.stage !== 'deal' && done.stage !== 'noDeal'; i++) {
      if (done.stage === 'objection') boughtOff++;
      // A second objection is bought off too; then the counter is taken.
      const next: Move = done.stage === 'objection' ? { kind: 'discount', bp: 500 } : done.context.counterPm > 0 ? { kind: 'accept-counter' } : { kind: 'trade', ask: 'term' };
      const r = playMove(done, next);
      if (!r.ok) break;
      done = r.negotiation;
    }
    expect(done.stage).toBe('deal');
    const parts = scoreParts(done.context);
    const total = parts.margin + (parts.reach ?? 0) + parts.discovery + parts.trust + parts.penalty;
    expect(Math.round(Math.max(0, Math.min(100, total)))).toBe(negotiationScore(done.context));
    expect(parts.penalty).toBe(-10);
    const review = dealReview(done.context);
    expect(review.discountPm).toBeGreaterThan(80);
    expect(review.trades).toBeGreaterThanOrEqual(1);
    // Every discount made with an objection open counts as one answered badly, even when it drew the next objection.
    expect(review.answeredBadly).toBe(boughtOff);
    expect(review.leftOnTablePm).not.toBeNull();
    expect(review.leftOnTablePm!).toBeGreaterThanOrEqual(0);
  });

  it('keeps the buyer’s range hidden while the profile is redacted: no reach, no money left on the table', () => {
    const n = play(persona, [{ kind: 'quote', pricePm: 700 }]);
    const redacted = { ...n.context, persona: { ...n.context.persona, reservationPm: 0 }, outcome: 'deal' as const, dealPricePm: 700 };
    expect(scoreParts(redacted).reach).toBeNull();
    expect(dealReview(redacted).leftOnTablePm).toBeNull();
  });
});
