import { describe, expect, it } from 'vitest';
import { seal } from '../../../engine/core/chain.ts';
import type { EventEnvelope, UnsealedEvent } from '../../../engine/core/envelope.ts';
import { headerHash } from '../../../engine/core/header.ts';
import { logLines } from '../../../engine/core/jsonl.ts';
import { ledger, ledgerCatalog } from '../../../engine/core/demo/ledger.ts';
import { fold } from '../../../engine/core/replay.ts';
import { readLog } from '../../../engine/core/verify.ts';
import { checkVersion } from '../../../engine/core/eventCatalog.ts';
import { demoHeader } from '../../support/ledgerArbitrary.ts';

/** A log written when SaleRecorded was v1 ({ territory, amount }). */
function oldLog() {
  const header = demoHeader('old');
  const base = { round: 1, actor: { kind: 'team', id: 'team-1' }, ts: 't' } as const;
  const raw: UnsealedEvent[] = [
    { ...base, round: 0, cmd: 'a', type: 'RoundOpened', v: 1, payload: { round: 1 } },
    { ...base, cmd: 'b', type: 'SaleRecorded', v: 1, payload: { territory: 'east', amount: 700 } },
    { ...base, cmd: 'c', type: 'SaleRecorded', v: 2, payload: { territory: 'east', units: 2, revenue: 300 } },
  ];
  const events: EventEnvelope[] = [];
  let prev = headerHash(header);
  raw.forEach((e, i) => {
    const sealed = seal(e, i + 1, prev);
    events.push(sealed);
    prev = sealed.hash;
  });
  return { header, events };
}

describe('upcasters', () => {
  it('a v1 event in a log still verifies and replays after its type moved to v2', async () => {
    const { header, events } = oldLog();
    const file = [...logLines(header, events)].join('\n');
    const read = await readLog([file], ledgerCatalog);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.events[1]!.v).toBe(1);
    const state = fold(ledger, read.header, read.events);
    expect(state).toMatchObject({ sales: 2, revenue: 1000, byTerritory: { east: 1000 } });
  });

  it('refuses a version newer than the engine, and a type it does not know', async () => {
    expect(checkVersion(ledgerCatalog, 'SaleRecorded', 3)).toMatchObject({ code: 'unknown-version', current: 2 });
    expect(checkVersion(ledgerCatalog, 'Nope', 1)).toMatchObject({ code: 'unknown-type' });
    expect(checkVersion(ledgerCatalog, 'toString', 1)).toMatchObject({ code: 'unknown-type' });
    expect(checkVersion({ X: { version: 3, upcasters: { 2: (p) => p } } }, 'X', 1)).toMatchObject({
      code: 'missing-upcaster',
      v: 1,
    });
  });
});
