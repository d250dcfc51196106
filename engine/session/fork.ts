import { Aggregate } from '../core/aggregate.ts';
import type { EventEnvelope } from '../core/envelope.ts';
import { upcast } from '../core/eventCatalog.ts';
import { createHeader, type LogHeader } from '../core/header.ts';
import type { Decisions } from '../model/decisions.ts';
import type { SessionCommand } from './commands.ts';
import { sessionDecider } from './decider.ts';
import { sessionCatalog, type SessionEvent } from './events.ts';
import { changedMove, isLaterMove, type MoveChange } from './forkMove.ts';
import type { SessionState } from './state.ts';

export interface ForkOptions {
  /** The round whose decisions (or one negotiation move) change; everything before it is replayed as logged. */
  readonly atRound: number;
  readonly team: string;
  /** The team's new decisions for `atRound`; without them the fork must reproduce the original. */
  readonly decisions?: Decisions;
  /**
   * One of the team's logged negotiation moves in `atRound` replaced by another (see forkMove.ts
   * for what happens to the moves after it); may go with `decisions` or alone.
   */
  readonly move?: MoveChange;
  /** Wall-clock time written in the branch's header. */
  readonly createdAt: string;
}

/** A logged command the branch could not take any more (the market had moved on), and what happened instead. */
export interface ForkNote {
  readonly seq: number;
  readonly round: number;
  readonly type: string;
  readonly team: string;
  readonly code: string;
  /** The figures of the engine's reason (a move that no longer fits names the moves that would). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ForkResult =
  | {
      readonly ok: true;
      readonly branch: Aggregate<SessionState, SessionCommand, SessionEvent>;
      /** Rounds whose resolution came out exactly as in the original (same state hash). */
      readonly sameRounds: readonly number[];
      readonly notes: readonly ForkNote[];
    }
  | { readonly ok: false; readonly code: string; readonly params?: Readonly<Record<string, string | number>> };

/** The command that produced a logged event; RoundResolved comes with its RoundClosed. */
function commandOf(e: EventEnvelope<SessionEvent>): SessionCommand | null {
  switch (e.type) {
    case 'SessionCreated':
      return { type: 'CreateSession', ...e.payload };
    case 'MemberJoined':
      return { type: 'JoinTeam', team: e.payload.team, member: e.payload.member };
    case 'RoundOpened':
      return { type: 'OpenRound' };
    case 'DecisionsSubmitted':
      return { type: 'SubmitDecisions', team: e.payload.team, decisions: e.payload.decisions, ...(e.payload.member !== undefined ? { member: e.payload.member } : {}) };
    case 'NegotiationStarted':
      return { type: 'StartNegotiation', team: e.payload.team, account: e.payload.account };
    case 'NegotiationMoved':
      return { type: 'NegotiationMove', team: e.payload.team, account: e.payload.account, move: e.payload.move };
    case 'ShockInjected':
      return { type: 'InjectShock', shock: e.payload.shock };
    case 'RoundClosed':
      return { type: 'CloseRound' };
    case 'RoundResolved':
      return null;
    case 'SessionEnded':
      return { type: 'EndSession' };
  }
}

/**
 * A what-if branch: the original's commands re-run with the same seed, the other teams' logged
 * decisions and negotiations and the same shocks, with one team's decisions changed in one
 * round, or one of its logged negotiation moves in that round replaced by another. The branch is
 * a log of its own whose header names the parent's head and the fork round.
 * A logged command the branch refuses (a plan for reps who have since left, a negotiation that
 * no longer fits) is noted and skipped: the team then plays last round's decisions, as it would
 * in a workshop.
 */
