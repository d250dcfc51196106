import type { SessionView } from '../../engine/session/sessionView.ts';
import { SessionView as View } from '../../engine/session/sessionView.ts';
import type { ClientCommand, ClientMessage, ServerMessage, TimerView } from '../../engine/protocol/messages.ts';

/** The part of the WebSocket API the client uses: the browser's, or ws's in Node. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export type Answer = Extract<ServerMessage, { id: string | null }>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Who this connection is in its session, as the welcome said. */
export type Identity = Pick<Extract<ServerMessage, { type: 'welcome' }>, 'session' | 'role' | 'team' | 'member' | 'joinCode' | 'roundSeconds'>;

type Outgoing = DistributiveOmit<ClientMessage, 'id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * One browser's (or one scripted client's) line to the session server. It keeps the session's
 * log as this client may see it (SessionView: chain checked, folded with the engine), resends
 * what was not acknowledged after a dropped connection (command ids make that safe), and on
 * reconnecting asks only for the events after the last seq it holds.
 */
export class SessionClient {
  private socket: SocketLike | null = null;
  private nextId = 1;
  private readonly waiting = new Map<string, { message: ClientMessage; resolve: (a: Answer) => void }>();
  private token = '';
  private wanted = false;
  private retryMs = 250;
  view: SessionView | null = null;
  identity: Identity | null = null;
  timer: TimerView = { kind: 'off' };
  status: ConnectionStatus = 'offline';
  /** The last problem found in what the host sent (a broken chain, a gap); the client resyncs after it. */
  problem = '';
  private readonly listeners = new Set<() => void>();
  /** Callers of enter() waiting for the hello sent when the connection opens. */
  private readonly entering: ((a: Answer) => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly open: SocketFactory,
    private readonly prefix = `c${Math.floor(Math.random() * 1e9).toString(36)}`,
  ) {}

  /** Called after anything changes: the view, the timer, the connection. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects without a session (to create or join one). */
  connect(): Promise<void> {
    this.wanted = true;
    return this.dial();
  }

  /**
   * Binds to a session with a token; resolves with the welcome or the refusal. When not yet
   * connected, the hello the connection sends on opening is the one answered here.
   */
  enter(token: string): Promise<Answer> {
    this.token = token;
    if (this.socket && this.status === 'online') return this.send({ type: 'hello', token, after: this.view?.lastSeq ?? 0 });
    return new Promise((resolve) => {
      this.entering.push(resolve);
      if (!this.socket) void this.connect();
    });
  }

  send(message: Outgoing): Promise<Answer> {
    const id = `${this.prefix}-${this.nextId++}`;
    const full = { ...message, id } as ClientMessage;
    return new Promise((resolve) => {
      this.waiting.set(id, { message: full, resolve });
      this.transmit(full);
    });
  }

  command(command: ClientCommand, expectedSeq?: number): Promise<Answer> {
    return this.send({ type: 'command', command, ...(expectedSeq !== undefined ? { expectedSeq } : {}) });
  }

  close(): void {
    this.wanted = false;
    this.socket?.close();
    this.socket = null;
    this.setStatus('offline');
  }

  /** Drops the connection as a network failure would (tests); the client reconnects by itself. */
  dropForTest(): void {
    this.socket?.close();
  }

  private transmit(message: ClientMessage): void {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  private dial(): Promise<void> {
    this.setStatus('connecting');
    return new Promise((resolve) => {
      const socket = this.open(this.url);
      this.socket = socket;
      socket.onopen = () => {
        this.retryMs = 250;
        this.setStatus('online');
        resolve();
        if (this.token) {
          // Rebind first; everything unanswered goes again after the welcome.
          const hello = { type: 'hello' as const, id: `${this.prefix}-${this.nextId++}`, token: this.token, after: this.view?.lastSeq ?? 0 };
          this.waiting.set(hello.id, {
            message: hello,
            resolve: (answer) => {
              this.resendWaiting(hello.id);
              for (const waiter of this.entering.splice(0)) waiter(answer);
            },
          });
          socket.send(JSON.stringify(hello));
        } else this.resendWaiting('');
      };
      socket.onmessage = (ev) => this.receive(String(ev.data));
      socket.onerror = () => undefined;
      socket.onclose = () => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.setStatus('offline');
        resolve();
        if (this.wanted) setTimeout(() => void this.dial(), this.retryMs);
        this.retryMs = Math.min(5000, this.retryMs * 2);
      };
    });
  }

  private resendWaiting(except: string): void {
    for (const [id, w] of this.waiting) if (id !== except && w.message.type !== 'hello') this.transmit(w.message);
  }

  private receive(text: string): void {
    let m: ServerMessage;
    try {
      m = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    if (m.type === 'events') {
      this.take(m.events, m.state);
    } else if (m.type === 'timer') {
      this.timer = m.timer;
      this.emit();
    } else {
      if (m.type === 'welcome') this.welcome(m);
      const w = m.id === null ? undefined : this.waiting.get(m.id);
      if (w) {
        this.waiting.delete(m.id!);
        w.resolve(m as Answer);
      }
    }
  }

  private welcome(m: Extract<ServerMessage, { type: 'welcome' }>): void {
    this.identity = { session: m.session, role: m.role, team: m.team, member: m.member, joinCode: m.joinCode, roundSeconds: m.roundSeconds };
    this.timer = m.timer;
    if (this.view && this.view.headerHash === m.headerHash) this.take(m.events, m.state);
    else {
      const started = View.start(m.header, m.headerHash, m.events, m.state);
      if (typeof started === 'string') this.problem = started;
      else this.view = started;
    }
    this.emit();
  }

  private take(events: Parameters<SessionView['accept']>[0], state: Parameters<SessionView['accept']>[1]): void {
    if (!this.view) return;
    const problem = this.view.accept(events, state);
    if (problem) {
      this.problem = problem;
      // Ask again from what we hold; the host answers with the events after it and its view.
      void this.send({ type: 'sync', after: this.view.lastSeq });
    }
    this.emit();
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
