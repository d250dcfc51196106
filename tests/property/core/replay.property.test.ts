import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Aggregate } from '../../../engine/core/aggregate.ts';
import { ledger } from '../../../engine/core/demo/ledger.ts';
import { fold } from '../../../engine/core/replay.ts';
import { hashOf } from '../../../engine/core/hash.ts';
import { ledgerCommand, runLedger } from '../../support/ledgerArbitrary.ts';

describe('replay of the demo ledger', () => {
  it('live state equals the replayed state equals seek to the end', () => {
    fc.assert(
      fc.property(fc.array(ledgerCommand, { maxLength: 80 }), (commands) => {
        const live = runLedger(commands);
        const replayed = fold(ledger, live.header, live.log.events);
        const reopened = Aggregate.restore(ledger, live.header, live.log.events);
        expect(replayed).toEqual(live.state);
        expect(reopened.state).toEqual(live.state);
        expect(live.seek(live.log.lastSeq)).toEqual(live.state);
        expect(hashOf(reopened.seek(live.log.lastSeq))).toBe(hashOf(live.state));
      }),
      { numRuns: 200 },
    );
  });

  it('seek(k) equals folding the first k events, from the live stream and from a reopened one', () => {
    fc.assert(
      fc.property(fc.array(ledgerCommand, { minLength: 1, maxLength: 80 }), fc.nat(), (commands, pick) => {
        const live = runLedger(commands);
        const k = pick % (live.log.lastSeq + 1);
        const expected = fold(ledger, live.header, live.log.events.slice(0, k));
        expect(live.seek(k)).toEqual(expected);
        expect(Aggregate.restore(ledger, live.header, live.log.events).seek(k)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('a refused command changes neither the log nor the state', () => {
    fc.assert(
      fc.property(fc.array(ledgerCommand, { maxLength: 40 }), ledgerCommand, (commands, last) => {
        const session = runLedger(commands);
        const before = { seq: session.log.lastSeq, head: session.log.headHash, state: session.state };
        const result = session.handle({ id: 'last', actor: { kind: 'team', id: 'team-1' }, ts: 't', command: last });
        if (result.kind === 'rejected') {
          expect(session.log.lastSeq).toBe(before.seq);
          expect(session.log.headHash).toBe(before.head);
          expect(session.state).toBe(before.state);
        }
      }),
      { numRuns: 200 },
    );
  });
});
