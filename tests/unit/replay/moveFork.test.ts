import { describe, expect, it } from 'vitest';
import { loggedMoves } from '../../../ui/replay/moveFork.ts';
import { dealSession } from '../../support/dealSession.ts';

describe('the what-if move picker', () => {
  it('lists the team’s logged moves of the round, with their seqs, in order', () => {
    const { s, round, account } = dealSession();
    const moves = loggedMoves(s.log.events, 't1', round);
    expect(moves.length).toBe(s.log.events.filter((e) => e.type === 'NegotiationMoved').length);
    expect(moves.map((m) => m.seq)).toEqual([...moves.map((m) => m.seq)].sort((a, b) => a - b));
    expect(moves.every((m) => m.account === account.id && s.log.events[m.seq - 1]!.type === 'NegotiationMoved')).toBe(true);
    expect(loggedMoves(s.log.events, 't1', round + 1)).toEqual([]);
    expect(loggedMoves(s.log.events, 'ai', round)).toEqual([]);
  });
});
