import type { DomainEvent, EventEnvelope, UnsealedEvent } from './envelope.ts';
import { hashOf } from './hash.ts';

/** Gives an event its place in the chain: seq, the previous hash and its own hash. */
export function seal<E extends DomainEvent>(event: UnsealedEvent<E>, seq: number, prevHash: string): EventEnvelope<E> {
  const body = { ...event, seq, prevHash } as Omit<EventEnvelope<E>, 'hash'>;
  return { ...body, hash: hashOf(body) } as EventEnvelope<E>;
}

/** The hash an envelope should carry, recomputed from everything else in it. */
export function expectedHash(envelope: Readonly<Record<string, unknown>>): string {
  const { hash: _ignored, ...body } = envelope;
  return hashOf(body);
}
