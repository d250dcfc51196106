import type { Decisions } from '../model/decisions.ts';
import type { Scenario, ShockSpec } from '../model/scenario.ts';
import type { Move } from '../negotiation/types.ts';

export type SessionMode = 'shared' | 'parallel';

export interface TeamSpec {
  readonly id: string;
  readonly name: string;
  /** The firm slot (a `team` firm of the scenario) the team runs; in parallel mode every team runs the first slot of its own copy. */
  readonly firm: string;
  /** A bot id when no people play this team (`balanced`, `random`, `max-discount` …). */
  readonly bot?: string;
}

/** Every intent the session accepts. Each may be refused with a reason; none is ever half-applied. */
export type SessionCommand =
  | {
      readonly type: 'CreateSession';
      readonly scenario: Scenario;
      readonly scenarioHash: string;
      readonly mode: SessionMode;
      readonly teams: readonly TeamSpec[];
    }
  | { readonly type: 'JoinTeam'; readonly team: string; readonly member: string }
  | { readonly type: 'OpenRound' }
  /** `member`: who of the team submitted (set by the host from the member's token, not by the client). */
  | { readonly type: 'SubmitDecisions'; readonly team: string; readonly decisions: Decisions; readonly member?: string }
  | { readonly type: 'StartNegotiation'; readonly team: string; readonly account: string }
  | { readonly type: 'NegotiationMove'; readonly team: string; readonly account: string; readonly move: Move }
  | { readonly type: 'InjectShock'; readonly shock: ShockSpec }
  | { readonly type: 'CloseRound' }
  | { readonly type: 'EndSession' };

export type SessionCommandType = SessionCommand['type'];
