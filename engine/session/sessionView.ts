import { expectedHash } from '../core/chain.ts';
import type { EventEnvelope } from '../core/envelope.ts';
import { hashOf } from '../core/hash.ts';
import { headerHash, type LogHeader } from '../core/header.ts';
import type { SessionEvent } from './events.ts';
import { evolveSession } from './evolve.ts';
import { isSealed, type ViewEnvelope } from './playerView.ts';
import type { SessionState } from './state.ts';

/** Events a client folds itself; the others change what only the seed or a buyer's profile decides, and arrive with a fresh view. */
const FOLDABLE: ReadonlySet<string> = new Set(['MemberJoined', 'RoundOpened', 'DecisionsSubmitted', 'ShockInjected']);

/**
 * A client's copy of a live session: its view of the log (sealed where it may not look), the
 * hash chain checked link by link, and the state folded with the engine where it can be and
 * taken from the host where it cannot. Problems are returned, never thrown, and leave the copy
 * as it was; the client then asks for the events again.
 */
export class SessionView {
  readonly headerHash: string;
  private readonly list: ViewEnvelope[] = [];
  private current: SessionState;
  private headHash: string;

  private constructor(
    readonly header: LogHeader,
    state: SessionState,
  ) {
    this.headerHash = headerHash(header);
    this.headHash = this.headerHash;
    this.current = state;
  }

  /** Starts from the host's welcome: header, every event so far, and the state now. */
  static start(header: LogHeader, claimedHeaderHash: string, events: readonly ViewEnvelope[], state: SessionState): SessionView | string {
    const view = new SessionView(header, state);
    if (view.headerHash !== claimedHeaderHash) return `the header hashes to ${view.headerHash.slice(0, 12)}…, the host says ${claimedHeaderHash.slice(0, 12)}…`;
    const problem = view.accept(events, state);
    return problem ?? view;
  }

  get state(): SessionState {
    return this.current;
  }

  get events(): readonly ViewEnvelope[] {
    return this.list;
  }

  get lastSeq(): number {
    return this.list.length;
  }

  get head(): string {
    return this.headHash;
  }

  /** Appends events (and takes the host's view when one comes with them); a problem leaves everything unchanged. */
  accept(events: readonly ViewEnvelope[], state?: SessionState): string | null {
    let seq = this.list.length;
    let head = this.headHash;
    let folded = this.current;
    const fresh: ViewEnvelope[] = [];
    for (const e of events) {
      if (e.seq <= seq) {
        // Already held (a resend after a reconnect): it must be the very same event.
        const known = e.seq <= this.list.length ? this.list[e.seq - 1] : fresh[e.seq - this.list.length - 1];
        if (!known || known.hash !== e.hash) return `event ${e.seq} differs from the one received before`;
        continue;
      }
      if (e.seq !== seq + 1) return `event ${seq + 1} is missing (got ${e.seq})`;
      if (e.prevHash !== head) return `event ${e.seq} does not follow event ${seq} in the hash chain`;
      if (!isSealed(e)) {
        if (expectedHash(e as unknown as Record<string, unknown>) !== e.hash) return `event ${e.seq} does not match its hash`;
        if (FOLDABLE.has(e.type)) folded = evolveSession('', folded, e as EventEnvelope<SessionEvent>);
      }
      fresh.push(e);
      seq = e.seq;
      head = e.hash;
    }
    if (state) {
      // The host's view must agree with what the chain proves: the recorded outcome of every
      // round resolved in these events (all of them when a client starts).
      for (const e of fresh) {
        if (isSealed(e) || e.type !== 'RoundResolved') continue;
        const p = (e as Extract<EventEnvelope<SessionEvent>, { type: 'RoundResolved' }>).payload;
        if (hashOf(state.history[p.round - 1]) !== hashOf(p.outcomes)) return `round ${p.round}'s results differ from the logged ones`;
      }
      folded = state;
    }
    this.list.push(...fresh);
    this.headHash = head;
    this.current = folded;
    return null;
  }
}
