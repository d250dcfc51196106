import { describe, expect, it } from 'vitest';
import { sessionTimeline } from '../../../ui/replay/timeline.ts';
import { teamSession } from '../../support/teamSession.ts';

describe('the session timeline', () => {
  const s = teamSession('timeline');
  const rounds = sessionTimeline(s.log.events);

  it('groups every event by round, in order, with the positions where rounds open and resolve', () => {
    expect(rounds.map((r) => r.round)).toEqual([0, 1, 2, 3, 4]);
    expect(rounds.flatMap((r) => r.entries.map((e) => e.seq))).toEqual(s.log.events.map((e) => e.seq));
    for (const r of rounds.slice(1)) {
      expect(s.log.events[r.openedAt - 1]!.type).toBe('RoundOpened');
      expect(s.log.events[r.resolvedAt - 1]!.type).toBe('RoundResolved');
      expect(r.openedAt).toBeLessThan(r.resolvedAt);
    }
  });

  it('says who did what: decisions by member, the shock, the round a team sat out', () => {
    const round2 = rounds.find((r) => r.round === 2)!;
    expect(round2.entries.find((e) => e.kind === 'shock')!.params).toMatchObject({ shock: 'slump', kind: 'downturn' });
    expect(round2.entries.filter((e) => e.kind === 'decisions').map((e) => [e.team, e.params.member])).toEqual([
      ['t1', 't1-a'],
      ['t2', 't2-a'],
    ]);
    const round3 = rounds.find((r) => r.round === 3)!;
    expect(round3.entries.find((e) => e.kind === 'round-closed')!.params.carried).toBe(1);
    expect(rounds.at(-1)!.entries.at(-1)!.kind).toBe('ended');
  });
});
