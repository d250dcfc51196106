import { describe, expect, it } from 'vitest';
import { Aggregate } from '../../../engine/core/aggregate.ts';
import { ledger } from '../../../engine/core/demo/ledger.ts';
import { describeRejection } from '../../../engine/i18n/describe.ts';
import { demoHeader } from '../../support/ledgerArbitrary.ts';

const team = { kind: 'team', id: 'team-1' } as const;

describe('Aggregate', () => {
  it('turns a command into sealed, stamped events and the new state', () => {
    const s = Aggregate.create(ledger, demoHeader());
    const r = s.handle({ id: 'c1', actor: team, ts: '2026-01-01T09:00:00Z', command: { type: 'OpenRound' } });
    expect(r.kind).toBe('accepted');
    const e = s.log.at(1)!;
    expect(e).toMatchObject({ seq: 1, type: 'RoundOpened', v: 1, round: 0, actor: team, cmd: 'c1', ts: '2026-01-01T09:00:00Z' });
    expect(s.state.open).toBe(true);
    expect(s.state.round).toBe(1);
  });

  it('refuses with a code, the field and figures a person can act on', () => {
    const s = Aggregate.create(ledger, demoHeader());
    s.handle({ id: 'c1', actor: team, ts: 't', command: { type: 'OpenRound' } });
    const r = s.handle({ id: 'c2', actor: team, ts: 't', command: { type: 'RecordSale', territory: 'east', units: 0, price: 10 } });
    expect(r.kind).toBe('rejected');
    if (r.kind !== 'rejected') return;
    expect(r.rejection).toMatchObject({ code: 'field.int-range', path: 'units', params: { min: 1, max: 1_000_000 } });
    expect(describeRejection(r.rejection, 'en')).toBe('units must be a whole number from 1 to 1000000 (got 0)');
    expect(describeRejection(r.rejection, 'zh-CN')).toContain('units 必须是 1 到 1000000 之间的整数');
    expect(s.log.lastSeq).toBe(1);
  });

  it('handles a retried command once and returns the original events', () => {
    const s = Aggregate.create(ledger, demoHeader());
    s.handle({ id: 'c1', actor: team, ts: 't', command: { type: 'OpenRound' } });
    const sale = { type: 'RecordSale', territory: 'east', units: 2, price: 10 } as const;
    const first = s.handle({ id: 'c2', actor: team, ts: 't', command: sale });
    const retry = s.handle({ id: 'c2', actor: team, ts: 't', command: sale });
    expect(retry).toMatchObject({ kind: 'accepted', duplicate: true });
    expect(retry.kind === 'accepted' && retry.events).toEqual(first.kind === 'accepted' && first.events);
    expect(s.state.sales).toBe(1);
  });

  it('refuses a command decided on an older state', () => {
    const s = Aggregate.create(ledger, demoHeader());
    s.handle({ id: 'c1', actor: team, ts: 't', command: { type: 'OpenRound' } });
    const r = s.handle({ id: 'c2', actor: team, ts: 't', expectedSeq: 0, command: { type: 'CloseRound' } });
    expect(r).toEqual({ kind: 'conflict', expectedSeq: 0, actualSeq: 1 });
    expect(s.state.open).toBe(true);
  });

  it('keeps a snapshot at each round boundary and seeks from it', () => {
    const s = Aggregate.create(ledger, demoHeader());
    const cmds = [
      { type: 'OpenRound' },
      { type: 'RecordSale', territory: 'east', units: 1, price: 100 },
      { type: 'CloseRound' },
      { type: 'OpenRound' },
      { type: 'RecordSale', territory: 'west', units: 3, price: 100 },
    ] as const;
    cmds.forEach((command, i) => s.handle({ id: `c${i}`, actor: team, ts: 't', command }));
    expect(s.replay.snapshotSeqs).toEqual([0, 3]);
    expect(s.seek(2).revenue).toBe(100);
    expect(s.seek(4)).toMatchObject({ round: 2, open: true, revenue: 100 });
    expect(s.seek(5).revenue).toBe(400);
    expect(() => s.seek(6)).toThrow(RangeError);
  });
});
