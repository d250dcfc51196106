import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../engine/core/envelope.ts';
import type { SessionEvent } from '../../../engine/session/events.ts';
import { compareSides, playedIn } from '../../../ui/replay/compare.ts';
import { teamSession } from '../../support/teamSession.ts';

describe('comparing two teams or two rounds', () => {
  const s = teamSession('compare');
  const events = s.log.events as readonly EventEnvelope<SessionEvent>[];
  const seek = (seq: number) => s.seek(seq);

  it('reads the decisions each team played, including a round it sat out', () => {
    const submitted = events.find((e) => e.type === 'DecisionsSubmitted' && e.round === 2 && e.payload.team === 't1')!;
    expect(playedIn(events, seek, 2, 't1')).toEqual((submitted.payload as { decisions: unknown }).decisions);
    // t2 did not submit in round 3: it played its round-2 plan again.
    expect(playedIn(events, seek, 3, 't2')).not.toBeNull();
    expect(playedIn(events, seek, 9, 't1')).toBeNull();
  });

  it('lines up decisions and results side by side, with the difference', () => {
    const rows = compareSides(events, seek, s.state, { team: 't1', round: 2 }, { team: 't2', round: 2 })!;
    const revenue = rows.find((r) => r.key === 'revenue')!;
    expect(revenue.group).toBe('result');
    expect(revenue.a).toBe(s.state.history[1]![0]!.firms[0]!.pnl.revenue);
    expect(revenue.b).toBe(s.state.history[1]![0]!.firms[1]!.pnl.revenue);
    expect(revenue.delta).toBe(revenue.b - revenue.a);
    expect(rows.filter((r) => r.group === 'decision').length).toBeGreaterThan(10);
    const overRounds = compareSides(events, seek, s.state, { team: 't1', round: 1 }, { team: 't1', round: 4 })!;
    expect(overRounds.find((r) => r.key === 'revenue')!.a).toBe(s.state.history[0]![0]!.firms[0]!.pnl.revenue);
    expect(compareSides(events, seek, s.state, { team: 't1', round: 1 }, { team: 'nobody', round: 1 })).toBeNull();
  });
});
