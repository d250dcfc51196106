import { describe, expect, it } from 'vitest';
import { sessionTimeline } from '../../../ui/replay/timeline.ts';
import { roundCounts, roundRows } from '../../../ui/replay/timelineGroups.ts';
import { largeSession } from '../../support/largeSession.ts';

describe('a round of a full room folded for reading', () => {
  const rounds = sessionTimeline(largeSession('groups').log.events);

  it('counts what happened in each round: plans, the teams behind them, talks, moves, shocks', () => {
    expect(rounds.map((r) => r.round)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(roundCounts(rounds[0]!).joins).toBe(14);
    for (const r of rounds.slice(1)) {
      const c = roundCounts(r);
      // Seven teams of people (the AI team plans without a submission); one sits out round 7.
      expect(c.teams).toBe(r.round === 7 ? 6 : 7);
      expect(c.plans).toBeGreaterThanOrEqual(c.teams);
      expect(c.moves).toBeGreaterThanOrEqual(c.talks);
    }
    expect(roundCounts(rounds[5]!).shocks).toBe(1);
    expect(rounds.slice(1).reduce((s, r) => s + roundCounts(r).talks, 0)).toBe(14);
  });

  it('keeps every event once: plans in one row, each move under the talk it belongs to', () => {
    for (const r of rounds) {
      const rows = roundRows(r);
      const seqs = rows.flatMap((x) => (x.kind === 'entry' ? [x.entry.seq] : x.kind === 'plans' ? x.entries.map((e) => e.seq) : [x.start.seq, ...x.moves.map((e) => e.seq)]));
      expect([...seqs].sort((a, b) => a - b)).toEqual(r.entries.map((e) => e.seq));
      expect(rows.filter((x) => x.kind === 'plans').length).toBe(roundCounts(r).plans > 0 ? 1 : 0);
      for (const x of rows) {
        if (x.kind !== 'talk') continue;
        for (const m of x.moves) expect([m.team, m.params.account]).toEqual([x.start.team, x.start.params.account]);
      }
      expect(rows.some((x) => x.kind === 'entry' && x.entry.kind === 'move')).toBe(false);
    }
  });

  it('folds a round of a full room to a few rows', () => {
    const busiest = rounds.reduce((a, b) => (b.entries.length > a.entries.length ? b : a));
    expect(busiest.entries.length).toBeGreaterThan(20);
    expect(roundRows(busiest).length).toBeLessThanOrEqual(8);
  });
});
