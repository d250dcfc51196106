import { CanonicalJsonError, canonicalJson, MAX_DEPTH } from './canonicalJson.ts';
import { ACTOR_KINDS, ENVELOPE_KEYS, type EventEnvelope } from './envelope.ts';
import { checkVersion, type EventCatalog } from './eventCatalog.ts';
import { HASH_PATTERN, sha256Hex } from './hash.ts';
import { headerHash, LOG_FORMAT, LOG_FORMAT_VERSION, seedCommitment, type LogHeader } from './header.ts';
import { LineTooLongError, splitLines } from './jsonl.ts';

export type LogProblemCode =
  | 'empty'
  | 'blank-line'
  | 'line-too-long'
  | 'malformed-json'
  | 'not-canonical'
  | 'bad-header'
  | 'unsupported-format'
  | 'seed-mismatch'
  | 'bad-event'
  | 'seq-gap'
  | 'seq-repeat'
  | 'broken-chain'
  | 'header-mismatch'
  | 'hash-mismatch'
  | 'unknown-type'
  | 'unknown-version'
  | 'missing-upcaster'
  | 'rejected-by-engine'
  | 'other-engine'
  | 'missing-trailer'
  | 'bad-trailer'
  | 'trailer-mismatch'
  | 'after-trailer';

/**
 * The first thing wrong with a log. `seq` is the position where the problem shows: 0 for the
 * header, the seq the event on that line should have had, or count + 1 for the trailer.
 */
export interface LogProblem {
  readonly code: LogProblemCode;
  readonly line: number;
  readonly seq: number;
  /** Figures for the message (found seq, versions, counts). */
  readonly params?: Readonly<Record<string, string | number>>;
  /** Technical text from a parser or a shape check, shown as-is. */
  readonly detail?: string;
}

export type VerifyResult =
  | {
      readonly ok: true;
      readonly header: LogHeader;
      readonly headerHash: string;
      readonly count: number;
      readonly head: string;
      readonly trailer: boolean;
    }
  | { readonly ok: false; readonly problem: LogProblem };

export interface VerifyOptions {
  /** Exported files end with a trailer; a live log being tailed does not. Default true. */
  readonly requireTrailer?: boolean;
  /**
   * Given the header, returns a check run on each event that passed the chain checks, e.g. one
   * that folds the log and compares recomputed state hashes; it returns a reason to refuse.
   */
  readonly checkerFor?: (header: LogHeader) => EventChecker | null;
  /**
   * `strict` (the default, for `replay verify` and the log checker): every line must also be in
   * canonical form. `bytes` (for opening a log to use it): a line stands when its bytes hash to
   * its hash, which binds every byte of it, so nothing can be edited, dropped or reordered
   * unseen either way; re-serialising each line to prove its form would cost nearly as much as
   * parsing it again. Canonical form is then looked at only to explain a hash that does not
   * match (a file reformatted by another tool is told as such).
   */
  readonly form?: 'strict' | 'bytes';
}

export type EventChecker = (event: EventEnvelope) => string | CheckerProblem | null;

