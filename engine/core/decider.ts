import type { Actor, DomainEvent, EventEnvelope } from './envelope.ts';
import type { EventCatalog } from './eventCatalog.ts';
import type { LogHeader } from './header.ts';

/**
 * A refused command. `code` names the rule, `params` the figures a message needs and `path` the
 * field at fault, so every layer can say in the reader's language what to change.
 */
export interface Rejection {
  readonly kind: 'rejected';
  readonly code: string;
  readonly path?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function reject(code: string, params?: Record<string, string | number>, path?: string): Rejection {
  return { kind: 'rejected', code, ...(params ? { params } : {}), ...(path ? { path } : {}) };
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rejected';
}

export interface DecideContext {
  readonly actor: Actor;
  readonly header: LogHeader;
  /** The seq the first resulting event will get. */
  readonly nextSeq: number;
}

/**
 * The decide/evolve pair every aggregate implements. `decide` may refuse; `evolve` never does,
 * since events are facts.
 */
export interface Decider<S, C extends { readonly type: string }, E extends DomainEvent> {
  readonly catalog: EventCatalog;
  initialState(header: LogHeader): S;
  decide(state: S, command: C, context: DecideContext): readonly E[] | Rejection;
  evolve(state: S, event: EventEnvelope<E>): S;
  /** The round an event produced in this state belongs to. */
  roundOf(state: S): number;
  /** True for events after which a snapshot is kept (round boundaries). */
  isSnapshotPoint(event: EventEnvelope<E>): boolean;
}
