/** Who caused an event. Bots act for AI firms; `system` is the engine itself (timers, resolution). */
export type ActorKind = 'facilitator' | 'team' | 'observer' | 'bot' | 'system';
export const ACTOR_KINDS: readonly ActorKind[] = ['facilitator', 'team', 'observer', 'bot', 'system'];

export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
}

/** The domain part of an event, as `decide` produces it. */
export interface DomainEvent<T extends string = string, P = unknown> {
  readonly type: T;
  readonly payload: P;
}

/**
 * An event as stored: the domain event plus its place in the log.
 * `cmd` is the id of the command that caused it, so a retried command appends once even after
 * a restart; `ts` is wall-clock time for debriefs and is never read by `evolve`.
 */
export type EventEnvelope<E extends DomainEvent = DomainEvent> = E & {
  readonly seq: number;
  readonly v: number;
  readonly round: number;
  readonly actor: Actor;
  readonly ts: string;
  readonly cmd: string;
  readonly prevHash: string;
  readonly hash: string;
};

/** An envelope before it is sealed into the chain. */
export type UnsealedEvent<E extends DomainEvent = DomainEvent> = Omit<EventEnvelope<E>, 'hash' | 'prevHash' | 'seq'>;

export const ENVELOPE_KEYS = ['actor', 'cmd', 'hash', 'payload', 'prevHash', 'round', 'seq', 'ts', 'type', 'v'] as const;
