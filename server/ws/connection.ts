import type { Rejection } from '../../engine/core/decider.ts';
import type { Actor } from '../../engine/core/envelope.ts';
import { describeRejection } from '../../engine/i18n/describe.ts';
import { isLocale, type Locale } from '../../engine/i18n/locale.ts';
import type { SessionCommand } from '../../engine/session/commands.ts';
import type { Viewer } from '../../engine/session/playerView.ts';
import { clientMessage, MAX_MESSAGE_BYTES, type ClientMessage, type ServerMessage } from '../../engine/protocol/messages.ts';
import { KeyedRateLimit, RateLimit } from '../security/rateLimit.ts';
import type { Client, LiveSession } from '../session/liveSession.ts';
import { bytesOf } from '../session/wireText.ts';
import type { SessionRegistry } from '../session/registry.ts';
import type { TokenRow } from '../store/sessionStore.ts';

/** The socket as the connection needs it (ws's WebSocket in the server, a fake in tests). */
export interface Socket {
  /** Sends UTF-8 bytes as a text frame (ws's WebSocket with `{ binary: false }`). */
  send(data: Buffer, options: { readonly binary: false }): void;
  close(code?: number, reason?: string): void;
  readonly bufferedAmount: number;
}

export interface Limits {
  readonly messagesPerSecond: number;
  readonly burst: number;
  /**
   * Shared by every connection, by address: wrong join codes (a room behind one NAT joins at
   * once, so only failures count: that is what guessing a code looks like) and session creations.
   */
  readonly joins: KeyedRateLimit;
  readonly creations: KeyedRateLimit;
}

export function defaultLimits(): Limits {
  return { messagesPerSecond: 20, burst: 60, joins: new KeyedRateLimit(10, 10 / 60), creations: new KeyedRateLimit(5, 5 / 60) };
}

/**
 * Deepest nesting of arrays and objects a message may have (decisions, the deepest real message,
 * have five levels). Deeper input never reaches the engine: its checks and JSON.stringify recurse,
 * and a stack overflow there costs the session a reload from the store.
 */
export const MAX_NESTING = 32;

const TEXT_FRAME = { binary: false } as const;

/** A client that keeps overrunning its limits is cut off after this many refusals in a row. */
const MAX_REFUSALS_IN_A_ROW = 200;
/** A reader this far behind is too slow to keep: it reconnects and catches up from its seq. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type Bound = { readonly session: LiveSession; readonly token: TokenRow; readonly client: Client };


/**
 * One WebSocket: checks every message (size, rate, JSON, shape), binds to a session with a
 * token, and turns messages into session commands for the token's role only. Every message
 * gets exactly one answer; nothing a client sends can throw out of here.
 */
export class Connection {
  private bound: Bound | null = null;
  private locale: Locale = 'en';
  private readonly rate: RateLimit;
  private refusalsInARow = 0;

  constructor(
    private readonly socket: Socket,
    private readonly address: string,
    private readonly registry: SessionRegistry,
    private readonly limits: Limits,
    private readonly now: () => number = Date.now,
  ) {
    this.rate = new RateLimit(limits.burst, limits.messagesPerSecond, now());
  }

  /** A frame's payload: ws hands text frames over as their (already UTF-8-checked) bytes. */
  receive(data: string | Buffer): void {
    try {
      this.dispatch(data);
    } catch {
      this.refuse(null, { kind: 'rejected', code: 'server.internal' });
    }
  }

  closed(): void {
    if (this.bound) this.bound.session.clients.delete(this.bound.client);
    this.bound = null;
  }

