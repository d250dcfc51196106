import { ENGINE_VERSION } from '../version.ts';
import { Aggregate } from '../aggregate.ts';
import { createHeader } from '../header.ts';
import { stream } from '../rng.ts';
import { ledger, type LedgerCommand, type LedgerEvent, type LedgerState } from './ledger.ts';

export const DEMO_TERRITORIES = ['east', 'north', 'south', 'west'] as const;

/**
 * Plays the demo ledger until it holds `eventCount` events: rounds of a few sales each, drawn
 * from the seed. Used for benchmarks, tests and `replay demo`.
 */
export function playLedger(seed: string, eventCount: number): Aggregate<LedgerState, LedgerCommand, LedgerEvent> {
  const header = createHeader({
    engineVersion: ENGINE_VERSION,
    scenario: { id: 'demo-ledger', hash: '0'.repeat(64) },
    seed,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const session = Aggregate.create(ledger, header);
  const dice = stream(seed, 'demo-ledger');
  let n = 0;
  while (session.log.lastSeq < eventCount) {
    const left = eventCount - session.log.lastSeq;
    let command: LedgerCommand;
    if (!session.state.open) command = { type: 'OpenRound' };
    else if (left === 1 || dice.int(8) === 0) command = { type: 'CloseRound' };
    else {
      command = {
        type: 'RecordSale',
        territory: dice.pick(DEMO_TERRITORIES),
        units: dice.between(1, 50),
        price: dice.between(100, 5000),
      };
    }
    n++;
    const second = String(n % 60).padStart(2, '0');
    session.handle({ id: `c${n}`, actor: { kind: 'team', id: 't1' }, ts: `2026-01-01T00:00:${second}.000Z`, command });
  }
  return session;
}
