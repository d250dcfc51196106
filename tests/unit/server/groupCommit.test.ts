import { describe, expect, it, vi } from 'vitest';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import type { ServerMessage } from '../../../engine/protocol/messages.ts';
import { firmIndexOf, marketIndexOf } from '../../../engine/session/teams.ts';
import type { LiveSession } from '../../../server/session/liveSession.ts';
import { SessionRegistry } from '../../../server/session/registry.ts';
import { SessionStore } from '../../../server/store/sessionStore.ts';

/** A parallel workshop of three teams with a member each, its round open, and a listener that records what it is sent. */
function openSession() {
  const store = new SessionStore(':memory:');
  const registry = new SessionRegistry(store);
  const created = registry.create({ type: 'create', id: 'c', scenario: 'workshop', seed: 'group-commit', mode: 'parallel', teams: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], roundSeconds: 0, locale: 'en' });
  if (!created.ok) throw new Error('not created');
  for (const team of ['team-1', 'team-2', 'team-3']) {
    const joined = registry.join({ type: 'join', id: 'j', code: created.joinCode, name: `m-${team}`, team });
    if (!joined.ok) throw new Error('not joined');
  }
  const session = registry.get(created.session)!;
  const heard: string[] = [];
  session.clients.add({
    viewer: { kind: 'facilitator' },
    send: (m: ServerMessage) => heard.push(m.type === 'events' ? `events:${m.events.map((e) => e.seq).join(',')}` : m.type),
  });
  expect(session.handle({ kind: 'facilitator', id: 'f' }, 'open', { type: 'OpenRound' }).kind).toBe('accepted');
  return { store, session, heard };
}

function submit(session: LiveSession, team: string, id: string) {
  const s = session.state;
  const t = s.teams.find((x) => x.id === team)!;
  const decisions = defaultDecisions(s.markets[marketIndexOf(s, team)]!, s.scenario!, firmIndexOf(s, t));
  return session.handle({ kind: 'team', id: team }, id, { type: 'SubmitDecisions', team, decisions, member: `m-${team}` });
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit: the commands of one turn share a transaction', () => {
  it('stores the turn in one append, acknowledges only after it and after the events were sent', async () => {
    const { store, session, heard } = openSession();
    await turn();
    heard.length = 0;
    const append = vi.spyOn(store, 'append');
    const acks: string[] = [];
    for (const [team, id] of [['team-1', 'a'], ['team-2', 'b']] as const) {
      const r = submit(session, team, id);
      expect(r.kind).toBe('accepted');
      session.afterCommit((committed) => acks.push(`${id}:${committed}`));
    }
    // Decided at once (the second was decided against the first), stored and answered later.
    expect(session.state.pending.map((p) => p.team)).toEqual(['team-1', 'team-2']);
    expect(append).not.toHaveBeenCalled();
    expect(acks).toEqual([]);
    await turn();
    expect(append).toHaveBeenCalledTimes(1);
    expect(append.mock.calls[0]![1].map((e) => e.type)).toEqual(['DecisionsSubmitted', 'DecisionsSubmitted']);
    expect(acks).toEqual(['a:true', 'b:true']);
    const last = session.log.lastSeq;
    expect(heard).toEqual([`events:${last - 1},${last}`]);
    expect(store.events(session.id).length).toBe(last);
  });

  it('undoes every command of a batch the store refuses, and tells each sender', async () => {
    const { store, session } = openSession();
    await turn();
    const before = { seq: session.log.lastSeq, pending: session.state.pending.length };
    vi.spyOn(store, 'append').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    const answers: boolean[] = [];
    submit(session, 'team-1', 'a');
    session.afterCommit((c) => answers.push(c));
    submit(session, 'team-2', 'b');
    session.afterCommit((c) => answers.push(c));
    await turn();
    expect(answers).toEqual([false, false]);
    expect(session.log.lastSeq).toBe(before.seq);
    expect(session.state.pending.length).toBe(before.pending);
    expect(store.events(session.id).length).toBe(before.seq);
    // The same command again is a new try, not a duplicate of something that never happened.
    expect(submit(session, 'team-1', 'a')).toMatchObject({ kind: 'accepted', duplicate: false });
    await turn();
    expect(store.events(session.id).length).toBe(before.seq + 1);
  });

  it('refuses commands, without throwing, while the store cannot even be read back, and takes them again once it can', async () => {
    const { store, session } = openSession();
    await turn();
    const before = session.log.lastSeq;
    vi.spyOn(store, 'append').mockImplementationOnce(() => {
      throw new Error('disk gone');
    });
    const gone = () => {
      throw new Error('disk gone');
    };
    const events = vi.spyOn(store, 'events').mockImplementationOnce(gone).mockImplementationOnce(gone);
    const answers: boolean[] = [];
    submit(session, 'team-1', 'a');
    session.afterCommit((c) => answers.push(c));
    await turn();
    expect(answers).toEqual([false]);
    // Still unreadable: the next command is refused rather than decided on events the store lost.
    expect(submit(session, 'team-2', 'b')).toEqual({ kind: 'refused', rejection: { kind: 'rejected', code: 'server.store-failed' } });
    expect(events).toHaveBeenCalledTimes(2);
    // Nor is anything shown from a log that may hold events the store lost (a hello, a sync, an export).
    const failing = vi.spyOn(store, 'events').mockImplementationOnce(() => {
      throw new Error('disk gone');
    });
    expect(session.settle()).toBe(false);
    failing.mockRestore();
    // The store reads again: the session reloads what it holds and goes on.
    expect(submit(session, 'team-2', 'b')).toMatchObject({ kind: 'accepted' });
    expect(session.log.lastSeq).toBe(before + 1);
    await turn();
    expect(store.events(session.id).length).toBe(before + 1);
  });

  it('commits before anyone reads: a view or an export never shows an event that is not stored', async () => {
    const { store, session } = openSession();
    await turn();
    submit(session, 'team-3', 'c');
    const seq = session.log.lastSeq;
    expect(store.events(session.id).length).toBe(seq - 1);
    expect(session.settle()).toBe(true);
    const view = session.viewFor({ kind: 'facilitator' }, seq - 1);
    expect(view.events.map((e) => e.seq)).toEqual([seq]);
    expect(store.events(session.id).length).toBe(seq);
  });

  it('closes the round in the same turn once every team with people has submitted', async () => {
    const { store, session } = openSession();
    await turn();
    const append = vi.spyOn(store, 'append');
    for (const team of ['team-1', 'team-2', 'team-3']) submit(session, team, `x-${team}`);
    expect(session.state.status).not.toBe('open');
    await turn();
    expect(append).toHaveBeenCalledTimes(1);
    const types = append.mock.calls[0]![1].map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['DecisionsSubmitted', 'DecisionsSubmitted', 'DecisionsSubmitted']);
    expect(types).toContain('RoundResolved');
  });
});
