import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { forkSession } from '../../../engine/session/fork.ts';
import { sessionStateHash } from '../../../engine/session/stateHash.ts';
import { teamSession, workshopScenario } from '../../support/teamSession.ts';
const { scenario } = workshopScenario();

describe('what-if branches', () => {
  const s = teamSession();
  const events = s.log.events;

  it('without new decisions reproduces every round of the original exactly', () => {
    const fork = forkSession(s.header, events, { atRound: 2, team: 't1', createdAt: 'now' });
    if (!fork.ok) throw new Error(fork.code);
    expect(fork.sameRounds).toEqual([1, 2, 3, 4]);
    expect(fork.notes).toEqual([]);
    expect(sessionStateHash(fork.branch.state)).toBe(sessionStateHash(s.state));
    expect(hashOf(fork.branch.state.history)).toBe(hashOf(s.state.history));
    // Its own log, naming its parent.
    expect(fork.branch.header.parent).toEqual({ headHash: s.log.headHash, headSeq: s.log.lastSeq, forkRound: 2 });
    expect(fork.branch.log.headHash).not.toBe(s.log.headHash);
  });

  it('with one team’s decisions changed, keeps the rounds before and changes the rest', () => {
    const market = s.seek(events.find((e) => e.type === 'RoundOpened' && (e.payload as { round: number }).round === 2)!.seq).markets[0]!;
    const plain = defaultDecisions(market, scenario, 0);
    const dear = { ...plain, pricePm: [1400, 1400, 1400] as const };
    const fork = forkSession(s.header, events, { atRound: 2, team: 't1', decisions: dear, createdAt: 'now' });
    if (!fork.ok) throw new Error(`${fork.code} ${JSON.stringify(fork.params)}`);
    expect(fork.sameRounds).toEqual([1]);
    const played = fork.branch.state.history[1]![0]!.firms[0]!.pricePm;
    expect(played).not.toEqual(s.state.history[1]![0]!.firms[0]!.pricePm);
    // The other team's logged decisions and the shock are the same in the branch.
    const theirs = (log: typeof events) => log.filter((e) => e.type === 'DecisionsSubmitted' && e.actor.id === 't2').map((e) => hashOf(e.payload));
    expect(theirs(fork.branch.log.events)).toEqual(theirs(events));
    expect(fork.branch.log.events.filter((e) => e.type === 'ShockInjected')).toHaveLength(1);
  });

  it('refuses what it cannot do, with a reason', () => {
    const hidden = { ...s.header, seed: undefined };
    expect(forkSession(hidden, events, { atRound: 1, team: 't1', createdAt: 'now' })).toMatchObject({ ok: false, code: 'fork.no-seed' });
    expect(forkSession(s.header, events, { atRound: 9, team: 't1', createdAt: 'now' })).toMatchObject({ ok: false, code: 'fork.round' });
    expect(forkSession(s.header, events, { atRound: 1, team: 'nobody', createdAt: 'now' })).toMatchObject({ ok: false, code: 'session.unknown-team' });
    expect(forkSession(s.header, events, { atRound: 1, team: 'ai', createdAt: 'now' })).toMatchObject({ ok: false, code: 'session.bot-team' });
    const broke = { ...defaultDecisions(s.state.markets[0]!, scenario, 0), maxDiscountBp: -5 };
    expect(forkSession(s.header, events, { atRound: 2, team: 't1', decisions: broke, createdAt: 'now' })).toMatchObject({ ok: false });
  });
});
