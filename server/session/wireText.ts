import type { ServerMessage } from '../../engine/protocol/messages.ts';

/**
 * The JSON text of a message sent to many clients, made once, and its UTF-8 bytes, encoded once:
 * a round's broadcast goes to every connection of the session, and a socket given a string
 * encodes it again for each one. A session that already holds the text of its parts (each
 * event's canonical line) registers the message's text when it builds it.
 */
const texts = new WeakMap<ServerMessage, string>();
const bytes = new WeakMap<ServerMessage, Buffer>();

export function withText<M extends ServerMessage>(message: M, text: string): M {
  texts.set(message, text);
  return message;
}

/** The message as the bytes of a WebSocket text frame. */
export function bytesOf(message: ServerMessage): Buffer {
  let b = bytes.get(message);
  if (b === undefined) {
    b = Buffer.from(textOf(message), 'utf8');
    bytes.set(message, b);
  }
  return b;
}

export function textOf(message: ServerMessage): string {
  let text = texts.get(message);
  if (text === undefined) {
    text = JSON.stringify(message);
    texts.set(message, text);
  }
  return text;
}