/** A checker's refusal with a code of its own (e.g. a log from a release whose model this one does not re-run). */
export interface CheckerProblem {
  readonly code: LogProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isHash = (v: unknown): boolean => isString(v) && HASH_PATTERN.test(v);
const isNat = (v: unknown, min: number): boolean => Number.isSafeInteger(v) && (v as number) >= min;

function headerShapeProblem(h: Record<string, unknown>): string | null {
  const allowed = ['createdAt', 'engineVersion', 'format', 'formatVersion', 'parent', 'scenario', 'seed', 'seedCommitment'];
  const extra = Object.keys(h).find((k) => !allowed.includes(k));
  if (extra) return `unexpected field "${extra}"`;
  if (h.format !== LOG_FORMAT) return `format must be "${LOG_FORMAT}"`;
  if (!isNat(h.formatVersion, 1)) return 'formatVersion must be a positive integer';
  if (!isString(h.engineVersion)) return 'engineVersion must be a string';
  if (!isRecord(h.scenario) || !isString(h.scenario.id) || !isString(h.scenario.hash)) {
    return 'scenario must be { id, hash } strings';
  }
  if (!isHash(h.seedCommitment)) return 'seedCommitment must be a sha256 hex string';
  if (h.seed !== undefined && !isString(h.seed)) return 'seed must be a string';
  if (!isString(h.createdAt)) return 'createdAt must be a string';
  if (h.parent !== undefined) {
    const p = h.parent;
    if (!isRecord(p) || !isHash(p.headHash) || !isNat(p.headSeq, 0) || !isNat(p.forkRound, 0)) {
      return 'parent must be { headHash, headSeq, forkRound }';
    }
  }
  return null;
}

function eventShapeProblem(e: Record<string, unknown>): string | null {
  const keys = Object.keys(e);
  const extra = keys.find((k) => !(ENVELOPE_KEYS as readonly string[]).includes(k));
  if (extra) return `unexpected field "${extra}"`;
  const missing = ENVELOPE_KEYS.find((k) => !Object.hasOwn(e, k));
  if (missing) return `missing field "${missing}"`;
  if (!isNat(e.seq, 1)) return 'seq must be a positive integer';
  if (!isString(e.type) || e.type.length === 0) return 'type must be a non-empty string';
  if (!isNat(e.v, 1)) return 'v must be a positive integer';
  if (!isNat(e.round, 0)) return 'round must be a non-negative integer';
  const actor = e.actor;
  if (!isRecord(actor) || !ACTOR_KINDS.includes(actor.kind as never) || !isString(actor.id) || Object.keys(actor).length !== 2) {
    return `actor must be { kind: ${ACTOR_KINDS.join(' | ')}, id }`;
  }
  if (!isString(e.ts)) return 'ts must be a string';
  if (!isString(e.cmd) || e.cmd.length === 0) return 'cmd must be a non-empty string';
  if (!isHash(e.prevHash)) return 'prevHash must be a sha256 hex string';
  if (!isHash(e.hash)) return 'hash must be a sha256 hex string';
  return null;
}

/**
 * The quick proof that a parsed line was canonical JSON: JSON.stringify writes keys in the order
 * the line had them, so if it gives back the line and every object's keys are in sorted order,
 * canonicalJson would have written the same bytes. When it does not hold (a line with keys out
 * of order, or integer-like keys, which JavaScript reorders), the full check decides.
 */
/** Why `text` is not the canonical form of `value` (its parse): null when it is, '' when it just differs. */
function canonicalProblem(value: unknown, text: string): string | null {
  if (isCanonicalText(value, text)) return null;
  try {
    return canonicalJson(value) === text ? null : '';
  } catch (error) {
    return error instanceof CanonicalJsonError ? error.message : String(error);
  }
}

export function isCanonicalText(value: unknown, text: string): boolean {
  return (typeof value !== 'object' || value === null || keysSorted(value, 0)) && JSON.stringify(value) === text;
}

/**
 * Whether every object's keys, as JavaScript enumerates them, are in strictly sorted order.
 * Only objects are visited (a log line is mostly numbers): this walk is part of opening every
 * log, so it stays lean.
 */
function keysSorted(value: object, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null && !keysSorted(item, depth + 1)) return false;
    }
    return true;
  }
  let previous = '';
  let first = true;
  for (const key in value) {
    if (!first && !(previous < key)) return false;
    first = false;
    previous = key;
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && !keysSorted(item, depth + 1)) return false;
  }
  return true;
}

/**
 * The hash an event line should carry: the hash of the line with its `hash` member cut out,
 * which is what the writer hashed when the line is canonical (keys sorted, so `hash` comes right
 * after `cmd`, and neither `actor`, two fixed keys, nor the `cmd` string, its quotes escaped, can
 * hold the text cut out before it). Cutting is far cheaper than serialising the event again. On
 * a line not known to be canonical it still binds every byte: the part cut out is the hash itself.
 */
