import type { Rejection } from '../../engine/core/decider.ts';
import type { DomainEvent, EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import type { LogProblem } from '../../engine/core/verify.ts';
import type { SessionCommand } from '../../engine/session/commands.ts';
import type { SessionState } from '../../engine/session/state.ts';
import type { LogHead, NewSoloSession } from './soloSession.ts';

/** What the page asks of the engine worker. */
export type EngineRequest =
  | { readonly op: 'create'; readonly options: NewSoloSession }
  | { readonly op: 'restore'; readonly header: LogHeader; readonly events: readonly EventEnvelope<DomainEvent>[] }
  // An exported log the user chose: read, verified and opened in the worker (logImport.ts).
  | { readonly op: 'import'; readonly file: Blob }
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
  /** An imported log failed its checks: the first bad event and why. */
  | { readonly ok: false; readonly problem: LogProblem }
  /** An imported log is sound but not a solo game the trainee can play. */
  | { readonly ok: false; readonly notSolo: true }
  /** `workerLost`: the worker died before answering; the engine now runs on the page. */
  | { readonly ok: false; readonly error: string; readonly workerLost?: true };

/** How far an import has got: the round being re-run and the scenario's number of rounds. */
export interface ImportProgress {
  readonly round: number;
  readonly rounds: number;
}

/** What the worker posts back: progress while a request runs, then its one reply. */
export type EngineMessage =
  | { readonly id: number; readonly progress: ImportProgress }
  | { readonly id: number; readonly reply: EngineReply };
