/**
 * The browser's line to the session server: a SessionClient on the page's own host, and the
 * server's refusals in the reader's language.
 */
import { describeRejection } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import { messages as engineMessages } from '../../engine/i18n/catalog.ts';
import { SessionClient, type Answer, type SocketLike } from '../net/sessionClient.ts';

export function openClient(): SessionClient {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return new SessionClient(`${scheme}//${location.host}/ws`, (url) => new WebSocket(url) as unknown as SocketLike);
}

export type Refusal = Extract<Answer, { type: 'refused' }>;

export function isRefusal(answer: Answer): answer is Refusal {
  return answer.type === 'refused';
}

/** A refusal in the page's language (the engine's catalog knows every code the server sends); the server's own text otherwise. */
export function refusalText(refusal: Refusal, locale: Locale): string {
  if (refusal.code in engineMessages.en) return describeRejection({ kind: 'rejected', code: refusal.code, ...(refusal.path ? { path: refusal.path } : {}), ...(refusal.params ? { params: refusal.params } : {}) }, locale);
  return refusal.message;
}

/**
 * Connects, then says hello with the token. (The client's `enter` on a socket that is not open
 * yet would greet twice: once on opening, because it already holds the token, and once more.)
 * While the server cannot be reached, this waits for the client's own reconnecting to succeed.
 */
export async function enterSession(client: SessionClient, token: string): Promise<Answer> {
  await client.connect();
  if (client.status !== 'online') {
    await new Promise<void>((resolve) => {
      const off = client.subscribe(() => {
        if (client.status !== 'online') return;
        off();
        resolve();
      });
    });
  }
  return client.enter(token);
}
