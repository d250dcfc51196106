/**
 * A session log opened for the replay viewer: verified, every round re-run once against the
 * state hashes it recorded, and the Replay that did it kept for the whole visit, so the scrubber
 * seeks from round snapshots instead of re-running the session.
 */
import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import type { Replay } from '../../engine/core/replay.ts';
import type { LogProblem } from '../../engine/core/verify.ts';
import type { SessionEvent } from '../../engine/session/events.ts';
import type { SessionNegotiation, SessionState } from '../../engine/session/state.ts';
import { foldSessionLog, openSessionLog, type DebriefSession, type OpenedSessionLog } from '../report/sessionLog.ts';
import { sessionTimeline, type TimelineRound } from './timeline.ts';

export interface ReplaySession {
  readonly header: LogHeader;
  readonly events: readonly EventEnvelope<SessionEvent>[];
  readonly replay: Replay<SessionState, SessionEvent>;
  /** What the debrief report is made from (the state after each round, the last state). */
  readonly debrief: DebriefSession;
  readonly timeline: readonly TimelineRound[];
  /** Seeks the state right after event `seq` (0 = before any). */
  seek(seq: number): SessionState;
}

export type ReplayOpenResult =
  | { readonly ok: true; readonly session: ReplaySession }
  | { readonly ok: false; readonly code: 'bad-log'; readonly problem: LogProblem }
  | { readonly ok: false; readonly code: 'no-seed' | 'not-a-session' | 'no-rounds' };

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Reads and verifies a log (a file's chunks, a string); the replay that re-ran its rounds is kept for seeking. */
export async function openReplay(chunks: Chunks): Promise<ReplayOpenResult> {
  return toReplaySession(await openSessionLog(chunks));
}

/** Folds verified events (a what-if branch) into a replay session. */
export function replayFromEvents(header: LogHeader, events: readonly EventEnvelope[], head: string): ReplayOpenResult {
  return toReplaySession(foldSessionLog(header, events, head));
}

function toReplaySession(opened: OpenedSessionLog): ReplayOpenResult {
  if (!opened.ok) return opened;
  const { replay, session: debrief } = opened;
  const upcast = Array.from({ length: replay.lastSeq }, (_, i) => replay.eventAt(i + 1)!);
  return {
    ok: true,
    session: { header: debrief.header, events: upcast, replay, debrief, timeline: sessionTimeline(upcast), seek: (seq) => replay.seek(seq) },
  };
}

/** The last round resolved at a scrubber position (0: none yet). */
export function resolvedBy(timeline: readonly TimelineRound[], seq: number): number {
  let round = 0;
  for (const r of timeline) if (r.resolvedAt > 0 && r.resolvedAt <= seq) round = Math.max(round, r.round);
  return round;
}

/** The round whose events hold a scrubber position (0 before the first round opened). */
export function roundAt(timeline: readonly TimelineRound[], seq: number): number {
  let round = 0;
  // Entries are in log order, so a round has begun by seq when its first entry has.
  for (const r of timeline) if (r.entries.length > 0 && r.entries[0]!.seq <= seq) round = Math.max(round, r.round);
  return round;
}

/** Every negotiation of the session, as it stood when its round closed. */
export function sessionNegotiations(session: ReplaySession): SessionNegotiation[] {
  const found: SessionNegotiation[] = [];
  for (const e of session.events) {
    if (e.type !== 'RoundClosed') continue;
    for (const n of session.seek(e.seq).negotiations) if (n.round === e.payload.round && n.negotiation.context.history.length > 0) found.push(n);
  }
  return found;
}
