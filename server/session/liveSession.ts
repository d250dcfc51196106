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

/**
 * A running session: the only writer of its log. A command is decided, its events committed to
 * SQLite, and only then acknowledged and sent, as each client may see them, to everyone
 * connected. The round clock lives here too; when it runs out the session closes the round
 * itself (actor `system`).
 */
export class LiveSession {
  private aggregate: SessionAggregate;
  private timer: TimerState;
  private timeout: ReturnType<typeof setTimeout> | null = null;
  readonly clients = new Set<Client>();
  /** Committed events not yet sent to the clients, and what waits for them to be sent. */
  private unsent: EventEnvelope<SessionEvent>[] = [];
  private readonly afterSending: (() => void)[] = [];

  constructor(
    private readonly store: SessionStore,
    readonly row: SessionRow,
    private readonly now: () => number = Date.now,
  ) {
    this.aggregate = this.load();
    this.timer = row.timer;
    this.armTimer();
  }

  private load(): SessionAggregate {
    return Aggregate.restore(sessionDecider(this.row.seed), this.row.header, this.store.events(this.row.id)) as SessionAggregate;
  }

  get id(): string {
    return this.row.id;
  }

  get state(): SessionState {
    return this.aggregate.state;
  }

  get log(): SessionAggregate['log'] {
    return this.aggregate.log;
  }

  /** Decides, stores, acknowledges, broadcasts. Never throws on bad input; nothing changes on a refusal. */
  handle(actor: Actor, commandId: string, command: SessionCommand, expectedSeq?: number): CommandResult {
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
      // memory is the log ahead of the store and rebuilt from what was committed.
      if (this.aggregate.log.lastSeq !== before) this.aggregate = this.load();
      return { kind: 'refused', rejection: { kind: 'rejected', code: 'server.internal' } };
    }
    if (result.kind === 'conflict') {
      return { kind: 'refused', rejection: { kind: 'rejected', code: 'protocol.stale-seq', params: { expected: result.expectedSeq, actual: result.actualSeq } } };
    }
    if (result.kind === 'rejected') return { kind: 'refused', rejection: result.rejection };
    if (result.duplicate) return { kind: 'accepted', seq: result.events.at(-1)?.seq ?? this.aggregate.log.lastSeq, duplicate: true };
    if (result.events.length === 0) return { kind: 'accepted', seq: before, duplicate: false };
    // A round that opens starts its clock in the same transaction, so a crash cannot leave an
    // open round whose clock was never written.
    const timer = this.timerAfter(result.events);
    try {
      this.store.append(this.id, result.events, timer);
    } catch {
      this.aggregate = this.load();
      return { kind: 'refused', rejection: { kind: 'rejected', code: 'server.store-failed' } };
    }
    this.afterEvents(result.events, timer);
    return { kind: 'accepted', seq: result.events.at(-1)!.seq, duplicate: false };
  }

  /** The events after `after` and the state, as `viewer` may see them. */
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

  /**
   * Runs `then` once every event committed so far has been sent to the connected clients, so an
   * acknowledgement never overtakes the events it acknowledges.
   */
  whenSent(then: () => void): void {
    if (this.unsent.length > 0) this.afterSending.push(then);
    else then();
  }

  private afterEvents(events: readonly EventEnvelope<SessionEvent>[], timer: TimerState | undefined): void {
    // Events go out once per turn of the event loop, however many commands committed in it: under
    // a burst each client gets one message instead of one per command.
    if (this.unsent.length === 0) setImmediate(() => this.sendUnsent());
    this.unsent.push(...events);
    if (timer) this.useTimer(timer);
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
    for (const then of this.afterSending.splice(0)) then();
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