  private send(message: ServerMessage): void {
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.close(1008, 'too slow');
      return;
    }
    // A message broadcast to many clients is serialised and encoded once (see wireText.ts).
    this.socket.send(bytesOf(message), TEXT_FRAME);
  }

  private refuse(id: string | null, rejection: Rejection): void {
    this.refusalsInARow++;
    this.send({
      type: 'refused',
      id,
      code: rejection.code,
      message: describeRejection(rejection, this.locale),
      ...(rejection.path ? { path: rejection.path } : {}),
      ...(rejection.params ? { params: rejection.params } : {}),
    });
    if (this.refusalsInARow >= MAX_REFUSALS_IN_A_ROW) this.socket.close(1008, 'too many refused messages');
  }

  private dispatch(data: string | Buffer): void {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (!this.rate.take(this.now())) return this.refuse(null, rejection('protocol.rate', { perSecond: this.limits.messagesPerSecond }));
    if (bytes > MAX_MESSAGE_BYTES) return this.refuse(null, rejection('protocol.too-large', { bytes, max: MAX_MESSAGE_BYTES }));
    let raw: unknown;
    try {
      raw = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
    } catch (error) {
      return this.refuse(null, rejection('protocol.not-json', { detail: (error as Error).message.slice(0, 120) }));
    }
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' && rawId.length <= 64 ? rawId : null;
    if (nestedDeeperThan(raw, MAX_NESTING)) {
      return this.refuse(id, rejection('protocol.bad-message', { path: '$', detail: `nested deeper than ${MAX_NESTING} levels` }, '$'));
    }
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String).join('.') || '$';
      return this.refuse(id, rejection('protocol.bad-message', { path, detail: issue.message.slice(0, 160) }, path));
    }
    const m = parsed.data;
    if ('locale' in m && m.locale && isLocale(m.locale)) this.locale = m.locale;
    this.refusalsInARow = 0;
    switch (m.type) {
      case 'hello':
        return this.hello(m);
      case 'create':
        return this.create(m);
      case 'join':
        return this.join(m);
      case 'command':
        return this.command(m);
      case 'timer':
        return this.timer(m);
      case 'sync':
        return this.sync(m);
    }
  }

  private hello(m: Extract<ClientMessage, { type: 'hello' }>): void {
    if (this.bound) return this.refuse(m.id, rejection('protocol.already-hello'));
    const token = this.registry.authenticate(m.token);
    const session = token && this.registry.get(token.session);
    if (!token || !session) return this.refuse(m.id, rejection('protocol.bad-token'));
    const viewer: Viewer = token.role === 'team' ? { kind: 'team', team: token.team } : { kind: token.role };
    const client: Client = { viewer, send: (message) => this.send(message) };
    // Nobody is shown an event before it is stored.
    if (!session.settle()) return this.refuse(m.id, rejection('server.store-failed'));
    const after = Math.min(m.after ?? 0, session.log.lastSeq);
    const { events, state } = session.viewFor(viewer, after);
    this.bound = { session, token, client };
    session.clients.add(client);
    this.send({
      type: 'welcome',
      id: m.id,
      session: session.id,
      role: token.role,
      team: token.team,
      member: token.member,
      joinCode: token.role === 'facilitator' ? session.row.joinCode : '',
      roundSeconds: session.row.settings.roundSeconds,
      header: session.log.header,
      headerHash: session.log.headerHash,
      events,
      state,
      timer: session.timerView(),
    });
  }

  private create(m: Extract<ClientMessage, { type: 'create' }>): void {
    if (!this.limits.creations.take(this.address, this.now())) return this.refuse(m.id, rejection('server.create-rate'));
    const r = this.registry.create(m);
    if (!r.ok) return this.refuse(m.id, r.rejection);
    this.send({ type: 'created', id: m.id, session: r.session, joinCode: r.joinCode, facilitatorToken: r.facilitatorToken, observerToken: r.observerToken });
  }

  private join(m: Extract<ClientMessage, { type: 'join' }>): void {
    // Once an address has guessed wrong too often, even the right code waits.
    if (!this.limits.joins.allows(this.address, this.now())) return this.refuse(m.id, rejection('server.join-rate'));
    const r = this.registry.join(m);
    if (!r.ok) {
      if (r.rejection.code === 'server.bad-code') this.limits.joins.take(this.address, this.now());
      return this.refuse(m.id, r.rejection);
    }
    this.send({ type: 'joined', id: m.id, session: r.session, team: r.team, token: r.token });
  }

  private command(m: Extract<ClientMessage, { type: 'command' }>): void {
    const b = this.bound;
    if (!b) return this.refuse(m.id, rejection('protocol.hello-first'));
    const { token, session } = b;
    if (token.role === 'observer') return this.refuse(m.id, rejection('protocol.observer'));
    const c = m.command;
    let command: SessionCommand;
    let actor: Actor;
    if (token.role === 'team') {
      actor = { kind: 'team', id: token.team };
      // The team comes from the token; a different one in the message is refused by the session's own rule.
      const team = 'team' in c && c.team !== undefined ? c.team : token.team;
      if (c.type === 'SubmitDecisions') command = { type: 'SubmitDecisions', team, decisions: c.decisions as never, member: token.member };
      else if (c.type === 'StartNegotiation') command = { type: 'StartNegotiation', team, account: c.account };
      else if (c.type === 'NegotiationMove') command = { type: 'NegotiationMove', team, account: c.account, move: c.move as never };
      else return this.refuse(m.id, rejection('protocol.not-facilitator'));
    } else {
      actor = { kind: 'facilitator', id: 'facilitator' };
      command = c as SessionCommand;
    }
    const result = session.handle(actor, `${token.id}:${m.id}`, command, m.expectedSeq);
    if (result.kind === 'refused') return this.refuse(m.id, result.rejection);
    session.afterCommit((committed) => {
      if (committed) this.send({ type: 'ack', id: m.id, seq: result.seq, duplicate: result.duplicate });
      else this.refuse(m.id, rejection('server.store-failed'));
    });
  }

  private timer(m: Extract<ClientMessage, { type: 'timer' }>): void {
    const b = this.bound;
    if (!b) return this.refuse(m.id, rejection('protocol.hello-first'));
    if (b.token.role !== 'facilitator') return this.refuse(m.id, rejection('protocol.not-facilitator'));
    const problem = b.session.controlTimer(m.action, m.seconds);
    if (problem) return this.refuse(m.id, rejection(problem));
    this.send({ type: 'ack', id: m.id, seq: b.session.log.lastSeq, duplicate: false });
  }

  private sync(m: Extract<ClientMessage, { type: 'sync' }>): void {
    const b = this.bound;
    if (!b) return this.refuse(m.id, rejection('protocol.hello-first'));
    if (!b.session.settle()) return this.refuse(m.id, rejection('server.store-failed'));
    const { events, state } = b.session.viewFor(b.client.viewer, Math.min(m.after, b.session.log.lastSeq));
    this.send({ type: 'events', events, state });
    this.send({ type: 'ack', id: m.id, seq: b.session.log.lastSeq, duplicate: false });
  }
}

/** Whether arrays and objects nest more than `limit` levels in `value` (walked without recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function rejection(code: string, params?: Record<string, string | number>, path?: string): Rejection {
  return { kind: 'rejected', code, ...(params ? { params } : {}), ...(path ? { path } : {}) };
}
