import type { ServerMessage } from '../../engine/protocol/messages.ts';

/**
 * The JSON text of a message sent to many clients, made once. A session that already holds the
 * text of its parts (each event's canonical line) registers the message's text when it builds it.
 */
const texts = new WeakMap<ServerMessage, string>();

export function withText<M extends ServerMessage>(message: M, text: string): M {
  texts.set(message, text);
  return message;
}

export function textOf(message: ServerMessage): string {
  let text = texts.get(message);
  if (text === undefined) {
    text = JSON.stringify(message);
    texts.set(message, text);
  }
  return text;
}
