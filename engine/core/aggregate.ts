import { isRejection, type Decider, type Rejection } from './decider.ts';
import type { Actor, DomainEvent, EventEnvelope, UnsealedEvent } from './envelope.ts';
import { EventLog } from './eventLog.ts';
import type { LogHeader } from './header.ts';
import { Replay } from './replay.ts';

/** A command as it arrives: the intent plus who sent it, when, and an id for idempotency. */
export interface CommandEnvelope<C> {
  readonly id: string;
  readonly actor: Actor;
  readonly ts: string;
  readonly command: C;
  /** The last seq the sender saw; when given, a command decided on an older state is refused. */
  readonly expectedSeq?: number;
}

export type HandleResult<S, E extends DomainEvent> =
  | { readonly kind: 'accepted'; readonly events: readonly EventEnvelope<E>[]; readonly state: S; readonly duplicate: boolean }
  | { readonly kind: 'rejected'; readonly rejection: Rejection }
  | { readonly kind: 'conflict'; readonly expectedSeq: number; readonly actualSeq: number };

/**
 * One event-sourced stream: its log, its state and its history. The single place where a
 * command becomes events: decide, stamp, seal, append, evolve.
 */
export class Aggregate<S, C extends { readonly type: string }, E extends DomainEvent> {
  private constructor(
    private readonly decider: Decider<S, C, E>,
    readonly log: EventLog<E>,
    readonly replay: Replay<S, E>,
  ) {}

  static create<S, C extends { readonly type: string }, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    header: LogHeader,
  ): Aggregate<S, C, E> {
    return new Aggregate(decider, new EventLog<E>(header), new Replay<S, E>(decider, header));
  }

  /** Reopens a stream from verified events (they may be stored in older versions). */
  static restore<S, C extends { readonly type: string }, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    header: LogHeader,
    events: Iterable<EventEnvelope<DomainEvent>>,
  ): Aggregate<S, C, E> {
    const replay = new Replay<S, E>(decider, header);
    const stored: EventEnvelope<E>[] = [];
    for (const event of events) {
      replay.apply(event);
      stored.push(event as EventEnvelope<E>);
    }
    return new Aggregate(decider, EventLog.restore(header, stored), replay);
  }

  /**
   * Reopens a stream from a replay that has already folded exactly these events (a reader that
   * verified a log by folding it), so they are not folded, nor their rounds re-run, again.
   */
  static adopt<S, C extends { readonly type: string }, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    header: LogHeader,
    events: readonly EventEnvelope<DomainEvent>[],
    replay: Replay<S, E>,
  ): Aggregate<S, C, E> {
    if (replay.lastSeq !== events.length) throw new Error(`the replay folded ${replay.lastSeq} events, the log has ${events.length}`);
    return new Aggregate(decider, EventLog.restore(header, events as EventEnvelope<E>[]), replay);
  }

  get state(): S {
    return this.replay.state;
  }

  get header(): LogHeader {
    return this.log.header;
  }

  handle(envelope: CommandEnvelope<C>): HandleResult<S, E> {
    const done = this.log.eventsOfCommand(envelope.id);
    if (done) return { kind: 'accepted', events: done, state: this.state, duplicate: true };
    const lastSeq = this.log.lastSeq;
    if (envelope.expectedSeq !== undefined && envelope.expectedSeq !== lastSeq) {
      return { kind: 'conflict', expectedSeq: envelope.expectedSeq, actualSeq: lastSeq };
    }
    const decided = this.decider.decide(this.state, envelope.command, {
      actor: envelope.actor,
      header: this.log.header,
      nextSeq: lastSeq + 1,
    });
    if (isRejection(decided)) return { kind: 'rejected', rejection: decided };
    if (decided.length === 0) return { kind: 'accepted', events: [], state: this.state, duplicate: false };

    const round = this.decider.roundOf(this.state);
    const unsealed = decided.map(
      (event) =>
        ({
          ...event,
          v: this.decider.catalog[event.type]!.version,
          round,
          actor: envelope.actor,
          ts: envelope.ts,
          cmd: envelope.id,
        }) as UnsealedEvent<E>,
    );
    const appended = this.log.append(unsealed, lastSeq);
    if (!appended.ok) throw new Error(`append failed: ${appended.code}`);
    for (const event of appended.events) this.replay.apply(event);
    return { kind: 'accepted', events: appended.events, state: this.state, duplicate: false };
  }

  seek(seq: number): S {
    return this.replay.seek(seq);
  }
}
