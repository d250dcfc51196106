import type { Decider } from './decider.ts';
import type { DomainEvent, EventEnvelope } from './envelope.ts';
import { upcast } from './eventCatalog.ts';
import type { LogHeader } from './header.ts';

/** Folds events from scratch into a state. Events may be stored in older versions. */
export function fold<S, E extends DomainEvent>(
  decider: Decider<S, { type: string }, E>,
  header: LogHeader,
  events: Iterable<EventEnvelope<DomainEvent>>,
): S {
  let state = decider.initialState(header);
  for (const stored of events) state = decider.evolve(state, upcast<E>(decider.catalog, stored));
  return state;
}

interface Snapshot<S> {
  readonly seq: number;
  readonly state: S;
}

/**
 * The state at every point of a log. Keeps the current state, a snapshot at each round boundary
 * (states are frozen by immer, so a snapshot is a shared reference, not a copy) and the
 * upcast events, so `seek` folds at most one round's worth of events.
 */
export class Replay<S, E extends DomainEvent> {
  private readonly events: EventEnvelope<E>[] = [];
  private readonly snapshots: Snapshot<S>[];
  private current: S;

  constructor(
    private readonly decider: Decider<S, { type: string }, E>,
    readonly header: LogHeader,
  ) {
    this.current = decider.initialState(header);
    this.snapshots = [{ seq: 0, state: this.current }];
  }

  get state(): S {
    return this.current;
  }

  get lastSeq(): number {
    return this.events.length;
  }

  get snapshotSeqs(): readonly number[] {
    return this.snapshots.map((s) => s.seq);
  }

  /** Applies the next stored event (it must carry seq lastSeq + 1). */
  apply(stored: EventEnvelope<DomainEvent>): S {
    if (stored.seq !== this.events.length + 1) {
      throw new Error(`replay expected seq ${this.events.length + 1}, got ${stored.seq}`);
    }
    const event = upcast<E>(this.decider.catalog, stored);
    this.current = this.decider.evolve(this.current, event);
    this.events.push(event);
    if (this.decider.isSnapshotPoint(event)) this.snapshots.push({ seq: event.seq, state: this.current });
    return this.current;
  }

  /** The state right after event `seq` (0 = before any event). */
  seek(seq: number): S {
    if (!Number.isInteger(seq) || seq < 0 || seq > this.events.length) {
      throw new RangeError(`seek(${seq}) is outside 0..${this.events.length}`);
    }
    if (seq === this.events.length) return this.current;
    const base = this.nearestSnapshot(seq);
    let state = base.state;
    for (let i = base.seq; i < seq; i++) state = this.decider.evolve(state, this.events[i]!);
    return state;
  }

  eventAt(seq: number): EventEnvelope<E> | undefined {
    return this.events[seq - 1];
  }

  private nearestSnapshot(seq: number): Snapshot<S> {
    let lo = 0;
    let hi = this.snapshots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.snapshots[mid]!.seq <= seq) lo = mid;
      else hi = mid - 1;
    }
    return this.snapshots[lo]!;
  }
}
