import type { DomainEvent, EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import { Replay } from '../../engine/core/replay.ts';
import { readLog, type LogProblem } from '../../engine/core/verify.ts';
import { catalogFor, DEMO_LEDGER_PREFIX, deciderFor, replayingChecker } from '../../engine/kinds.ts';
import type { SessionEvent } from '../../engine/session/events.ts';
import type { SessionState } from '../../engine/session/state.ts';

/** A session log read for a debrief: verified, every round re-run, the state kept after each round. */
export interface DebriefSession {
  readonly header: LogHeader;
  /** Hash of the last event: names the log the report was made from. */
  readonly head: string;
  readonly count: number;
  /** The state after the last event. */
  readonly state: SessionState;
  /** The state right after each round was resolved (index 0 = round 1). */
  readonly rounds: readonly SessionState[];
}

/**
 * Why no report can be made: the log is damaged (`problem` names the first bad line), it hides
 * its seed (a live session's export, whose rounds cannot be re-run), it is not a session log,
 * or no round has been resolved yet.
 */
export type DebriefSessionResult =
  | { readonly ok: true; readonly session: DebriefSession }
  | { readonly ok: false; readonly code: 'bad-log'; readonly problem: LogProblem }
  | { readonly ok: false; readonly code: 'no-seed' | 'not-a-session' | 'no-rounds' };

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** A session log opened: its debrief states and the replay they came from (for seeking). */
export type OpenedSessionLog =
  | { readonly ok: true; readonly session: DebriefSession; readonly replay: Replay<SessionState, SessionEvent> }
  | Exclude<DebriefSessionResult, { ok: true }>;

/**
 * Reads a session log from its chunks (a file, a fetch body, a string): checks the chain and
 * re-runs every round against the state hashes it recorded, keeping the replay that did so.
 * No Node built-ins, so the browser's replay viewer and the CLI share it.
 */
export async function openSessionLog(chunks: Chunks): Promise<OpenedSessionLog> {
  let replay: Replay<SessionState, DomainEvent> | null = null;
  const read = await readLog(chunks, catalogFor, {
    // Opened to be used: each line's bytes against its hash (see VerifyOptions.form).
    form: 'bytes',
    checkerFor: (header) => {
      const checker = replayingChecker(header);
      replay = checker?.replay ?? null;
      return checker?.check ?? null;
    },
  });
  if (!read.ok) return { ok: false, code: 'bad-log', problem: read.problem };
  if (read.header.scenario.id.startsWith(DEMO_LEDGER_PREFIX)) return { ok: false, code: 'not-a-session' };
  if (read.header.seed === undefined || replay === null) return { ok: false, code: 'no-seed' };
  return fromReplay(read.header, replay, read.head, read.count);
}

export async function readDebriefSession(chunks: Chunks): Promise<DebriefSessionResult> {
  const opened = await openSessionLog(chunks);
  return opened.ok ? { ok: true, session: opened.session } : opened;
}

/** Folds events already verified (a what-if branch, a session made in a test); the header must carry the seed. */
export function foldSessionLog(header: LogHeader, events: readonly EventEnvelope[], head: string): OpenedSessionLog {
  const decider = deciderFor(header);
  if (typeof decider === 'string') return { ok: false, code: 'no-seed' };
  const replay = new Replay(decider, header) as Replay<SessionState, DomainEvent>;
  for (const event of events) replay.apply(event);
  return fromReplay(header, replay, head, events.length);
}

export function sessionFromEvents(header: LogHeader, events: readonly EventEnvelope[], head: string): DebriefSessionResult {
  const opened = foldSessionLog(header, events, head);
  return opened.ok ? { ok: true, session: opened.session } : opened;
}

/** The debrief's states from a folded replay: its snapshots are the states right after each round. */
function fromReplay(header: LogHeader, replay: Replay<SessionState, DomainEvent>, head: string, count: number): OpenedSessionLog {
  const state = replay.state;
  if (!state.scenario || state.teams.length === 0) return { ok: false, code: 'not-a-session' };
  const rounds = replay.snapshotSeqs.slice(1).map((seq) => replay.seek(seq));
  if (rounds.length === 0 || state.history.length === 0) return { ok: false, code: 'no-rounds' };
  return { ok: true, session: { header, head, count, state, rounds }, replay: replay as unknown as Replay<SessionState, SessionEvent> };
}
