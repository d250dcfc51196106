import type { Decisions } from '../model/decisions.ts';
import type { RoundOutcome } from '../model/outcome.ts';
import type { Scenario, ShockSpec } from '../model/scenario.ts';
import type { MarketState } from '../model/state.ts';
import type { PersistedNegotiation } from '../negotiation/machine.ts';
import type { SessionMode, TeamSpec } from './commands.ts';

export interface Team extends TeamSpec {
  readonly members: readonly string[];
}

/**
 * `new`: nothing yet; `ready`: created, between rounds; `open`: a round takes decisions;
 * `ended`: the seed is revealed and nothing more happens.
 */
export type SessionStatus = 'new' | 'ready' | 'open' | 'ended';

export interface SessionState {
  readonly status: SessionStatus;
  readonly scenario: Scenario | null;
  readonly scenarioHash: string;
  readonly mode: SessionMode;
  readonly teams: readonly Team[];
  /** The current round: open, or the last one resolved. */
  readonly round: number;
  /** One market in shared mode; one per team (in team order) in parallel mode. */
  readonly markets: readonly MarketState[];
  /** Decisions submitted for the open round, by team (the last submission counts). */
  readonly pending: readonly { readonly team: string; readonly decisions: Decisions; readonly by: string }[];
  /** The decisions each team played last round, kept for a team that does not submit. */
  readonly played: readonly { readonly team: string; readonly decisions: Decisions }[];
  /** Every key-account negotiation so far, the open round's last; each replays from its moves. */
  readonly negotiations: readonly SessionNegotiation[];
  /** Shocks injected for the open round. */
  readonly injected: readonly ShockSpec[];
  /** Outcomes by round (index 0 = round 1), one per market. */
  readonly history: readonly (readonly RoundOutcome[])[];
  readonly revealedSeed: string;
}

export interface SessionNegotiation {
  readonly team: string;
  readonly account: string;
  readonly round: number;
  readonly negotiation: PersistedNegotiation;
}

export const EMPTY_SESSION: SessionState = {
  status: 'new',
  scenario: null,
  scenarioHash: '',
  mode: 'shared',
  teams: [],
  round: 0,
  markets: [],
  pending: [],
  played: [],
  negotiations: [],
  injected: [],
  history: [],
  revealedSeed: '',
};
