import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../engine/core/canonicalJson.ts';
import { envelopeLine, expectedHash } from '../../../engine/core/chain.ts';
import { teamSession } from '../../support/teamSession.ts';
import { runLedger } from '../../support/ledgerArbitrary.ts';

describe('the line kept from sealing', () => {
  it('is exactly the canonical JSON of the envelope, for session and ledger events alike', () => {
    const session = teamSession('chain-lines');
    const ledger = runLedger([{ type: 'OpenRound' }, { type: 'RecordSale', territory: 'east', units: 2, price: 7 }, { type: 'CloseRound' }]);
    for (const e of [...session.log.events, ...ledger.log.events]) {
      expect(envelopeLine(e)).toBe(canonicalJson(e));
      expect(expectedHash(e as unknown as Record<string, unknown>)).toBe(e.hash);
    }
  });

  it('falls back to serialising an envelope it did not seal', () => {
    const e = teamSession('chain-copy').log.events[0]!;
    const copy = JSON.parse(JSON.stringify(e));
    expect(envelopeLine(copy)).toBe(canonicalJson(e));
  });
});
