import { canonicalJson } from './canonicalJson.ts';
import { envelopeLine } from './chain.ts';
import type { EventEnvelope } from './envelope.ts';
import type { LogHeader } from './header.ts';

/** The last line of an exported log: without it a cut-off tail would look like a whole log. */
export interface LogTrailer {
  readonly trailer: { readonly count: number; readonly head: string };
}

/** Longest line we accept: far above any real event, low enough that hostile input cannot exhaust memory. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export class LineTooLongError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is longer than ${MAX_LINE_CHARS} characters`);
    this.name = 'LineTooLongError';
  }
}

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Splits a stream of text or UTF-8 bytes into lines without ever holding the whole file.
 * A trailing "\r" is dropped; the final newline is optional. Invalid UTF-8 becomes U+FFFD,
 * which the hash check then catches with the line it is on.
 */
export async function* splitLines(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let lineNo = 0;
  const emit = (raw: string): string => (raw.endsWith('\r') ? raw.slice(0, -1) : raw);
  for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl = pending.indexOf('\n', start);
    while (nl !== -1) {
      lineNo++;
      yield emit(pending.slice(start, nl));
      start = nl + 1;
      nl = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS) throw new LineTooLongError(lineNo + 1);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield emit(pending);
}

/** The lines of a log file, header first and (for exports) a trailer last; each without "\n". */
export function* logLines(
  header: LogHeader,
  events: Iterable<EventEnvelope>,
  options: { trailer?: boolean } = {},
): Generator<string> {
  yield canonicalJson(header);
  let count = 0;
  let head: string | null = null;
  for (const event of events) {
    count++;
    head = event.hash;
    yield envelopeLine(event);
  }
  if (options.trailer ?? true) {
    const trailer: LogTrailer = { trailer: { count, head: head ?? '' } };
    yield canonicalJson(trailer);
  }
}
