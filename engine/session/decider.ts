import type { Decider } from '../core/decider.ts';
import type { SessionCommand } from './commands.ts';
import { decideSession } from './decide.ts';
import { sessionCatalog, type SessionEvent } from './events.ts';
import { evolveSession } from './evolve.ts';
import { EMPTY_SESSION, type SessionState } from './state.ts';

/**
 * The session aggregate. The seed is given, not read from the state, so that a host can keep it
 * secret until the session ends (the header then carries only its commitment).
 */
export function sessionDecider(seed: string): Decider<SessionState, SessionCommand, SessionEvent> {
  return {
    catalog: sessionCatalog,
    initialState: () => EMPTY_SESSION,
    decide: (state, command, ctx) => decideSession(seed, state, command, ctx),
    evolve: (state, event) => evolveSession(seed, state, event),
    roundOf: (state) => state.round,
    isSnapshotPoint: (event) => event.type === 'RoundResolved',
  };
}
