/**
 * Canonical JSON: the one byte form every hash in Shapan is taken over.
 * Keys sorted by UTF-16 code units, no whitespace, and only values that survive a JSON round
 * trip unchanged, so Node, Chromium and Firefox produce the same bytes for the same value.
 */

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'CanonicalJsonError';
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Deeper nesting than this is refused: it is never real data, and recursion must not overflow. */
export const MAX_DEPTH = 256;

/**
 * The keys and indices from the root to the value being written: kept as a stack and turned into
 * a JSON path only when something is refused, so a large value is not paid for in path strings.
 */
type PathStack = (string | number)[];

function pathText(stack: PathStack): string {
  let text = '$';
  for (const step of stack) text += typeof step === 'number' ? `[${step}]` : `.${step}`;
  return text;
}

function refuse(stack: PathStack, problem: string): never {
  throw new CanonicalJsonError(pathText(stack), problem);
}

/**
 * Keys written before, quoted: a log repeats the same few hundred keys in every event, and
 * quoting one costs a call into JSON.stringify. Bounded, so odd data cannot grow it for ever.
 */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;

function quoted(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, q);
  }
  return q;
}

// Built by concatenation, which V8 does without copying until the end: every event is written
// once to be hashed as it is appended, so this is on the path of every command a server takes.
function write(value: unknown, stack: PathStack): string {
  if (stack.length > MAX_DEPTH) refuse(stack, `nested deeper than ${MAX_DEPTH} levels`);
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) return refuse(stack, `${value} is not a finite number`);
      // -0 and 0 must hash alike; String, like JSON.stringify, prints both as "0".
      return String(value);
    case 'undefined':
      return refuse(stack, 'undefined is not allowed (omit the key instead)');
    case 'object':
      break;
    default:
      return refuse(stack, `a ${typeof value} cannot be stored in JSON`);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // Columns of numbers (long-tail customers) are most of a market's bytes: JSON.stringify
    // writes finite numbers exactly as the slow path would, so hand them over whole.
    if (isFiniteNumberArray(value)) return JSON.stringify(value);
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      stack.push(i);
      if (!(i in value)) refuse(stack, 'sparse arrays are not allowed');
      text += i > 0 ? `,${write(value[i], stack)}` : write(value[i], stack);
      stack.pop();
    }
    return `${text}]`;
  }
  if (!isPlainObject(value as object)) {
    const name = (value as object).constructor?.name ?? 'unknown';
    return refuse(stack, `a ${name} object is not plain data`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Objects the engine builds often have their keys in order already: checking is cheaper than sorting.
  for (let i = 1; i < keys.length; i++) {
    if (!(keys[i - 1]! < keys[i]!)) {
      keys.sort();
      break;
    }
  }
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    stack.push(key);
    text += `${i > 0 ? ',' : ''}${quoted(key)}:${write(record[key], stack)}`;
    stack.pop();
  }
  return `${text}}`;
}

function isFiniteNumberArray(value: unknown[]): boolean {
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  // A hole reads as undefined above, so a sparse array never gets here.
  return value.length > 0;
}

/** Serialises `value` canonically; throws CanonicalJsonError naming the offending path. */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}