function hashOfLine(text: string, hash: string): string {
  const member = `,"hash":"${hash}"`;
  const at = text.indexOf(member);
  return at < 0 ? '' : sha256Hex(text.slice(0, at) + text.slice(at + member.length));
}

/**
 * Checks a log one line at a time, so a file of any size is verified in constant memory.
 * Stops at the first problem and names it.
 */
export class LogVerifier {
  header: LogHeader | null = null;
  headerHash = '';
  lastSeq = 0;
  headHash = '';
  problem: LogProblem | null = null;
  private lineNo = 0;
  private trailerSeen = false;
  private catalog: EventCatalog = {};
  private checker: EventChecker | null = null;

  /**
   * `catalog` may depend on the header (which aggregate wrote the log); a function returning a
   * string refuses the header with that reason.
   */
  constructor(
    private readonly catalogFor: EventCatalog | ((header: LogHeader) => EventCatalog | string),
    private readonly options: VerifyOptions = {},
  ) {}

  /** Feeds the next line; returns the event it held once it passed every check. */
  line(text: string): EventEnvelope | null {
    if (this.problem) return null;
    this.lineNo++;
    const seqHere = this.header ? this.lastSeq + 1 : 0;
    const fail = (code: LogProblemCode, detail?: string, seq = seqHere, params?: LogProblem['params']): null => {
      this.problem = {
        code,
        line: this.lineNo,
        seq,
        ...(detail !== undefined ? { detail } : {}),
        ...(params ? { params } : {}),
      };
      return null;
    };
    if (this.trailerSeen) return fail('after-trailer', undefined, this.lastSeq + 1);
    if (text.length === 0) return fail('blank-line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail('malformed-json', (error as Error).message);
    }
    const strict = this.options.form !== 'bytes';
    if (strict) {
      const problem = canonicalProblem(value, text);
      if (problem !== null) return fail('not-canonical', problem || undefined);
    }
    if (!isRecord(value)) return fail(this.header ? 'bad-event' : 'bad-header', 'not a JSON object');

    if (!this.header) return this.readHeader(value, fail);
    if (Object.keys(value).length === 1 && Object.hasOwn(value, 'trailer')) return this.readTrailer(value, fail);

    const shape = eventShapeProblem(value);
    if (shape) return fail('bad-event', shape);
    const event = value as unknown as EventEnvelope;
    if (event.seq < seqHere) return fail('seq-repeat', undefined, seqHere, { found: event.seq });
    if (event.seq > seqHere) return fail('seq-gap', undefined, seqHere, { found: event.seq });
    if (hashOfLine(text, event.hash) !== event.hash) {
      const problem = strict ? null : canonicalProblem(value, text);
      return problem === null ? fail('hash-mismatch') : fail('not-canonical', problem || undefined);
    }
    if (event.prevHash !== this.headHash) {
      // Event 1 is intact but does not hang off this header: the header is what changed.
      return seqHere === 1 ? fail('header-mismatch', undefined, 0) : fail('broken-chain');
    }
    const versionProblem = checkVersion(this.catalog, event.type, event.v);
    if (versionProblem) {
      const current = versionProblem.code === 'unknown-version' ? versionProblem.current : 0;
      return fail(versionProblem.code, undefined, seqHere, { type: event.type, v: event.v, current });
    }
    let refused: string | CheckerProblem | null;
    try {
      refused = this.checker?.(event) ?? null;
    } catch (error) {
      refused = (error as Error).message;
    }
    if (typeof refused === 'string') return fail('rejected-by-engine', refused);
    if (refused !== null) return fail(refused.code, undefined, seqHere, refused.params);
    this.lastSeq = event.seq;
    this.headHash = event.hash;
    return event;
  }

