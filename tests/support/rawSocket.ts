import WebSocket from 'ws';
import type { ServerMessage } from '../../engine/protocol/messages.ts';
import type { SessionState } from '../../engine/session/state.ts';
import type { ViewEnvelope } from '../../engine/session/playerView.ts';

/** An answer to a client message: the server messages that carry the message's `id`. */
export type Answer = Extract<ServerMessage, { id: string | null }>;

const ANSWER_TYPES: ReadonlySet<string> = new Set(['welcome', 'created', 'joined', 'ack', 'refused']);

/**
 * A bare WebSocket to the session server, for tests that must send what no well-behaved client
 * would (any bytes, any frame, no waiting): it keeps every answer in the order it came, every
 * event pushed to it, and how the socket closed.
 */
export class RawSocket {
  readonly answers: Answer[] = [];
  readonly events: ViewEnvelope[] = [];
  /** The last state the server pushed with events (or sent in a welcome). */
  state: SessionState | null = null;
  closed: { code: number; reason: string } | null = null;
  /** Frames from the server that were not JSON (there should be none). */
  readonly garbage: string[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      let m: ServerMessage;
      try {
        m = JSON.parse(text) as ServerMessage;
      } catch {
        this.garbage.push(text);
        return this.emit();
      }
      if (ANSWER_TYPES.has(m.type)) this.answers.push(m as Answer);
      if (m.type === 'events') {
        this.events.push(...m.events);
        if (m.state) this.state = m.state;
      }
      if (m.type === 'welcome') {
        this.events.push(...m.events);
        this.state = m.state;
      }
      this.emit();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.emit();
    });
    ws.on('error', () => undefined);
  }

  static open(url: string, ms = 10_000): Promise<RawSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { maxPayload: 64 * 1024 * 1024 });
      const socket = new RawSocket(ws);
      const timer = setTimeout(() => reject(new Error(`no connection to ${url}`)), ms);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Called after every frame from the server and on close; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a frame as it is: text (a string, or bytes sent as a text frame) or binary. */
  sendRaw(data: string | Uint8Array, binary = typeof data !== 'string'): void {
    this.ws.send(data, { binary });
  }

  send(message: object): void {
    this.sendRaw(JSON.stringify(message));
  }

  /** Sends a message with an `id` and waits for the answer carrying that id. */
  async request(message: { readonly id: string } & Record<string, unknown>, ms = 10_000): Promise<Answer> {
    const from = this.answers.length;
    this.send(message);
    const found = () => this.answers.slice(from).find((a) => a.id === message.id);
    await this.until(() => found() !== undefined, ms, `an answer to ${message.id}`);
    return found()!;
  }

  /** Waits until `check` holds; fails when the socket closes first or after `ms`. */
  until(check: () => boolean, ms = 10_000, what = 'a condition'): Promise<void> {
    if (check()) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error(`socket closed (${this.closed.code} ${this.closed.reason}) before ${what}`));
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}`)), ms);
      const listener = () => {
        if (check()) done();
        else if (this.closed) done(new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting for ${what}`));
      };
      this.listeners.add(listener);
    });
  }

  /** Waits for the socket to close (the server closed it, or `close` was called). */
  whenClosed(ms = 10_000): Promise<{ code: number; reason: string }> {
    return new Promise((resolve, reject) => {
      if (this.closed) return resolve(this.closed);
      const timer = setTimeout(() => reject(new Error('socket did not close')), ms);
      this.ws.once('close', (code, reason) => {
        clearTimeout(timer);
        resolve({ code, reason: reason.toString() });
      });
    });
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** A hello on a fresh socket; resolves with the socket once welcomed, fails on any other answer. */
export async function helloSocket(wsUrl: string, token: string, id = 'hello'): Promise<RawSocket> {
  const socket = await RawSocket.open(wsUrl);
  const answer = await socket.request({ type: 'hello', id, token });
  if (answer.type !== 'welcome') {
    socket.close();
    throw new Error(`hello refused: ${JSON.stringify(answer)}`);
  }
  return socket;
}
