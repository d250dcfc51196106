import { canonicalJson } from './canonicalJson.ts';
import type { DomainEvent, EventEnvelope, UnsealedEvent } from './envelope.ts';
import { hashOf, sha256Hex } from './hash.ts';

/**
 * The canonical line of each envelope sealed in this process, made while hashing it: a store or
 * an export writes it without serialising the event a second time.
 */
const lines = new WeakMap<object, string>();

/** Gives an event its place in the chain: seq, the previous hash and its own hash. */
export function seal<E extends DomainEvent>(event: UnsealedEvent<E>, seq: number, prevHash: string): EventEnvelope<E> {
  const body = { ...event, seq, prevHash } as Omit<EventEnvelope<E>, 'hash'>;
  const text = canonicalJson(body);
  const hash = sha256Hex(text);
  const envelope = { ...body, hash } as EventEnvelope<E>;
  // Keys are sorted and `hash` follows `cmd`: the line is the hashed text with the member put in.
  const at = text.indexOf(',"payload":');
  if (at >= 0) lines.set(envelope, `${text.slice(0, at)},"hash":"${hash}"${text.slice(at)}`);
  return envelope;
}

/** The canonical JSON line of an envelope (from when it was sealed, if it was sealed here). */
export function envelopeLine(envelope: EventEnvelope): string {
  return lines.get(envelope) ?? canonicalJson(envelope);
}

/** The hash an envelope should carry, recomputed from everything else in it. */
export function expectedHash(envelope: Readonly<Record<string, unknown>>): string {
  const { hash: _ignored, ...body } = envelope;
  return hashOf(body);
}