  /** Call after the last line. */
  finish(): VerifyResult {
    if (this.problem) return { ok: false, problem: this.problem };
    if (!this.header) return { ok: false, problem: { code: 'empty', line: this.lineNo, seq: 0 } };
    if (!this.trailerSeen && (this.options.requireTrailer ?? true)) {
      return {
        ok: false,
        problem: {
          code: 'missing-trailer',
          line: this.lineNo + 1,
          seq: this.lastSeq + 1,
        },
      };
    }
    return {
      ok: true,
      header: this.header,
      headerHash: this.headerHash,
      count: this.lastSeq,
      head: this.headHash,
      trailer: this.trailerSeen,
    };
  }

  /** Records a problem found outside the line checks (an unreadable stream). */
  abort(code: LogProblemCode, detail?: string): void {
    if (this.problem) return;
    this.problem = { code, line: this.lineNo + 1, seq: this.header ? this.lastSeq + 1 : 0, ...(detail ? { detail } : {}) };
  }

  private readHeader(value: Record<string, unknown>, fail: (code: LogProblemCode, detail?: string, seq?: number, params?: LogProblem['params']) => null): null {
    const shape = headerShapeProblem(value);
    if (shape) {
      const looksLikeEvent = Object.hasOwn(value, 'seq');
      return fail('bad-header', looksLikeEvent ? 'the first line is an event, not a log header' : shape);
    }
    const header = value as unknown as LogHeader;
    if (header.formatVersion > LOG_FORMAT_VERSION) {
      return fail('unsupported-format', undefined, 0, { found: header.formatVersion, current: LOG_FORMAT_VERSION });
    }
    if (header.seed !== undefined && seedCommitment(header.seed) !== header.seedCommitment) {
      return fail('seed-mismatch');
    }
    const catalog = typeof this.catalogFor === 'function' ? this.catalogFor(header) : this.catalogFor;
    if (typeof catalog === 'string') return fail('bad-header', catalog);
    this.catalog = catalog;
    this.checker = this.options.checkerFor?.(header) ?? null;
    this.header = header;
    this.headerHash = headerHash(header);
    this.headHash = this.headerHash;
    return null;
  }

  private readTrailer(value: Record<string, unknown>, fail: (code: LogProblemCode, detail?: string, seq?: number, params?: LogProblem['params']) => null): null {
    const t = value.trailer;
    if (!isRecord(t) || !isNat(t.count, 0) || !isString(t.head) || Object.keys(t).length !== 2) {
      return fail('bad-trailer');
    }
    const head = this.lastSeq === 0 ? '' : this.headHash;
    if (t.count !== this.lastSeq || t.head !== head) {
      return fail('trailer-mismatch', undefined, this.lastSeq + 1, { count: String(t.count), actual: this.lastSeq });
    }
    this.trailerSeen = true;
    return null;
  }
}

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Verifies a whole log from a stream of chunks (a file, a fetch body, a string). */
export async function verifyLog(chunks: Chunks, catalog: ConstructorParameters<typeof LogVerifier>[0], options: VerifyOptions = {}): Promise<VerifyResult> {
  const verifier = new LogVerifier(catalog, options);
  await feed(verifier, chunks, () => undefined);
  return verifier.finish();
}

export type ReadLogResult =
  | (Extract<VerifyResult, { ok: true }> & { readonly events: readonly EventEnvelope[] })
  | Extract<VerifyResult, { ok: false }>;

/** Verifies a log and keeps its events, for opening it. */
export async function readLog(chunks: Chunks, catalog: ConstructorParameters<typeof LogVerifier>[0], options: VerifyOptions = {}): Promise<ReadLogResult> {
  const verifier = new LogVerifier(catalog, options);
  const events: EventEnvelope[] = [];
  await feed(verifier, chunks, (e) => events.push(e));
  const result = verifier.finish();
  return result.ok ? { ...result, events } : result;
}

async function feed(verifier: LogVerifier, chunks: Chunks, keep: (e: EventEnvelope) => unknown): Promise<void> {
  try {
    for await (const line of splitLines(chunks)) {
      const event = verifier.line(line);
      if (event) keep(event);
      if (verifier.problem) return;
    }
  } catch (error) {
    if (error instanceof LineTooLongError) verifier.abort('line-too-long', error.message);
    else throw error;
  }
}
