import { describe, expect, it } from 'vitest';
import { logLines } from '../../../engine/core/jsonl.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { forkSession } from '../../../engine/session/fork.ts';
import { branchComparison } from '../../../ui/replay/branchView.ts';
import { openReplay, replayFromEvents, resolvedBy, roundAt, sessionNegotiations } from '../../../ui/replay/replaySession.ts';
import { sessionDriver, teamSession } from '../../support/teamSession.ts';

const lines = (s: ReturnType<typeof teamSession>) => [...logLines(s.log.header, s.log.events)].map((l) => `${l}\n`);

describe('the replay viewer’s session', () => {
  const s = teamSession();

  it('opens a log, seeks any position and knows the rounds at each', async () => {
    const r = await openReplay(lines(s));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const session = r.session;
    expect(session.events.length).toBe(s.log.events.length);
    expect(session.debrief.rounds.length).toBe(4);
    expect(session.seek(session.events.length)).toBe(session.debrief.state);
    const round2 = session.timeline.find((x) => x.round === 2)!;
    expect(session.seek(round2.resolvedAt).history.length).toBe(2);
    expect(resolvedBy(session.timeline, round2.resolvedAt)).toBe(2);
    expect(resolvedBy(session.timeline, round2.resolvedAt - 1)).toBe(1);
    expect(roundAt(session.timeline, round2.openedAt)).toBe(2);
    expect(roundAt(session.timeline, 0)).toBe(0);
    // Only the AI team talked (people in this session did not): a bot's talks are logged like a team's.
    const talks = sessionNegotiations(session);
    expect(talks.length).toBeGreaterThan(0);
    expect(talks.every((n) => n.team === 'ai')).toBe(true);
  });

  it('refuses a tampered log with its first bad event, and a log that hides its seed', async () => {
    const text = lines(s);
    text[5] = text[5]!.replace(/"ts":"[^"]*"/, '"ts":"tampered"');
    const bad = await openReplay(text);
    expect(bad.ok).toBe(false);
    if (!bad.ok && bad.code === 'bad-log') expect(bad.problem.seq).toBe(5);
    else throw new Error('expected bad-log');
    const { s: hidden, fac } = sessionDriver('x', { hideSeed: true });
    void fac;
    const r = await openReplay([...logLines(hidden.log.header, hidden.log.events)].map((l) => `${l}\n`));
    expect(r).toMatchObject({ ok: false, code: 'no-seed' });
  });

  it('compares a what-if branch with the original for the forked team', () => {
    const events = s.log.events;
    const market = s.seek(events.find((e) => e.type === 'RoundOpened' && e.round === 2)!.seq).markets[0]!;
    const decisions = defaultDecisions(market, s.state.scenario!, 0);
    const changed = { ...decisions, pricePm: [decisions.pricePm[0] + 150, decisions.pricePm[1] + 150, decisions.pricePm[2] + 150] as typeof decisions.pricePm };
    const f = forkSession(s.log.header, events, { atRound: 2, team: 't1', decisions: changed, createdAt: 'now' });
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    const b = replayFromEvents(f.branch.log.header, f.branch.log.events, f.branch.log.events.at(-1)!.hash);
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    const c = branchComparison(s.state, b.session.debrief.state, 't1')!;
    expect(c.rounds.length).toBe(4);
    expect(c.rounds[0]!.same).toBe(true);
    expect(c.rounds[1]!.same).toBe(false);
    expect(c.totals.branch).not.toBe(c.totals.original);
    expect(branchComparison(s.state, b.session.debrief.state, 'nobody')).toBeNull();
  });
});
