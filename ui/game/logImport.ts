/**
 * Opens an exported solo log in one pass: the chain, the trailer and every round re-run and
 * checked against its RoundResolved (kinds.ts `replayingChecker`), and the session then adopts
 * the states that check computed instead of folding the log again. Runs in the engine worker
 * (engineCore.ts), or on the page when no worker can start.
 */
import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { Replay } from '../../engine/core/replay.ts';
import type { SessionEvent } from '../../engine/session/events.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { readLog, type LogProblem } from '../../engine/core/verify.ts';
import { catalogFor, replayingChecker, type AnyDecider } from '../../engine/kinds.ts';
import { sessionDecider } from '../../engine/session/decider.ts';
import type { ImportProgress } from './protocol.ts';
import { SoloSession, TEAM_ID, type SessionDecider } from './soloSession.ts';

export interface ImportHooks {
  /** Told before each round is re-run, so the page can say which one is being checked. */
  readonly onRound?: (progress: ImportProgress) => void;
  /** Builds the session decider from the header's seed; a test passes one that counts rounds. */
  readonly decider?: (seed: string) => SessionDecider;
}

export type ImportResult =
  | { readonly ok: true; readonly session: SoloSession }
  | { readonly ok: false; readonly problem: LogProblem }
  | { readonly ok: false; readonly notSolo: true };

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export async function importSoloLog(chunks: Chunks, hooks: ImportHooks = {}): Promise<ImportResult> {
  const seeded = hooks.decider ?? sessionDecider;
  // Set by the checker once the header is read (the assertion keeps TS from narrowing it to null).
  let verified = null as { decider: SessionDecider; replay: Replay<SessionState, SessionEvent> } | null;
  const read = await readLog(chunks, catalogFor, {
    // Opened to be played on: each line's bytes against its hash (see VerifyOptions.form).
    form: 'bytes',
    checkerFor: (header) => {
      let decider = null as SessionDecider | null;
      const checker = replayingChecker(header, (seed) => (decider = seeded(seed)) as unknown as AnyDecider);
      if (!checker || !decider) return null;
      verified = { decider, replay: checker.replay as unknown as Replay<SessionState, SessionEvent> };
      return (event: EventEnvelope) => {
        if (event.type === 'RoundResolved') {
          hooks.onRound?.({ round: event.round, rounds: checker.replay.state.scenario?.rounds ?? event.round });
        }
        return checker.check(event);
      };
    },
  });
  if (!read.ok) return { ok: false, problem: read.problem };
  // No checker: a demo ledger, or a live workshop's export whose seed is still hidden.
  if (!verified || !read.header.seed) return { ok: false, notSolo: true };
  // The replay that checked every round holds the states: the session takes it over as it is.
  const session = SoloSession.adopt(read.header, read.events, verified.decider, verified.replay);
  if (!session.state.teams.some((t) => t.id === TEAM_ID && !t.bot)) return { ok: false, notSolo: true };
  return { ok: true, session };
}
