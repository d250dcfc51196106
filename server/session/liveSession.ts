import { Aggregate, type CommandEnvelope } from '../../engine/core/aggregate.ts';
import type { Actor, EventEnvelope } from '../../engine/core/envelope.ts';
import type { Rejection } from '../../engine/core/decider.ts';
import type { SessionCommand } from '../../engine/session/commands.ts';
import { sessionDecider } from '../../engine/session/decider.ts';
import type { SessionEvent } from '../../engine/session/events.ts';
import { canSee, playerState, viewOfEvent, type Viewer, type ViewEnvelope } from '../../engine/session/playerView.ts';
import type { SessionState } from '../../engine/session/state.ts';
import type { SessionStore, SessionRow, TimerState } from '../store/sessionStore.ts';
import { envelopeLine } from '../../engine/core/chain.ts';
import { withText } from './wireText.ts';
import type { ServerMessage, TimerView } from '../../engine/protocol/messages.ts';

/** One connected browser, as the session sees it. */
export interface Client {
  readonly viewer: Viewer;
  send(message: ServerMessage): void;
}

export type CommandResult =
  | { readonly kind: 'accepted'; readonly seq: number; readonly duplicate: boolean }
  | { readonly kind: 'refused'; readonly rejection: Rejection };

/** Events whose effect a client cannot fold without the seed or a buyer's profile: they come with a fresh view. */
const NEEDS_STATE: ReadonlySet<string> = new Set(['SessionCreated', 'RoundClosed', 'RoundResolved', 'NegotiationStarted', 'NegotiationMoved', 'SessionEnded']);

type SessionAggregate = Aggregate<SessionState, SessionCommand, SessionEvent>;

/** Commands decided in one turn of the event loop, committed together. */
interface Batch {
  readonly events: EventEnvelope<SessionEvent>[];
  /** The round clock the last of them set, stored in the same transaction. */
  timer: TimerState | undefined;
  /** Told whether the batch was committed: acknowledgements, or refusals if the store failed. */
  readonly replies: ((committed: boolean) => void)[];
}

/**
 * A running session: the only writer of its log. A command is decided at once (so the next
 * command is decided against it), but acknowledged only once its events are committed to SQLite
 * and sent, as each client may see them, to everyone connected. Commands decided in the same
 * turn of the event loop are committed in one transaction (group commit): under a burst the
 * server pays for one durable write per turn instead of one per command, and a command's events
 * are still all in or all out. The round clock lives here too; when it runs out the session
 * closes the round itself (actor `system`).
 */
export class LiveSession {
  private aggregate: SessionAggregate;
  private timer: TimerState;
  private timeout: ReturnType<typeof setTimeout> | null = null;
  readonly clients = new Set<Client>();
  /** Decided, not yet committed. */
  private pending: Batch | null = null;
  /** Committed events not yet sent to the clients, and what waits for them to be sent. */
  private unsent: EventEnvelope<SessionEvent>[] = [];
  private afterSending: (() => void)[] = [];
  private turnScheduled = false;
  /** The store could not even be read back after a failed commit: commands are refused until it can. */
  private storeBroken = false;

  constructor(
    private readonly store: SessionStore,
    readonly row: SessionRow,
    private readonly now: () => number = Date.now,
  ) {
    this.aggregate = this.load();
    this.timer = row.timer;
    this.armTimer();
  }

  /** The aggregate from the committed events, plus any decided ones not yet committed. */
  private load(uncommitted: readonly EventEnvelope<SessionEvent>[] = []): SessionAggregate {
    return Aggregate.restore(sessionDecider(this.row.seed), this.row.header, [...this.store.events(this.row.id), ...uncommitted]) as SessionAggregate;
  }

  get id(): string {
    return this.row.id;
  }

  /** The state with every decided command, committed or not: what the next command is decided against. */
  get state(): SessionState {
    return this.aggregate.state;
  }

  /** The log; call settle() first where only committed events may be shown. */
  get log(): SessionAggregate['log'] {
    return this.aggregate.log;
  }