export function forkSession(header: LogHeader, stored: readonly EventEnvelope[], o: ForkOptions): ForkResult {
  const seed = header.seed;
  // Logs from older releases hold older payloads: the branch re-runs today's shapes.
  const events = stored.map((e) => upcast<SessionEvent>(sessionCatalog, e));
  if (seed === undefined) return { ok: false, code: 'fork.no-seed' };
  const created = events[0];
  if (!created || created.type !== 'SessionCreated') return { ok: false, code: 'fork.not-a-session' };
  const teams = created.payload.teams;
  const team = teams.find((t) => t.id === o.team);
  if (!team) return { ok: false, code: 'session.unknown-team', params: { value: o.team } };
  if (team.bot) return { ok: false, code: 'session.bot-team', params: { team: o.team } };
  const resolvedRounds = events.filter((e) => e.type === 'RoundResolved').length;
  if (!Number.isSafeInteger(o.atRound) || o.atRound < 1 || o.atRound > resolvedRounds) {
    return { ok: false, code: 'fork.round', params: { round: String(o.atRound), rounds: resolvedRounds } };
  }
  const change = o.move === undefined ? undefined : changedMove(events, o.team, o.atRound, o.move);
  if (change && !change.ok) return change;
  const last = events[events.length - 1]!;
  const branchHeader = createHeader({
    engineVersion: header.engineVersion,
    scenario: header.scenario,
    seed,
    createdAt: o.createdAt,
    parent: { headHash: last.hash, headSeq: last.seq, forkRound: o.atRound },
  });
  const branch = Aggregate.create(sessionDecider(seed), branchHeader);
  const notes: ForkNote[] = [];
  const sameRounds: number[] = [];
  let replaced = false;
  for (const e of events) {
    let command = commandOf(e);
    if (e.type === 'RoundResolved') {
      const mine = branch.log.events.at(-1);
      if (mine?.type === 'RoundResolved' && (mine.payload as { stateHash: string }).stateHash === e.payload.stateHash) sameRounds.push(e.round);
      continue;
    }
    if (!command) continue;
    // A bot team's talks are played by the engine when the round closes, in the branch as in the original.
    if (command.type === 'StartNegotiation' || command.type === 'NegotiationMove') {
      const by = command.team;
      if (teams.some((t) => t.id === by && t.bot)) continue;
    }
    if (change && isLaterMove(e, o.team, change) && change.later === 'drop') {
      notes.push({ seq: e.seq, round: e.round, type: e.type, team: o.team, code: 'fork.move-dropped' });
      continue;
    }
    // The changed move: the branch's own conversation decides whether it fits (a refusal ends the fork).
    const movedHere = change !== undefined && e.seq === change.seq;
    if (movedHere && command.type === 'NegotiationMove') command = { ...command, move: change.move };
    const round = branch.state.round;
    const changing = o.decisions !== undefined && round === o.atRound && branch.state.status === 'open';
    if (changing && command.type === 'SubmitDecisions' && command.team === o.team) {
      command = { ...command, decisions: o.decisions! };
      replaced = true;
    }
    // The team had not submitted in that round: its new plan goes in just before the round closes.
    if (changing && command.type === 'CloseRound' && !replaced) {
      const r = branch.handle({ id: `fork:${o.team}:${o.atRound}`, actor: { kind: 'team', id: o.team }, ts: e.ts, command: { type: 'SubmitDecisions', team: o.team, decisions: o.decisions! } });
      if (r.kind !== 'accepted') return { ok: false, code: r.kind === 'rejected' ? r.rejection.code : 'fork.conflict', ...(r.kind === 'rejected' && r.rejection.params ? { params: r.rejection.params } : {}) };
      replaced = true;
    }
    const r = branch.handle({ id: e.cmd, actor: e.actor, ts: e.ts, command });
    if (r.kind === 'accepted') continue;
    if (r.kind === 'rejected' && (movedHere || (changing && command.type === 'SubmitDecisions' && command.team === o.team))) {
      return { ok: false, code: r.rejection.code, ...(r.rejection.params ? { params: r.rejection.params } : {}) };
    }
    const params = r.kind === 'rejected' ? r.rejection.params : undefined;
    notes.push({ seq: e.seq, round: e.round, type: e.type, team: 'team' in command ? String(command.team) : '', code: r.kind === 'rejected' ? r.rejection.code : 'fork.conflict', ...(params ? { params } : {}) });
  }
  return { ok: true, branch, sameRounds, notes };
}
