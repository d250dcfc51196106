import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../engine/core/version.ts';
import { Aggregate } from '../../../engine/core/aggregate.ts';
import { createHeader } from '../../../engine/core/header.ts';
import { fold } from '../../../engine/core/replay.ts';
import { hashOf } from '../../../engine/core/hash.ts';
import { sessionDecider } from '../../../engine/session/decider.ts';
import type { SessionCommand } from '../../../engine/session/commands.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';

const loaded = loadBuiltIn('workshop');
if (!loaded.ok) throw new Error('workshop does not load');
const { scenario, hash } = loaded;

function session(seed = 'neg') {
  const s = Aggregate.create(sessionDecider(seed), createHeader({ engineVersion: ENGINE_VERSION, scenario: { id: scenario.id, hash }, seed, createdAt: 't' }));
  let n = 0;
  const as = (actor: { kind: 'facilitator' | 'team'; id: string }) => (command: SessionCommand) =>
    s.handle({ id: `c${++n}`, actor, ts: 't', command });
  const fac = as({ kind: 'facilitator', id: 'f' });
  const team = as({ kind: 'team', id: 't1' });
  fac({ type: 'CreateSession', scenario, scenarioHash: hash, mode: 'shared', teams: [{ id: 't1', name: 'One', firm: 'team-1' }] });
  return { s, fac, team };
}

describe('negotiations in a session', () => {
  const renewing = [...scenario.keyAccounts].sort((a, b) => a.contractEnd - b.contractEnd)[0]!;

  it('opens only for accounts up for renewal, and refuses moves that do not fit', () => {
    const { s, fac, team } = session();
    for (let r = 1; r < renewing.contractEnd; r++) {
      fac({ type: 'OpenRound' });
      const early = team({ type: 'StartNegotiation', team: 't1', account: renewing.id });
      expect(early).toMatchObject({ kind: 'rejected', rejection: { code: 'negotiation.not-open' } });
      fac({ type: 'CloseRound' });
    }
    fac({ type: 'OpenRound' });
    expect(team({ type: 'StartNegotiation', team: 't1', account: renewing.id }).kind).toBe('accepted');
    expect(team({ type: 'StartNegotiation', team: 't1', account: renewing.id })).toMatchObject({ rejection: { code: 'negotiation.exists' } });
    const before = s.log.lastSeq;
    const refused = team({ type: 'NegotiationMove', team: 't1', account: renewing.id, move: { kind: 'discount', bp: 500 } });
    expect(refused).toMatchObject({ kind: 'rejected', rejection: { code: 'negotiation.move-not-allowed' } });
    expect(s.log.lastSeq).toBe(before);
  });

  it('a deal enters the account in its contest: won at the agreed price or kept by a rival; no deal, no account; the log replays to the same state', () => {
    const { s, fac, team } = session();
    for (let r = 1; r < renewing.contractEnd; r++) {
      fac({ type: 'OpenRound' });
      fac({ type: 'CloseRound' });
    }
    fac({ type: 'OpenRound' });
    team({ type: 'StartNegotiation', team: 't1', account: renewing.id });
    const neg = () => s.state.negotiations.at(-1)!.negotiation;
    const persona = neg().context.persona;
    const low = Math.round(persona.reservationPm * 0.85);
    const moves = [{ kind: 'situation' }, { kind: 'problem', pain: persona.pains[0] }, { kind: 'implication', pain: persona.pains[0] }, { kind: 'quote', pricePm: low }] as const;
    for (const move of moves) team({ type: 'NegotiationMove', team: 't1', account: renewing.id, move });
    for (const attribute of ['service', 'innovation', 'payment', 'delivery', 'price'] as const) {
      if (neg().stage === 'deal' || neg().stage === 'noDeal') break;
      if (neg().context.pendingObjection) team({ type: 'NegotiationMove', team: 't1', account: renewing.id, move: { kind: 'redirect', attribute } });
      else team({ type: 'NegotiationMove', team: 't1', account: renewing.id, move: { kind: 'trade', ask: 'term' } });
    }
    for (let i = 0; i < 10 && neg().stage !== 'deal' && neg().stage !== 'noDeal'; i++) {
      team({ type: 'NegotiationMove', team: 't1', account: renewing.id, move: { kind: 'trade', ask: 'volume' } });
    }
    const outcome = neg();
    fac({ type: 'CloseRound' });
    const account = s.state.markets[0]!.accounts.find((a) => a.id === renewing.id)!;
    const firm = scenario.firms.findIndex((f) => f.id === 'team-1');
    if (outcome.stage === 'deal' && account.supplier === firm) {
      expect(account.pricePm).toBe(Math.round(outcome.context.dealPricePm - outcome.context.concessionCostPm));
    } else if (outcome.stage === 'deal') {
      // The contest went to a rival's offer: the account keeps that rival's price, not ours.
      expect(account.pricePm).not.toBe(Math.round(outcome.context.dealPricePm - outcome.context.concessionCostPm));
    } else {
      expect(account.supplier).not.toBe(firm);
    }
    const replayed = fold(sessionDecider('neg'), s.header, s.log.events);
    expect(hashOf(replayed)).toBe(hashOf(s.state));
  });
});
