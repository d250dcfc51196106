import { hashOf } from '../core/hash.ts';
import type { SessionState } from './state.ts';

/**
 * The hash `RoundResolved` records: everything the next rounds depend on (the markets and what
 * each team played). The outcomes' history is derived from the same computation and is checked
 * against the event's own copy instead, so a long session does not re-hash its whole past.
 */
export function sessionStateHash(state: SessionState): string {
  return hashOf({ round: state.round, markets: state.markets, played: state.played });
}
