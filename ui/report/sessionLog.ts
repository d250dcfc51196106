import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import { Replay } from '../../engine/core/replay.ts';
import { readLog, type LogProblem } from '../../engine/core/verify.ts';
import { catalogFor, DEMO_LEDGER_PREFIX, deciderFor, replayCheckerFor } from '../../engine/kinds.ts';
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

/**
 * Reads a session log from its chunks (a file, a fetch body, a string): checks the chain,
 * re-runs every round against the state hashes it recorded, then folds it once more keeping a
 * snapshot at each round. No Node built-ins, so the browser's replay viewer can call it too.
 */
export async function readDebriefSession(chunks: Chunks): Promise<DebriefSessionResult> {
  const read = await readLog(chunks, catalogFor, { checkerFor: replayCheckerFor });
  if (!read.ok) return { ok: false, code: 'bad-log', problem: read.problem };
  if (read.header.scenario.id.startsWith(DEMO_LEDGER_PREFIX)) return { ok: false, code: 'not-a-session' };
  if (read.header.seed === undefined) return { ok: false, code: 'no-seed' };
  return sessionFromEvents(read.header, read.events, read.head, read.count);
}

/** Folds verified events into the debrief's states (the header must carry the seed). */
export function sessionFromEvents(header: LogHeader, events: readonly EventEnvelope[], head: string, count = events.length): DebriefSessionResult {
  const decider = deciderFor(header);
  if (typeof decider === 'string') return { ok: false, code: 'no-seed' };
  const replay = new Replay(decider, header);
  const rounds: SessionState[] = [];
  for (const event of events) {
    const state = replay.apply(event) as SessionState;
    if (event.type === 'RoundResolved') rounds.push(state);
  }
  const state = replay.state as SessionState;
  if (!state.scenario || state.teams.length === 0) return { ok: false, code: 'not-a-session' };
  if (rounds.length === 0 || state.history.length === 0) return { ok: false, code: 'no-rounds' };
  return { ok: true, session: { header, head, count, state, rounds } };
}
