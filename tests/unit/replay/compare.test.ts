import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../engine/core/envelope.ts';
import type { SessionEvent } from '../../../engine/session/events.ts';
import { compareSides, playedIn, toneOf } from '../../../ui/replay/compare.ts';
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

describe('how a comparison reads', () => {
  const s = teamSession('compare-tone');
  const events = s.log.events as readonly EventEnvelope<SessionEvent>[];
  const rows = compareSides(events, (seq) => s.seek(seq), s.state, { team: 't1', round: 1 }, { team: 't1', round: 3 })!;

  it('writes prices, discounts, share and fill as rates, and money as money, never ‰ or basis points', () => {
    const unit = (key: string) => rows.find((r) => r.key === key)!.unit;
    expect(['priceTier1', 'priceTier2', 'priceTier3'].map(unit)).toEqual(['permille', 'permille', 'permille']);
    expect(['maxDiscountBp', 'shareBp', 'fillBp'].map(unit)).toEqual(['bp', 'bp', 'bp']);
    expect(['revenue', 'profit', 'promotion'].map(unit)).toEqual(['yuan', 'yuan', 'yuan']);
    expect(unit('customers')).toBe('count');
  });

  it('colours a difference by whether it is good, not by its sign; a decision is only a different choice', () => {
    expect(toneOf('result', 'revenue', 5)).toBe('better');
    expect(toneOf('result', 'revenue', -5)).toBe('worse');
    expect(toneOf('result', 'lostCustomers', 8)).toBe('worse');
    expect(toneOf('result', 'leavers', -1)).toBe('better');
    expect(toneOf('decision', 'promotion', 1000)).toBe('changed');
    expect(toneOf('result', 'profit', 0)).toBe('same');
    for (const r of rows) expect(r.tone).toBe(toneOf(r.group, r.key, r.delta));
  });
});