  /**
   * Decides a command and queues its events for this turn's commit. `accepted` is provisional
   * until the commit: wait with afterCommit() before acknowledging. Never throws on bad input;
   * nothing changes on a refusal.
   */
  handle(actor: Actor, commandId: string, command: SessionCommand, expectedSeq?: number): CommandResult {
    if (this.storeBroken) this.reload();
    if (this.storeBroken) return { kind: 'refused', rejection: { kind: 'rejected', code: 'server.store-failed' } };
    const envelope: CommandEnvelope<SessionCommand> = {
      id: commandId,
      actor,
      ts: new Date(this.now()).toISOString(),
      command,
      ...(expectedSeq !== undefined ? { expectedSeq } : {}),
    };
    const before = this.aggregate.log.lastSeq;
    let result;
    try {
      result = this.aggregate.handle(envelope);
    } catch {
      // decide or evolve threw on input nobody foresaw. Only if events were already appended in
      // memory is the log ahead of what was decided, and rebuilt from the store and the batch.
      if (this.aggregate.log.lastSeq !== before) this.rebuild();
      return { kind: 'refused', rejection: { kind: 'rejected', code: 'server.internal' } };
    }
    if (result.kind === 'conflict') {
      return { kind: 'refused', rejection: { kind: 'rejected', code: 'protocol.stale-seq', params: { expected: result.expectedSeq, actual: result.actualSeq } } };
    }
    if (result.kind === 'rejected') return { kind: 'refused', rejection: result.rejection };
    if (result.duplicate) return { kind: 'accepted', seq: result.events.at(-1)?.seq ?? this.aggregate.log.lastSeq, duplicate: true };
    if (result.events.length === 0) return { kind: 'accepted', seq: before, duplicate: false };
    const batch = this.batch();
    batch.events.push(...result.events);
    // A round that opens starts its clock in the same transaction, so a crash cannot leave an
    // open round whose clock was never written.
    batch.timer = this.timerAfter(result.events) ?? batch.timer;
    this.afterDecided(result.events);
    return { kind: 'accepted', seq: result.events.at(-1)!.seq, duplicate: false };
  }

  /**
   * Runs `then` once every command decided so far is committed and its events sent to the
   * connected clients, so an acknowledgement never overtakes what it acknowledges; `committed`
   * is false if the store refused the batch (the commands are then undone).
   */
  afterCommit(then: (committed: boolean) => void): void {
    if (this.pending) this.pending.replies.push(then);
    else if (this.unsent.length > 0 || this.afterSending.length > 0) this.afterSending.push(() => then(true));
    else then(true);
  }

  /**
   * Commits what is pending now, before something reads the log or the store; false if the store
   * failed, or still cannot be read back after a failure (the log in memory may then hold events
   * it lost, so nothing may be shown from it).
   */
  settle(): boolean {
    if (!this.commit()) return false;
    if (this.storeBroken) this.reload();
    return !this.storeBroken;
  }

  private batch(): Batch {
    if (!this.pending) {
      this.pending = { events: [], timer: undefined, replies: [] };
      this.scheduleTurn();
    }
    return this.pending;
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    // setImmediate runs after every message that arrived in this turn has been decided.
    setImmediate(() => {
      this.turnScheduled = false;
      // Nothing here may take the server down: a failure is the store's, answered in commit().
      try {
        this.commit();
        this.sendUnsent();
      } catch {
        this.reload();
      }
    });
  }

  private commit(): boolean {
    const batch = this.pending;
    if (!batch) return true;
    this.pending = null;
    let committed = true;
    try {
      this.store.append(this.id, batch.events, batch.timer);
    } catch {
      committed = false;
      this.reload();
    }
    if (committed) {
      this.unsent.push(...batch.events);
      if (batch.timer) this.useTimer(batch.timer);
    }
    for (const reply of batch.replies) this.afterSending.push(() => reply(committed));
    this.scheduleTurn();
    return committed;
  }

  /** The aggregate again from what the store holds; if even that fails, the session refuses commands until it works. */
  private reload(): void {
    try {
      this.aggregate = this.load();
      this.storeBroken = false;
    } catch {
      this.storeBroken = true;
    }
  }

  /** The aggregate again from the store and the batch not yet committed (whose events were decided and folded fine). */
  private rebuild(): void {
    this.aggregate = this.load(this.pending?.events);
  }

  /** The events after `after` and the state, as `viewer` may see them; call settle() first. */
  viewFor(viewer: Viewer, after: number): { events: ViewEnvelope[]; state: SessionState } {
    const events = this.aggregate.log.events.slice(Math.max(0, after)).map((e) => viewOfEvent(e, viewer));
    return { events, state: playerState(this.state, viewer) };
  }

  timerView(): TimerView {
    const t = this.timer;
    if (t.kind === 'off') return t;
    if (t.kind === 'paused') return { kind: 'paused', remainingMs: t.remainingMs };
    return { kind: 'running', remainingMs: Math.max(0, t.deadline - this.now()) };
  }

