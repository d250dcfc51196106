/**
 * A solo sandbox session: one trainee team against the scenario's AI rivals, in the shared
 * market (the other team slots stay empty). The trainee is both the team and the facilitator,
 * so this class sends every command of a session through the same decider a workshop uses; its
 * log verifies with `npm run replay -- verify` like any other.
 */
import { Aggregate } from '../../engine/core/aggregate.ts';
import { reject, type Rejection } from '../../engine/core/decider.ts';
import type { Actor, DomainEvent, EventEnvelope } from '../../engine/core/envelope.ts';
import { hashOf } from '../../engine/core/hash.ts';
import { createHeader, headerHash, type LogHeader } from '../../engine/core/header.ts';
import { ENGINE_VERSION } from '../../engine/core/version.ts';
import type { Scenario } from '../../engine/model/scenario.ts';
import type { SessionCommand } from '../../engine/session/commands.ts';
import { sessionDecider } from '../../engine/session/decider.ts';
import type { SessionEvent } from '../../engine/session/events.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { atDifficulty, type Difficulty } from './difficulty.ts';
import type { Decider } from '../../engine/core/decider.ts';
import type { Replay } from '../../engine/core/replay.ts';

export type SessionDecider = Decider<SessionState, SessionCommand, SessionEvent>;

export const TEAM_ID = 'team-1';
const FACILITATOR: Actor = { kind: 'facilitator', id: 'trainee' };
const TEAM: Actor = { kind: 'team', id: TEAM_ID };

export interface NewSoloSession {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly difficulty: Difficulty;
  readonly teamName: string;
  /** Wall-clock time for the log's stamps; the engine never reads it. */
  readonly now: string;
}

export type SendResult =
  | { readonly ok: true; readonly events: readonly EventEnvelope<SessionEvent>[] }
  | { readonly ok: false; readonly rejection: Rejection };

export interface LogHead {
  readonly seq: number;
  readonly hash: string;
}

type SessionAggregate = Aggregate<SessionState, SessionCommand, SessionEvent>;

export class SoloSession {
  private constructor(private readonly aggregate: SessionAggregate) {}

  static create(o: NewSoloSession): SoloSession {
    const scenario = atDifficulty(o.scenario, o.difficulty);
    const scenarioHash = hashOf(scenario);
    const header = createHeader({ engineVersion: ENGINE_VERSION, scenario: { id: scenario.id, hash: scenarioHash }, seed: o.seed, createdAt: o.now });
    const session = new SoloSession(Aggregate.create(sessionDecider(o.seed), header));
    const slot = scenario.firms.find((f) => f.kind === 'team')!.id;
    const created = session.send({ type: 'CreateSession', scenario, scenarioHash, mode: 'shared', teams: [{ id: TEAM_ID, name: o.teamName, firm: slot }] }, o.now);
    if (!created.ok) throw new Error(`the scenario cannot start a session: ${created.rejection.code}`);
    return session;
  }

  /**
   * Reopens a saved session from its header and events (already verified by the caller).
   * `decider` builds the session decider from the seed (a test passes one that counts rounds).
   */
  static restore(header: LogHeader, events: readonly EventEnvelope<DomainEvent>[], decider: (seed: string) => SessionDecider = sessionDecider): SoloSession {
    if (!header.seed) throw new Error('a solo session log carries its seed in the header');
    return new SoloSession(Aggregate.restore(decider(header.seed), header, events));
  }

  /** Reopens a session from the replay that verified its log, without folding the log again. */
  static adopt(header: LogHeader, events: readonly EventEnvelope<DomainEvent>[], decider: SessionDecider, replay: Replay<SessionState, SessionEvent>): SoloSession {
    return new SoloSession(Aggregate.adopt(decider, header, events, replay));
  }

  get state(): SessionState {
    return this.aggregate.state;
  }

  get header(): LogHeader {
    return this.aggregate.header;
  }

  get events(): readonly EventEnvelope<SessionEvent>[] {
    return this.aggregate.log.events;
  }

  /** The last event's seq and hash: what `replay verify` prints as the log's head. */
  get head(): LogHead {
    const last = this.aggregate.log.events.at(-1);
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: headerHash(this.aggregate.header) };
  }

  /** Sends one command as the trainee: team commands as the team, the rest as facilitator. */
  send(command: SessionCommand, now: string): SendResult {
    const actor = 'team' in command ? TEAM : FACILITATOR;
    const id = `c${this.aggregate.log.lastSeq + 1}-${command.type}`;
    const result = this.aggregate.handle({ id, actor, ts: now, command, expectedSeq: this.aggregate.log.lastSeq });
    if (result.kind === 'accepted') return { ok: true, events: result.events };
    if (result.kind === 'rejected') return { ok: false, rejection: result.rejection };
    return { ok: false, rejection: reject('session.stale', { expected: result.expectedSeq, actual: result.actualSeq }) };
  }
}
