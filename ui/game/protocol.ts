import type { Rejection } from '../../engine/core/decider.ts';
import type { DomainEvent, EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import type { SessionCommand } from '../../engine/session/commands.ts';
import type { SessionState } from '../../engine/session/state.ts';
import type { LogHead, NewSoloSession } from './soloSession.ts';

/** What the page asks of the engine worker. */
export type EngineRequest =
  | { readonly op: 'create'; readonly options: NewSoloSession }
  | { readonly op: 'restore'; readonly header: LogHeader; readonly events: readonly EventEnvelope<DomainEvent>[] }
  | { readonly op: 'send'; readonly command: SessionCommand; readonly now: string };

/** The session after a request: its state, its head, and the events the request appended. */
export interface EngineSnapshot {
  readonly header: LogHeader;
  readonly state: SessionState;
  readonly head: LogHead;
  readonly events: readonly EventEnvelope<DomainEvent>[];
}

export type EngineReply =
  | { readonly ok: true; readonly snapshot: EngineSnapshot }
  | { readonly ok: false; readonly rejection: Rejection }
  | { readonly ok: false; readonly error: string };
