import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import type { Move } from '../../../engine/negotiation/types.ts';
import { forkSession } from '../../../engine/session/fork.ts';
import { changedMove } from '../../../engine/session/forkMove.ts';
import { dealSession } from '../../support/dealSession.ts';

describe('what-if branches that change a negotiation move', () => {
  const { s, account, round } = dealSession();
  const events = s.log.events;
  const moves = events.filter((e) => e.type === 'NegotiationMoved');
  const quote = moves.find((e) => (e.payload as { move: Move }).move.kind === 'quote')!;
  const quoted = (quote.payload as { move: { pricePm: number } }).move.pricePm;
  const lower = quoted - 10;
  const rounds = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const fork = (seq: number, move: Move, later?: 'replay' | 'drop', atRound = round) => forkSession(s.header, events, { atRound, team: 't1', move: { seq, move, ...(later ? { later } : {}) }, createdAt: 'now' });
  const talk = (state: typeof s.state) => state.negotiations.find((n) => n.account === account.id && n.team === 't1')!.negotiation;
  const revenue = (state: typeof s.state, r: number) => state.history[r - 1]![0]!.firms[0]!.pnl.revenue;

  it('the logged session: a deal at the quoted price', () => {
    expect(talk(s.state).stage).toBe('deal');
    expect(talk(s.state).context.dealPricePm).toBe(quoted);
  });

  it('the same move reproduces the original exactly', () => {
    for (const e of [quote, moves.at(-1)!]) {
      const f = fork(e.seq, (e.payload as { move: Move }).move);
      if (!f.ok) throw new Error(f.code);
      expect(f.sameRounds).toEqual(rounds(1, round + 2));
      expect(f.notes).toEqual([]);
      expect(hashOf(f.branch.state)).toBe(hashOf(s.state));
      expect(f.branch.header.parent).toEqual({ headHash: s.log.headHash, headSeq: s.log.lastSeq, forkRound: round });
    }
  });

  it('a lower quote closes at the lower price; the rounds before stay, the rest change; later moves that no longer fit are noted', () => {
    const f = fork(quote.seq, { kind: 'quote', pricePm: lower });
    if (!f.ok) throw new Error(`${f.code} ${JSON.stringify(f.params)}`);
    const n = talk(f.branch.state);
    expect(n.stage).toBe('deal');
    expect(n.context.dealPricePm).toBe(lower);
    expect(f.sameRounds).toEqual(rounds(1, round - 1));
    // The deal is the only change in its round: t1's share of the account's units at the lower
    // price (the buyer split its orders the same way in both: t1 main supplier, the incumbent
    // keeping its share).
    const { listPrice } = n.context.terms;
    const row = (state: typeof s.state) => state.history[round - 1]![0]!.accounts.find((a) => a.id === account.id)!;
    expect(row(f.branch.state).supplier).toBe(0);
    expect(row(f.branch.state).split).toEqual(row(s.state).split);
    // The outcome's units are what both suppliers shipped; t1 ships its share at its fill rate,
    // the AI incumbent all of its own.
    const share = (1000 - (row(s.state).split?.sharePm ?? 0)) / 1000;
    const fill = s.state.history[round - 1]![0]!.firms[0]!.fillBp / 10_000;
    const units = (row(s.state).units * share * fill) / (share * fill + (1 - share));
    // The outcome shows units rounded to whole ones: half a unit at the price difference is the tolerance.
    expect(Math.abs(revenue(s.state, round) - revenue(f.branch.state, round) - (units * (quoted - lower) * listPrice) / 1000)).toBeLessThanOrEqual((0.5 * (quoted - lower) * listPrice) / 1000 + 1);
    for (let r = round + 1; r <= round + 2; r++) expect(revenue(f.branch.state, r)).toBeLessThan(revenue(s.state, r));
    // The branch closed the deal before the last logged move, which is left out with the engine's reason.
    expect(f.notes).toEqual([{ seq: moves.at(-1)!.seq, round, type: 'NegotiationMoved', team: 't1', code: 'negotiation.over', params: { account: account.id } }]);
    expect(f.branch.state.history[round - 1]![0]!.negotiations).toEqual([expect.objectContaining({ account: account.id, deal: true, pricePm: lower })]);
  });

  it('with later moves dropped, the talk stops at the changed move and signs nothing: the account does not come to t1', () => {
    const f = fork(quote.seq, { kind: 'quote', pricePm: 1100 }, 'drop');
    if (!f.ok) throw new Error(f.code);
    const later = moves.filter((e) => e.seq > quote.seq).map((e) => e.seq);
    expect(later.length).toBeGreaterThan(0);
    expect(f.notes.map((x) => [x.seq, x.code])).toEqual(later.map((seq) => [seq, 'fork.move-dropped']));
    expect(f.branch.log.events.filter((e) => e.type === 'NegotiationMoved')).toHaveLength(moves.length - later.length);
    expect(talk(f.branch.state).stage).not.toBe('deal');
    const outcome = (state: typeof s.state) => state.history[round - 1]![0]!.accounts.find((a) => a.id === account.id)!;
    expect(outcome(s.state).supplier).toBe(0);
    expect(outcome(f.branch.state).supplier).not.toBe(0);
    expect(revenue(f.branch.state, round)).toBeLessThan(revenue(s.state, round));
    expect(f.sameRounds).toEqual(rounds(1, round - 1));
  });

  it('walking away instead of the closing move, with an offer the buyer still prefers to the incumbent’s, brings it back to sign', () => {
    const f = fork(moves.at(-1)!.seq, { kind: 'walk-away' });
    if (!f.ok) throw new Error(f.code);
    const n = talk(f.branch.state);
    expect(n.context.walkedAway).toBe(true);
    expect(n.stage).toBe('deal');
    expect(n.context.dealPricePm).toBeGreaterThanOrEqual(Math.floor(0.99 * quoted));
    expect(f.branch.state.history[round - 1]![0]!.negotiations).toEqual([expect.objectContaining({ deal: true })]);
  });

  it('refuses a seq that is not the team’s move in that round, a move of the wrong shape, and one the talk does not take', () => {
    const resolved = events.find((e) => e.type === 'RoundResolved')!;
    expect(fork(resolved.seq, { kind: 'situation' })).toEqual({ ok: false, code: 'fork.move-unknown', params: { seq: String(resolved.seq) } });
    expect(fork(99_999, { kind: 'situation' })).toMatchObject({ ok: false, code: 'fork.move-unknown' });
    expect(fork(quote.seq, { kind: 'situation' }, undefined, round + 1)).toEqual({ ok: false, code: 'fork.move-round', params: { seq: quote.seq, round, atRound: round + 1 } });
    expect(changedMove(events, 't2', round, { seq: quote.seq, move: { kind: 'situation' } })).toEqual({ ok: false, code: 'fork.move-team', params: { seq: quote.seq, owner: 't1', team: 't2' } });
    expect(fork(quote.seq, { kind: 'quote', pricePm: 'dear' } as unknown as Move)).toMatchObject({ ok: false, code: 'field.int-range', params: { path: 'move.pricePm' } });
    expect(fork(quote.seq, { kind: 'shout' } as unknown as Move)).toMatchObject({ ok: false, code: 'field.one-of', params: { path: 'move.kind' } });
    expect(fork(quote.seq, { kind: 'situation', pain: 'downtime' } as unknown as Move)).toMatchObject({ ok: false, code: 'field.unknown' });
    // Before any price is on the table there is no counter to accept.
    expect(fork(moves[0]!.seq, { kind: 'accept-counter' })).toMatchObject({ ok: false, code: 'negotiation.move-not-allowed' });
    expect(fork(quote.seq, { kind: 'situation' }, 'sometimes' as 'drop')).toMatchObject({ ok: false, code: 'field.one-of', params: { path: 'later' } });
  });
});
