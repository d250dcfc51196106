import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { SessionEvent } from '../../engine/session/events.ts';

/** What a point of the session's timeline shows; the viewer draws each kind its own way. */
export type TimelineKind = 'created' | 'joined' | 'round-opened' | 'decisions' | 'negotiation' | 'move' | 'shock' | 'round-closed' | 'round-resolved' | 'ended';

export interface TimelineEntry {
  /** The scrubber position: the state right after this event. */
  readonly seq: number;
  readonly round: number;
  readonly kind: TimelineKind;
  /** The team it concerns ('' for the session as a whole). */
  readonly team: string;
  /** Who acted: a member, the facilitator, the clock (`system`). */
  readonly actor: string;
  readonly ts: string;
  /** Figures for the entry's text (account, shock, sources, move kind …). */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface TimelineRound {
  readonly round: number;
  /** Positions where the round opened and was resolved (0 when not yet). */
  readonly openedAt: number;
  readonly resolvedAt: number;
  readonly entries: readonly TimelineEntry[];
}

function entryOf(e: EventEnvelope<SessionEvent>): TimelineEntry {
  const base = { seq: e.seq, round: e.round, ts: e.ts, actor: e.actor.kind === 'team' ? e.actor.id : e.actor.kind };
  switch (e.type) {
    case 'SessionCreated':
      return { ...base, kind: 'created', team: '', params: { teams: e.payload.teams.length, mode: e.payload.mode } };
    case 'MemberJoined':
      return { ...base, kind: 'joined', team: e.payload.team, params: { member: e.payload.member } };
    case 'RoundOpened':
      return { ...base, round: e.payload.round, kind: 'round-opened', team: '', params: { round: e.payload.round } };
    case 'DecisionsSubmitted':
      return { ...base, kind: 'decisions', team: e.payload.team, params: { member: e.payload.member ?? '' } };
    case 'NegotiationStarted':
      return { ...base, kind: 'negotiation', team: e.payload.team, params: { account: e.payload.account } };
    case 'NegotiationMoved':
      return { ...base, kind: 'move', team: e.payload.team, params: { account: e.payload.account, move: e.payload.move.kind } };
    case 'ShockInjected':
      return { ...base, kind: 'shock', team: '', params: { shock: e.payload.shock.id, kind: e.payload.shock.kind, magnitudePm: e.payload.shock.magnitudePm } };
    case 'RoundClosed':
      return {
        ...base,
        kind: 'round-closed',
        team: '',
        params: { round: e.payload.round, carried: e.payload.sources.filter((s) => s.source === 'carried').length, by: e.actor.kind === 'system' ? e.actor.id : e.actor.kind },
      };
    case 'RoundResolved':
      return { ...base, kind: 'round-resolved', team: '', params: { round: e.payload.round } };
    case 'SessionEnded':
      return { ...base, kind: 'ended', team: '', params: { round: e.payload.round } };
  }
}

/**
 * The session as a timeline: every event as an entry a person can read, grouped by round (round
 * 0 holds what happened before the first round opened). Scenario shocks that struck without a
 * facilitator are in the round results, not here: the timeline is what people did.
 */
export function sessionTimeline(events: readonly EventEnvelope<SessionEvent>[]): TimelineRound[] {
  const rounds = new Map<number, { openedAt: number; resolvedAt: number; entries: TimelineEntry[] }>();
  const at = (r: number) => {
    let x = rounds.get(r);
    if (!x) {
      x = { openedAt: 0, resolvedAt: 0, entries: [] };
      rounds.set(r, x);
    }
    return x;
  };
  for (const e of events) {
    const entry = entryOf(e);
    const r = at(entry.round);
    if (entry.kind === 'round-opened') r.openedAt = e.seq;
    if (entry.kind === 'round-resolved') r.resolvedAt = e.seq;
    r.entries.push(entry);
  }
  return [...rounds.entries()].sort(([a], [b]) => a - b).map(([round, r]) => ({ round, ...r }));
}
