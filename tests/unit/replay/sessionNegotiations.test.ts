import { describe, expect, it } from 'vitest';
import { logLines } from '../../../engine/core/jsonl.ts';
import { negotiationSteps } from '../../../ui/replay/negotiationReplay.ts';
import { openReplay, sessionNegotiations } from '../../../ui/replay/replaySession.ts';
import { negotiationSession } from '../../support/negotiationSession.ts';

describe('the negotiations a replay finds', () => {
  it('lists each talk as it stood when its round closed, moves and all', async () => {
    const { s, account } = negotiationSession();
    const r = await openReplay([...logLines(s.log.header, s.log.events)].map((l) => `${l}\n`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const talks = sessionNegotiations(r.session);
    expect(talks.map((x) => [x.team, x.account, x.round])).toEqual([['t1', account.id, account.contractEnd]]);
    expect(negotiationSteps(talks[0]!.negotiation).length).toBe(3);
  });
});
