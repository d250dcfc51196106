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

function write(value: unknown, stack: PathStack, out: string[]): void {
  if (stack.length > MAX_DEPTH) refuse(stack, `nested deeper than ${MAX_DEPTH} levels`);
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) return refuse(stack, `${value} is not a finite number`);
      // -0 and 0 must hash alike; JSON.stringify already prints both as "0".
      out.push(JSON.stringify(value));
      return;
    case 'undefined':
      return refuse(stack, 'undefined is not allowed (omit the key instead)');
    case 'object':
      break;
    default:
      return refuse(stack, `a ${typeof value} cannot be stored in JSON`);
  }
  if (value === null) {
    out.push('null');
    return;
  }
  if (Array.isArray(value)) {
    // Columns of numbers (long-tail customers) are most of a market's bytes: JSON.stringify
    // writes finite numbers exactly as the slow path would, so hand them over whole.
    if (isFiniteNumberArray(value)) {
      out.push(JSON.stringify(value));
      return;
    }
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      stack.push(i);
      if (!(i in value)) refuse(stack, 'sparse arrays are not allowed');
      write(value[i], stack, out);
      stack.pop();
    }
    out.push(']');
    return;
  }
  if (!isPlainObject(value as object)) {
    const name = (value as object).constructor?.name ?? 'unknown';
    refuse(stack, `a ${name} object is not plain data`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    stack.push(key);
    write(record[key], stack, out);
    stack.pop();
  }
  out.push('}');
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
  const out: string[] = [];
  write(value, [], out);
  return out.join('');
}
