import { describe, expect, it } from 'vitest';
import { Aggregate, type HandleResult } from '../../../engine/core/aggregate.ts';
import { seal } from '../../../engine/core/chain.ts';
import type { Actor, EventEnvelope, UnsealedEvent } from '../../../engine/core/envelope.ts';
import { hashOf } from '../../../engine/core/hash.ts';
import { createHeader, type LogHeader } from '../../../engine/core/header.ts';
import { logLines } from '../../../engine/core/jsonl.ts';
import { fold } from '../../../engine/core/replay.ts';
import { verifyLog } from '../../../engine/core/verify.ts';
import { ENGINE_VERSION } from '../../../engine/core/version.ts';
import { catalogFor, replayCheckerFor } from '../../../engine/kinds.ts';
import type { Decisions } from '../../../engine/model/decisions.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import { describeRejection } from '../../../engine/i18n/describe.ts';
import type { SessionCommand, TeamSpec } from '../../../engine/session/commands.ts';
import { sessionDecider } from '../../../engine/session/decider.ts';
import type { SessionEvent } from '../../../engine/session/events.ts';
import { EMPTY_SESSION, type SessionState } from '../../../engine/session/state.ts';
import { sessionStateHash } from '../../../engine/session/stateHash.ts';
import { workshop } from '../../support/marketArbitrary.ts';

type Session = Aggregate<SessionState, SessionCommand, SessionEvent>;
type Result = HandleResult<SessionState, SessionEvent>;

const FACILITATOR: Actor = { kind: 'facilitator', id: 'facilitator' };
const teamActor = (id: string): Actor => ({ kind: 'team', id });
const SEED = 'session-test-seed';

function headerFor(seed: string): LogHeader {
  const { scenario, hash } = workshop();
  return createHeader({ engineVersion: ENGINE_VERSION, scenario: { id: scenario.id, hash }, seed, createdAt: '2026-01-01T00:00:00.000Z' });
}

/** A session with a command counter, so every command gets its own id. */
function newSession(seed = SEED): { session: Session; send: (command: SessionCommand, actor?: Actor) => Result } {
  const session: Session = Aggregate.create(sessionDecider(seed), headerFor(seed));
  let n = 0;
  const send = (command: SessionCommand, actor: Actor = FACILITATOR) => session.handle({ id: `cmd-${++n}`, actor, ts: 't', command });
  return { session, send };
}

function create(send: (c: SessionCommand, a?: Actor) => Result, teams: readonly TeamSpec[], mode: 'shared' | 'parallel' = 'shared'): Result {
  const { scenario, hash } = workshop();
  return send({ type: 'CreateSession', scenario, scenarioHash: hash, mode, teams });
}

function accepted(r: Result): Extract<Result, { kind: 'accepted' }> {
  if (r.kind !== 'accepted') throw new Error(`expected the command to be accepted, got ${JSON.stringify(r)}`);
  return r;
}

function rejection(r: Result) {
  if (r.kind !== 'rejected') throw new Error(`expected a refusal, got ${r.kind}`);
  return r.rejection;
}

/** Two teams in the shared market: alpha played by people, beta by the balanced bot. */
const TWO_TEAMS: readonly TeamSpec[] = [
  { id: 'alpha', name: 'Alpha', firm: 'team-1' },
  { id: 'beta', name: 'Beta', firm: 'team-2', bot: 'balanced' },
];

const firmIndex = (firm: string) => workshop().scenario.firms.findIndex((f) => f.id === firm);

/** Alpha's default plan for the coming round. */
function alphaDefault(state: SessionState): Decisions {
  return defaultDecisions(state.markets[0]!, workshop().scenario, firmIndex('team-1'));
}

