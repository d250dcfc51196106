import type { EventCatalog } from '../core/eventCatalog.ts';
import type { Decisions } from '../model/decisions.ts';
import type { RoundOutcome } from '../model/outcome.ts';
import type { Scenario, ShockSpec } from '../model/scenario.ts';
import type { Move } from '../negotiation/types.ts';
import type { SessionMode, TeamSpec } from './commands.ts';

/** How a team's decisions for a round came about. */
export type DecisionSource = 'submitted' | 'carried' | 'default' | 'bot';

/** Every fact a session log can hold; the payloads are what `evolve` reads. */
export type SessionEvent =
  | {
      readonly type: 'SessionCreated';
      readonly payload: { readonly scenario: Scenario; readonly scenarioHash: string; readonly mode: SessionMode; readonly teams: readonly TeamSpec[] };
    }
  | { readonly type: 'MemberJoined'; readonly payload: { readonly team: string; readonly member: string } }
  | { readonly type: 'RoundOpened'; readonly payload: { readonly round: number } }
  /** `member` is absent when the team acted as a whole (solo play, bots, logs from before team sessions). */
  | { readonly type: 'DecisionsSubmitted'; readonly payload: { readonly team: string; readonly decisions: Decisions; readonly member?: string } }
  | { readonly type: 'NegotiationStarted'; readonly payload: { readonly team: string; readonly account: string } }
  | { readonly type: 'NegotiationMoved'; readonly payload: { readonly team: string; readonly account: string; readonly move: Move } }
  | { readonly type: 'ShockInjected'; readonly payload: { readonly shock: ShockSpec } }
  | {
      readonly type: 'RoundClosed';
      readonly payload: { readonly round: number; readonly sources: readonly { readonly team: string; readonly source: DecisionSource }[] };
    }
  | {
      readonly type: 'RoundResolved';
      readonly payload: {
        readonly round: number;
        /** One outcome per market (one in shared mode, one per team in parallel mode). */
        readonly outcomes: readonly RoundOutcome[];
        /** Hash of the session state after the round; replay recomputes the round and checks it. */
        readonly stateHash: string;
      };
    }
  | { readonly type: 'SessionEnded'; readonly payload: { readonly round: number; readonly seed: string } };

export type SessionEventType = SessionEvent['type'];

/**
 * SessionCreated v1 carried a scenario whose objectives were bare texts and which had no debrief
 * prompts or guide notes. The old objectives name no framework; they are filed under the
 * manager's role, the deck's opening chapter, which every objective of that time belonged to.
 */
function sessionCreatedV1toV2(payload: unknown): unknown {
  const p = payload as { scenario?: unknown };
  if (p === null || typeof p !== 'object' || p.scenario === null || typeof p.scenario !== 'object') return payload;
  const scenario = p.scenario as Record<string, unknown>;
  const objectives = Array.isArray(scenario.objectives) ? scenario.objectives : [];
  return {
    ...p,
    scenario: {
      ...scenario,
      objectives: objectives.map((text: unknown) => ({ framework: 'manager-role', text })),
      debrief: [],
      guide: [],
    },
  };
}

export const sessionCatalog: EventCatalog = {
  SessionCreated: { version: 2, upcasters: { 1: sessionCreatedV1toV2 } },
  MemberJoined: { version: 1 },
  RoundOpened: { version: 1 },
  DecisionsSubmitted: { version: 1 },
  NegotiationStarted: { version: 1 },
  NegotiationMoved: { version: 1 },
  ShockInjected: { version: 1 },
  RoundClosed: { version: 1 },
  RoundResolved: { version: 1 },
  SessionEnded: { version: 1 },
};
