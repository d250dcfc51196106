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

function write(value: unknown, path: string, out: string[], depth = 0): void {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(path, `nested deeper than ${MAX_DEPTH} levels`);
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a finite number`);
      // -0 and 0 must hash alike; JSON.stringify already prints both as "0".
      out.push(JSON.stringify(value));
      return;
    case 'undefined':
      throw new CanonicalJsonError(path, 'undefined is not allowed (omit the key instead)');
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(path, `a ${typeof value} cannot be stored in JSON`);
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
      if (!(i in value)) throw new CanonicalJsonError(`${path}[${i}]`, 'sparse arrays are not allowed');
      write(value[i], `${path}[${i}]`, out, depth + 1);
    }
    out.push(']');
    return;
  }
  if (!isPlainObject(value)) {
    const name = (value as object).constructor?.name ?? 'unknown';
    throw new CanonicalJsonError(path, `a ${name} object is not plain data`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(record[key], `${path}.${key}`, out, depth + 1);
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
  write(value, '$', out);
  return out.join('');
}