describe('session aggregate: CreateSession', () => {
  const cases: readonly { name: string; teams: TeamSpec[]; code: string; path: string }[] = [
    {
      name: 'a team on a slot the scenario does not have',
      teams: [
        { id: 'alpha', name: 'Alpha', firm: 'team-1' },
        { id: 'beta', name: 'Beta', firm: 'team-99' },
      ],
      code: 'session.not-a-slot',
      path: 'teams[1].firm',
    },
    {
      name: 'an AI firm taken as a team slot',
      teams: [{ id: 'alpha', name: 'Alpha', firm: 'apex' }],
      code: 'session.not-a-slot',
      path: 'teams[0].firm',
    },
    {
      name: 'two teams with the same id',
      teams: [
        { id: 'alpha', name: 'Alpha', firm: 'team-1' },
        { id: 'alpha', name: 'Alpha again', firm: 'team-2' },
      ],
      code: 'decisions.duplicate',
      path: 'teams[1].id',
    },
    {
      name: 'two teams on the same slot of a shared market',
      teams: [
        { id: 'alpha', name: 'Alpha', firm: 'team-1' },
        { id: 'beta', name: 'Beta', firm: 'team-1' },
      ],
      code: 'decisions.duplicate',
      path: 'teams[1].firm',
    },
    {
      name: 'a bot that does not exist',
      teams: [
        { id: 'alpha', name: 'Alpha', firm: 'team-1' },
        { id: 'beta', name: 'Beta', firm: 'team-2', bot: 'no-such-bot' },
      ],
      code: 'session.unknown-bot',
      path: 'teams[1].bot',
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} with ${c.code} at ${c.path}, and changes nothing`, () => {
      const { session, send } = newSession();
      const r = rejection(create(send, c.teams));
      expect(r).toMatchObject({ code: c.code, path: c.path });
      expect(describeRejection(r, 'en')).not.toContain('{');
      expect(session.log.lastSeq).toBe(0);
      expect(session.state).toBe(EMPTY_SESSION);
      // Nothing sticks: a good CreateSession afterwards is accepted.
      accepted(create(send, TWO_TEAMS));
      expect(session.state.status).toBe('ready');
      expect(session.state.teams.map((t) => t.id)).toEqual(['alpha', 'beta']);
    });
  }

  it('is for the facilitator only, and only once', () => {
    const { session, send } = newSession();
    const { scenario, hash } = workshop();
    const byTeam = send({ type: 'CreateSession', scenario, scenarioHash: hash, mode: 'shared', teams: TWO_TEAMS }, teamActor('alpha'));
    expect(rejection(byTeam).code).toBe('session.facilitator-only');
    expect(session.log.lastSeq).toBe(0);
    accepted(create(send, TWO_TEAMS));
    expect(rejection(create(send, TWO_TEAMS)).code).toBe('session.exists');
    expect(session.log.lastSeq).toBe(1);
  });
});

describe('session aggregate: SubmitDecisions', () => {
  function opened() {
    const s = newSession();
    accepted(
      create(s.send, [
        { id: 'alpha', name: 'Alpha', firm: 'team-1' },
        { id: 'beta', name: 'Beta', firm: 'team-2' },
      ]),
    );
    accepted(s.send({ type: 'OpenRound' }));
    return s;
  }

  it("refuses another team's actor with session.not-your-team, and changes nothing", () => {
    const { session, send } = opened();
    const decisions = alphaDefault(session.state);
    const seq = session.log.lastSeq;
    const state = session.state;
    expect(rejection(send({ type: 'SubmitDecisions', team: 'alpha', decisions }, teamActor('beta')))).toMatchObject({
      code: 'session.not-your-team',
      params: { team: 'alpha' },
    });
    // Not even the facilitator submits for a team.
    expect(rejection(send({ type: 'SubmitDecisions', team: 'alpha', decisions }, FACILITATOR)).code).toBe('session.not-your-team');
    expect(session.log.lastSeq).toBe(seq);
    expect(session.state).toBe(state);
    // The team itself may.
    accepted(send({ type: 'SubmitDecisions', team: 'alpha', decisions }, teamActor('alpha')));
    expect(session.state.pending).toEqual([{ team: 'alpha', decisions, by: 'alpha' }]);
  });

  it('refuses an over-budget plan with decisions.over-budget', () => {
    const { session, send } = opened();
    const base = alphaDefault(session.state);
    const decisions: Decisions = {
      ...base,
      territories: base.territories.map((t, i) => (i === 0 ? { ...t, promotion: t.promotion + 300_000 } : t)),
    };
    const r = rejection(send({ type: 'SubmitDecisions', team: 'alpha', decisions }, teamActor('alpha')));
    expect(r).toMatchObject({ code: 'decisions.over-budget', path: 'budget', params: { budget: 350_000 } });
    const params = r.params as { spent: number; budget: number; over: number };
    expect(params.over).toBe(params.spent - params.budget);
    expect(params.over).toBeGreaterThan(0);
    expect(session.state.pending).toEqual([]);
  });

  it('refuses a plan with an unknown rep, naming its path', () => {
    const { session, send } = opened();
    const base = alphaDefault(session.state);
    const decisions: Decisions = { ...base, reps: base.reps.map((p, i) => (i === 3 ? { ...p, rep: 'nobody' } : p)) };
    expect(rejection(send({ type: 'SubmitDecisions', team: 'alpha', decisions }, teamActor('alpha')))).toMatchObject({
      code: 'decisions.unknown-rep',
      path: 'reps[3].rep',
      params: { value: 'nobody' },
    });
    expect(session.state.pending).toEqual([]);
  });

  it('refuses 200 hours for a rep, naming its path (in one activity, or spread over all five)', () => {
    const { session, send } = opened();
    const base = alphaDefault(session.state);
    const oneField: Decisions = { ...base, reps: base.reps.map((p, i) => (i === 2 ? { ...p, prospecting: 200 } : p)) };
    expect(rejection(send({ type: 'SubmitDecisions', team: 'alpha', decisions: oneField }, teamActor('alpha')))).toMatchObject({
      code: 'field.int-range',
      path: 'reps[2].prospecting',
      params: { min: 0, max: 96, value: 200 },
    });
    const spread: Decisions = {
      ...base,
      reps: base.reps.map((p, i) => (i === 5 ? { ...p, prospecting: 40, accounts: 40, longTail: 40, development: 40, training: 40 } : p)),
    };
    expect(rejection(send({ type: 'SubmitDecisions', team: 'alpha', decisions: spread }, teamActor('alpha')))).toMatchObject({
      code: 'decisions.rep-hours',
      path: 'reps[5]',
      params: { hours: 200, max: 96 },
    });
    expect(session.state.pending).toEqual([]);
  });

  it('refuses a submission for a bot team and when no round is open', () => {
    const s = newSession();
    accepted(create(s.send, TWO_TEAMS));
    const decisions = alphaDefault(s.session.state);
    expect(rejection(s.send({ type: 'SubmitDecisions', team: 'alpha', decisions }, teamActor('alpha'))).code).toBe('session.no-round-open');
    accepted(s.send({ type: 'OpenRound' }));
    const beta = defaultDecisions(s.session.state.markets[0]!, workshop().scenario, firmIndex('team-2'));
    expect(rejection(s.send({ type: 'SubmitDecisions', team: 'beta', decisions: beta }, teamActor('beta'))).code).toBe('session.bot-team');
  });
});

describe('session aggregate: rounds', () => {
  it('a team that does not submit plays its last decisions again (carried), and its first round the default', () => {
    const { session, send } = newSession();
    accepted(
      create(send, [
        ...TWO_TEAMS,
        { id: 'gamma', name: 'Gamma', firm: 'team-3' },
      ]),
    );
    const { scenario } = workshop();

    // Round 1: alpha submits its own plan, gamma nothing.
    accepted(send({ type: 'OpenRound' }));
    const base = alphaDefault(session.state);
    const mine: Decisions = { ...base, pricePm: [1100, 1040, 930], maxDiscountBp: 250, meetingHours: 9 };
    accepted(send({ type: 'SubmitDecisions', team: 'alpha', decisions: mine }, teamActor('alpha')));
    const gammaDefault = defaultDecisions(session.state.markets[0]!, scenario, firmIndex('team-3'));
    const close1 = accepted(send({ type: 'CloseRound' }));
    expect(close1.events[0]).toMatchObject({
      type: 'RoundClosed',
      payload: {
        round: 1,
        sources: [
          { team: 'alpha', source: 'submitted' },
          { team: 'beta', source: 'bot' },
          { team: 'gamma', source: 'default' },
        ],
      },
    });
    expect(session.state.played.find((p) => p.team === 'gamma')!.decisions).toEqual(gammaDefault);

    // Round 2: nobody submits.
    const marketAfter1 = session.state.markets[0]!;
    accepted(send({ type: 'OpenRound' }));
    const close2 = accepted(send({ type: 'CloseRound' }));
    expect(close2.events[0]).toMatchObject({
      type: 'RoundClosed',
      payload: {
        round: 2,
        sources: [
          { team: 'alpha', source: 'carried' },
          { team: 'beta', source: 'bot' },
          { team: 'gamma', source: 'carried' },
        ],
      },
    });
    const played = session.state.played;
    expect(played.find((p) => p.team === 'alpha')!.decisions).toEqual(mine);
    expect(played.find((p) => p.team === 'gamma')!.decisions).toEqual(gammaDefault);
    const outcome2 = session.state.history[1]![0]!;
    expect(outcome2.firms[firmIndex('team-1')]!.pricePm).toEqual([1100, 1040, 930]);

    // And the round is exactly what resolveRound gives for those decisions.
    const decisions = scenario.firms.map((f) => {
      const team = session.state.teams.find((t) => t.firm === f.id);
      return team ? played.find((p) => p.team === team.id)!.decisions : null;
    });
    const again = resolveRound(marketAfter1, { scenario, seed: SEED, round: 2, decisions, injected: [] });
    expect(again.outcome).toEqual(outcome2);
    expect(hashOf(again.market)).toBe(hashOf(session.state.markets[0]));
  });

  it('CloseRound emits RoundClosed then RoundResolved, whose stateHash is the hash of the state it leads to', () => {
    const { session, send } = newSession();
    accepted(create(send, TWO_TEAMS));
    for (let round = 1; round <= 2; round++) {
      accepted(send({ type: 'OpenRound' }));
      const seqBefore = session.log.lastSeq;
      const r = accepted(send({ type: 'CloseRound' }));
      expect(r.events.map((e) => e.type)).toEqual(['RoundClosed', 'RoundResolved']);
      expect(r.events.map((e) => e.seq)).toEqual([seqBefore + 1, seqBefore + 2]);
      const resolved = r.events[1]! as Extract<EventEnvelope<SessionEvent>, { type: 'RoundResolved' }>;
      expect(resolved.payload.round).toBe(round);
      expect(resolved.round).toBe(round);
      // The engine hashes what later rounds depend on (stateHash.ts): round, markets, played.
      expect(resolved.payload.stateHash).toBe(sessionStateHash(session.state));
      expect(resolved.payload.stateHash).toBe(hashOf({ round: session.state.round, markets: session.state.markets, played: session.state.played }));
      expect(resolved.payload.outcomes).toEqual(session.state.history.at(-1));
      expect(session.state).toMatchObject({ status: 'ready', round, pending: [], injected: [] });
    }
  });

  it('replaying the log from scratch gives the same state and state hash', () => {
    const { session, send } = newSession();
    accepted(create(send, TWO_TEAMS));
    for (let round = 1; round <= 3; round++) {
      accepted(send({ type: 'OpenRound' }));
      if (round !== 2) {
        const base = alphaDefault(session.state);
        accepted(send({ type: 'SubmitDecisions', team: 'alpha', decisions: { ...base, pricePm: [950 + round * 10, 1000, 980] } }, teamActor('alpha')));
      }
      accepted(send({ type: 'CloseRound' }));
    }
    accepted(send({ type: 'EndSession' }));
    const replayed = fold(sessionDecider(SEED), session.header, session.log.events);
    expect(hashOf(replayed)).toBe(hashOf(session.state));
    expect(sessionStateHash(replayed)).toBe(sessionStateHash(session.state));
    expect(replayed).toEqual(session.state);
    const reopened = Aggregate.restore(sessionDecider(SEED), session.header, session.log.events);
    expect(hashOf(reopened.state)).toBe(hashOf(session.state));
    // Every round boundary replays to the hash its RoundResolved recorded.
    for (const e of session.log.events) {
      if (e.type !== 'RoundResolved') continue;
      const at = fold(sessionDecider(SEED), session.header, session.log.events.slice(0, e.seq));
      expect(sessionStateHash(at)).toBe(e.payload.stateHash);
    }
  });

  it('EndSession reveals the seed; afterwards every command is refused with session.ended', () => {
    const { session, send } = newSession();
    accepted(create(send, TWO_TEAMS));
    accepted(send({ type: 'OpenRound' }));
    expect(rejection(send({ type: 'EndSession' })).code).toBe('session.round-open');
    accepted(send({ type: 'CloseRound' }));
    expect(session.state.revealedSeed).toBe('');
    const end = accepted(send({ type: 'EndSession' }));
    expect(end.events).toHaveLength(1);
    expect(end.events[0]).toMatchObject({ type: 'SessionEnded', payload: { round: 1, seed: SEED } });
    expect(session.state.status).toBe('ended');
    expect(session.state.revealedSeed).toBe(SEED);
    const seq = session.log.lastSeq;
    expect(rejection(send({ type: 'OpenRound' })).code).toBe('session.ended');
    expect(rejection(send({ type: 'EndSession' })).code).toBe('session.ended');
    expect(rejection(send({ type: 'JoinTeam', team: 'alpha', member: 'Li' })).code).toBe('session.ended');
    expect(session.log.lastSeq).toBe(seq);
  });

  it('parallel mode: one market per team, identical at the start, with each team on the first slot', () => {
    const { session, send } = newSession();
    accepted(
      create(
        send,
        [
          { id: 'alpha', name: 'Alpha', firm: 'team-1', bot: 'balanced' },
          { id: 'beta', name: 'Beta', firm: 'team-1', bot: 'balanced' },
          { id: 'gamma', name: 'Gamma', firm: 'team-1', bot: 'balanced' },
        ],
        'parallel',
      ),
    );
    const { markets } = session.state;
    expect(markets).toHaveLength(3);
    const [first, ...rest] = markets;
    for (const m of rest) {
      expect(m).toEqual(first);
      expect(hashOf(m)).toBe(hashOf(first));
    }
    // Only the first team slot is in play in each copy.
    expect(first!.firms.filter((f) => f.kind === 'team' && f.active).map((f) => f.id)).toEqual(['team-1']);
    // The same bot in identical markets plays identically.
    accepted(send({ type: 'OpenRound' }));
    accepted(send({ type: 'CloseRound' }));
    expect(session.state.markets).toHaveLength(3);
    expect(new Set(session.state.markets.map((m) => hashOf(m))).size).toBe(1);
    expect(session.state.history[0]).toHaveLength(3);
  });
});

describe('session aggregate: InjectShock', () => {
  const title = { 'zh-CN': '衰退', 'zh-TW': '衰退', en: 'Downturn' };

  it('accepts a downturn within 0..1000‰ for the open round', () => {
    const { session, send } = newSession();
    accepted(create(send, TWO_TEAMS));
    accepted(send({ type: 'OpenRound' }));
    const shock = { id: 'slump', kind: 'downturn', round: 1, duration: 2, territory: '', magnitudePm: 150, signalled: true, title } as const;
    accepted(send({ type: 'InjectShock', shock }));
    expect(session.state.injected).toEqual([shock]);
    expect(rejection(send({ type: 'InjectShock', shock }, teamActor('alpha'))).code).toBe('session.facilitator-only');
  });

  it('refuses a downturn above 1000‰ with field.int-range at shock.magnitudePm', () => {
    const { session, send } = newSession();
    accepted(create(send, TWO_TEAMS));
    accepted(send({ type: 'OpenRound' }));
    const shock = { id: 'crash', kind: 'downturn', round: 1, duration: 1, territory: '', magnitudePm: 2000, signalled: false, title } as const;
    const seq = session.log.lastSeq;
    expect(rejection(send({ type: 'InjectShock', shock }))).toMatchObject({ code: 'field.int-range', path: 'shock.magnitudePm' });
    expect(session.log.lastSeq).toBe(seq);
  });
});

describe('session log verification with the engine check (kinds.ts replayCheckerFor)', () => {
  /** The log file of a short session, as exported. */
  function played(): { header: LogHeader; events: readonly EventEnvelope<SessionEvent>[] } {
    const { session, send } = newSession();
    accepted(create(send, TWO_TEAMS));
    for (let round = 1; round <= 2; round++) {
      accepted(send({ type: 'OpenRound' }));
      accepted(send({ type: 'CloseRound' }));
    }
    return { header: session.header, events: session.log.events };
  }

  const fileOf = (header: LogHeader, events: readonly EventEnvelope[]) => [...logLines(header, events)].map((l) => `${l}\n`).join('');

  /** Re-seals the chain from `from` (0-based) on, so every hash and link is right again. */
  function reseal(events: readonly EventEnvelope<SessionEvent>[], from: number): EventEnvelope<SessionEvent>[] {
    const out = events.slice(0, from);
    let prev = from === 0 ? '' : out[from - 1]!.hash;
    for (let i = from; i < events.length; i++) {
      const { hash: _h, prevHash: _p, seq, ...body } = events[i]!;
      const sealed = seal(body as UnsealedEvent<SessionEvent>, seq, prev);
      out.push(sealed);
      prev = sealed.hash;
    }
    return out;
  }

  it('an untouched log verifies with the engine check', async () => {
    const { header, events } = played();
    const result = await verifyLog([fileOf(header, events)], catalogFor, { checkerFor: replayCheckerFor });
    expect(result).toMatchObject({ ok: true, count: events.length });
  });

  it('refuses a log whose RoundResolved stateHash was altered and the chain resealed', async () => {
    const { header, events } = played();
    const k = events.findIndex((e) => e.type === 'RoundResolved');
    expect(k).toBeGreaterThan(0);
    const target = events[k]! as Extract<EventEnvelope<SessionEvent>, { type: 'RoundResolved' }>;
    const altered = { ...target, payload: { ...target.payload, stateHash: hashOf('not the state') } };
    const tampered = reseal([...events.slice(0, k), altered, ...events.slice(k + 1)], k);
    // The chain itself is intact: only the engine can tell.
    const chainOnly = await verifyLog([fileOf(header, tampered)], catalogFor);
    expect(chainOnly.ok).toBe(true);
    const result = await verifyLog([fileOf(header, tampered)], catalogFor, { checkerFor: replayCheckerFor });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('rejected-by-engine');
    expect(result.problem.seq).toBe(target.seq);
  });

  it('refuses a log whose recorded outcomes were edited, even with the right stateHash', async () => {
    const { header, events } = played();
    const k = events.findLastIndex((e) => e.type === 'RoundResolved');
    const target = events[k]! as Extract<EventEnvelope<SessionEvent>, { type: 'RoundResolved' }>;
    const outcomes = structuredClone(target.payload.outcomes) as unknown as { firms: { pnl: { profit: number } }[] }[];
    outcomes[0]!.firms[0]!.pnl.profit += 1_000_000;
    const altered = { ...target, payload: { ...target.payload, outcomes } } as unknown as EventEnvelope<SessionEvent>;
    const tampered = reseal([...events.slice(0, k), altered, ...events.slice(k + 1)], k);
    expect((await verifyLog([fileOf(header, tampered)], catalogFor)).ok).toBe(true);
    const result = await verifyLog([fileOf(header, tampered)], catalogFor, { checkerFor: replayCheckerFor });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ code: 'rejected-by-engine', seq: target.seq });
  });
});
