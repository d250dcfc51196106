import { seal } from './chain.ts';
import type { DomainEvent, EventEnvelope, UnsealedEvent } from './envelope.ts';
import { headerHash, type LogHeader } from './header.ts';

export type AppendResult<E extends DomainEvent> =
  | { readonly ok: true; readonly events: readonly EventEnvelope<E>[]; readonly duplicate: boolean }
  | { readonly ok: false; readonly code: 'stale-writer'; readonly expectedSeq: number; readonly actualSeq: number }
  | { readonly ok: false; readonly code: 'mixed-commands' };

/**
 * An append-only, hash-chained log held in memory. Writers say which seq they last saw, so a
 * stale writer is refused instead of interleaving; events carry their command's id, so the
 * same command appended twice is stored once.
 */
export class EventLog<E extends DomainEvent = DomainEvent> {
  readonly headerHash: string;
  private readonly entries: EventEnvelope<E>[] = [];
  private readonly byCommand = new Map<string, { first: number; last: number }>();

  constructor(readonly header: LogHeader) {
    this.headerHash = headerHash(header);
  }

  /** Rebuilds a log from events already verified (a file, a database). */
  static restore<E extends DomainEvent>(header: LogHeader, events: Iterable<EventEnvelope<E>>): EventLog<E> {
    const log = new EventLog<E>(header);
    for (const event of events) log.push(event);
    return log;
  }

  get lastSeq(): number {
    return this.entries.length;
  }

  get headHash(): string {
    return this.entries.length === 0 ? this.headerHash : this.entries[this.entries.length - 1]!.hash;
  }

  get events(): readonly EventEnvelope<E>[] {
    return this.entries;
  }

  at(seq: number): EventEnvelope<E> | undefined {
    return this.entries[seq - 1];
  }

  /** The events a command already produced, or undefined if it was never applied. */
  eventsOfCommand(commandId: string): readonly EventEnvelope<E>[] | undefined {
    const range = this.byCommand.get(commandId);
    return range ? this.entries.slice(range.first - 1, range.last) : undefined;
  }

  append(events: readonly UnsealedEvent<E>[], expectedSeq: number): AppendResult<E> {
    const commandId = events[0]?.cmd;
    if (events.some((e) => e.cmd !== commandId)) return { ok: false, code: 'mixed-commands' };
    if (commandId !== undefined) {
      const done = this.eventsOfCommand(commandId);
      if (done) return { ok: true, events: done, duplicate: true };
    }
    if (expectedSeq !== this.lastSeq) {
      return { ok: false, code: 'stale-writer', expectedSeq, actualSeq: this.lastSeq };
    }
    const sealed: EventEnvelope<E>[] = [];
    let prev = this.headHash;
    for (const event of events) {
      const envelope = seal(event, this.lastSeq + sealed.length + 1, prev);
      sealed.push(envelope);
      prev = envelope.hash;
    }
    for (const envelope of sealed) this.push(envelope);
    return { ok: true, events: sealed, duplicate: false };
  }

  private push(envelope: EventEnvelope<E>): void {
    this.entries.push(envelope);
    const range = this.byCommand.get(envelope.cmd);
    if (range) range.last = envelope.seq;
    else this.byCommand.set(envelope.cmd, { first: envelope.seq, last: envelope.seq });
  }
}