  /** Pause, resume or extend the round clock; a refusal code when there is no clock to act on. */
  controlTimer(action: 'pause' | 'resume' | 'extend', seconds = 60): string | null {
    // A round opened in this turn stores its clock when it commits: commit first, then change it.
    this.commit();
    const t = this.timer;
    if (this.state.status !== 'open' || t.kind === 'off') return 'server.no-timer';
    const now = this.now();
    if (action === 'pause') {
      if (t.kind === 'running') this.setTimer({ kind: 'paused', remainingMs: Math.max(0, t.deadline - now) });
    } else if (action === 'resume') {
      if (t.kind === 'paused') this.setTimer({ kind: 'running', deadline: now + t.remainingMs });
    } else if (t.kind === 'running') this.setTimer({ kind: 'running', deadline: t.deadline + seconds * 1000 });
    else this.setTimer({ kind: 'paused', remainingMs: t.remainingMs + seconds * 1000 });
    return null;
  }

  stop(): void {
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
  }

  /** The round clock after these events, or undefined when they leave it alone. */
  private timerAfter(events: readonly EventEnvelope<SessionEvent>[]): TimerState | undefined {
    let timer: TimerState | undefined;
    for (const e of events) {
      if (e.type === 'RoundOpened') {
        const seconds = this.row.settings.roundSeconds;
        timer = seconds > 0 ? { kind: 'running', deadline: this.now() + seconds * 1000 } : { kind: 'off' };
      }
      if (e.type === 'RoundResolved' || e.type === 'SessionEnded') timer = { kind: 'off' };
    }
    return timer;
  }

  private afterDecided(events: readonly EventEnvelope<SessionEvent>[]): void {
    // Every team with people has submitted: no reason to make the room wait for the clock.
    if (events.some((e) => e.type === 'DecisionsSubmitted') && this.state.status === 'open') {
      const people = this.state.teams.filter((t) => !t.bot && t.members.length > 0);
      if (people.length > 0 && people.every((t) => this.state.pending.some((p) => p.team === t.id))) this.closeRound('all-submitted');
    }
  }

  private closeRound(reason: string): void {
    if (this.state.status !== 'open') return;
    this.handle({ kind: 'system', id: reason }, `system:close:${this.state.round}`, { type: 'CloseRound' });
  }

  private sendUnsent(): void {
    const events = this.unsent;
    this.unsent = [];
    if (events.length > 0) this.broadcast(events);
    const replies = this.afterSending;
    this.afterSending = [];
    for (const then of replies) then();
  }

  private broadcast(events: readonly EventEnvelope<SessionEvent>[]): void {
    // One view a kind of viewer, its text built once from each event's line (whole or sealed),
    // however many people share it.
    const cache = new Map<string, ServerMessage>();
    const lines = new Map<EventEnvelope<SessionEvent>, { whole: string; sealed?: string }>();
    const lineOf = (e: EventEnvelope<SessionEvent>, v: Viewer): string => {
      let l = lines.get(e);
      if (!l) {
        l = { whole: envelopeLine(e) };
        lines.set(e, l);
      }
      if (canSee(e, v)) return l.whole;
      l.sealed ??= JSON.stringify(viewOfEvent(e, v));
      return l.sealed;
    };
    for (const client of this.clients) {
      const v = client.viewer;
      const key = v.kind === 'team' ? `team:${v.team}` : v.kind;
      let message = cache.get(key);
      if (!message) {
        const withState = events.some((e) => NEEDS_STATE.has(e.type) && canSee(e, v));
        const state = withState ? playerState(this.state, v) : undefined;
        const built: ServerMessage = { type: 'events', events: events.map((e) => viewOfEvent(e, v)), ...(state ? { state } : {}) };
        const text = `{"type":"events","events":[${events.map((e) => lineOf(e, v)).join(',')}]${state ? `,"state":${JSON.stringify(state)}` : ''}}`;
        message = withText(built, text);
        cache.set(key, message);
      }
      client.send(message);
    }
  }


  private setTimer(timer: TimerState): void {
    this.store.setTimer(this.id, timer);
    this.useTimer(timer);
  }

  /** Runs a clock already stored, and tells everyone. */
  private useTimer(timer: TimerState): void {
    this.timer = timer;
    this.armTimer();
    const view = this.timerView();
    for (const client of this.clients) client.send({ type: 'timer', timer: view });
  }

  private armTimer(): void {
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
    const t = this.timer;
    if (t.kind !== 'running') return;
    // A deadline that passed while the server was down closes the round as soon as it is back.
    const wait = Math.max(0, t.deadline - this.now());
    this.timeout = setTimeout(() => {
      const now = this.timer;
      if (now.kind === 'running' && now.deadline <= this.now()) this.closeRound('timer');
      else this.armTimer();
    }, Math.min(wait, 2 ** 31 - 1));
  }
}
