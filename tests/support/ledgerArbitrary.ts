import fc from 'fast-check';
import { Aggregate } from '../../engine/core/aggregate.ts';
import { createHeader } from '../../engine/core/header.ts';
import { ledger, type LedgerCommand } from '../../engine/core/demo/ledger.ts';
import { logLines } from '../../engine/core/jsonl.ts';

/** Any command, valid or not: refusals must leave the log untouched. */
export const ledgerCommand: fc.Arbitrary<LedgerCommand> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ type: 'OpenRound' } as const) },
  { weight: 1, arbitrary: fc.constant({ type: 'CloseRound' } as const) },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('RecordSale' as const),
      territory: fc.constantFrom('east', 'north', 'south', 'Bad Id', ''),
      units: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: -5, max: 0 })),
      price: fc.integer({ min: 1, max: 9999 }),
    }),
  },
);

export function demoHeader(seed = 'prop') {
  return createHeader({
    engineVersion: 'test',
    scenario: { id: 'demo-ledger', hash: '0'.repeat(64) },
    seed,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

export function runLedger(commands: readonly LedgerCommand[], seed = 'prop') {
  const session = Aggregate.create(ledger, demoHeader(seed));
  commands.forEach((command, i) =>
    session.handle({ id: `cmd-${i}`, actor: { kind: 'team', id: 'team-1' }, ts: `2026-01-01T00:00:00.${String(i % 1000).padStart(3, '0')}Z`, command }),
  );
  return session;
}

export function fileOf(session: ReturnType<typeof runLedger>): string {
  return [...logLines(session.header, session.log.events)].map((l) => `${l}\n`).join('');
}
