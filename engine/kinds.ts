import type { Decider } from './core/decider.ts';
import type { DomainEvent, EventEnvelope } from './core/envelope.ts';
import type { EventCatalog } from './core/eventCatalog.ts';
import { hashOf } from './core/hash.ts';
import type { LogHeader } from './core/header.ts';
import { Replay } from './core/replay.ts';
import type { EventChecker } from './core/verify.ts';
import { ledger, ledgerCatalog } from './core/demo/ledger.ts';
import { sessionDecider } from './session/decider.ts';
import { sessionCatalog } from './session/events.ts';
import { sessionStateHash } from './session/stateHash.ts';
import { ENGINE_VERSION } from './core/version.ts';
import type { SessionState } from './session/state.ts';

/** Scenario ids starting with this prefix belong to the kernel's demo aggregate. */
export const DEMO_LEDGER_PREFIX = 'demo-ledger';

// The registry holds deciders of different state types, so the state is `any` here.
export type AnyDecider = Decider<any, { type: string }, DomainEvent>;

function isDemo(header: LogHeader): boolean {
  return header.scenario.id.startsWith(DEMO_LEDGER_PREFIX);
}

/** Which aggregate wrote a log, read from its header; a string says why none can replay it. */
export function deciderFor(header: LogHeader, seed = header.seed): AnyDecider | string {
  if (isDemo(header)) return ledger as unknown as AnyDecider;
  if (seed === undefined) return 'the seed is not in the header: it is revealed when the session ends';
  return sessionDecider(seed) as unknown as AnyDecider;
}

export function catalogFor(header: LogHeader): EventCatalog {
  return isDemo(header) ? ledgerCatalog : sessionCatalog;
}

/**
 * Folds a log while it is verified and checks every recomputed round against the state hash
 * its `RoundResolved` event recorded, so a log whose outcomes were edited, or that a changed
 * engine would resolve differently, is refused at the round where it diverges. The replay it
 * folds is handed back, so a reader that keeps the states does not re-run the rounds again.
 * `seeded` builds the session decider from the header's seed; a test passes one that counts.
 */
export function replayingChecker(
  header: LogHeader,
  seeded: (seed: string) => AnyDecider = (seed) => sessionDecider(seed) as unknown as AnyDecider,
): { readonly replay: Replay<SessionState, DomainEvent>; readonly check: EventChecker } | null {
  if (isDemo(header) || header.seed === undefined) return null;
  const decider = seeded(header.seed);
  const replay = new Replay(decider, header) as Replay<SessionState, DomainEvent>;
  // A release that changed the market model resolves the rounds of older logs differently: their
  // chain still checks out, but the rounds can only be re-run by the release that wrote them.
  const other = modelRelease(header.engineVersion) !== modelRelease(ENGINE_VERSION);
  const check = (event: EventEnvelope) => {
    if (other) {
      // Nothing of it is folded: even its scenario may lack fields this model reads.
      return event.type === 'RoundResolved' ? { code: 'other-engine' as const, params: { recorded: header.engineVersion, current: ENGINE_VERSION, round: event.round } } : null;
    }
    const state = replay.apply(event);
    if (event.type !== 'RoundResolved') return null;
    const payload = event.payload as { stateHash?: unknown; outcomes?: unknown };
    const actual = sessionStateHash(state);
    if (actual !== payload.stateHash) {
      return `round ${event.round} recomputes to state ${actual.slice(0, 12)}…, the log records ${String(payload.stateHash).slice(0, 12)}…`;
    }
    if (hashOf(state.history.at(-1)) !== hashOf(payload.outcomes)) return `round ${event.round}'s recorded outcome differs from the recomputed one`;
    return null;
  };
  return { replay, check };
}

/** The part of a release number that changes when the market model does (major.minor). */
export function modelRelease(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

export function replayCheckerFor(header: LogHeader): EventChecker | null {
  return replayingChecker(header)?.check ?? null;
}
