/**
 * Integer arithmetic for state: money in yuan, ratios in basis points. Every division rounds
 * half to even, so repeated rounding does not drift one way.
 */

export const BP = 10_000;

function assertInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
}

function divRoundHalfEven(n: number, d: number): number {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  let q = Math.floor(n / d);
  // n / d is rounded to a double; the remainder puts q right.
  let r = n - q * d;
  while (r < 0) {
    q -= 1;
    r += d;
  }
  while (r >= d) {
    q += 1;
    r -= d;
  }
  const twice = 2 * r;
  if (twice > d || (twice === d && q % 2 !== 0)) q += 1;
  return q === 0 ? 0 : q;
}

function bigDivRoundHalfEven(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  let q = n / d;
  let r = n % d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  const twice = 2n * r;
  if (twice > d || (twice === d && q % 2n !== 0n)) q += 1n;
  return q;
}

/** round(a × b ÷ c), half to even, exact for any safe integers whose result is safe. */
export function mulDiv(a: number, b: number, c: number): number {
  assertInteger('a', a);
  assertInteger('b', b);
  assertInteger('c', c);
  if (c === 0) throw new RangeError('mulDiv: division by zero');
  const product = a * b;
  if (Number.isSafeInteger(product)) return divRoundHalfEven(product, c);
  const q = bigDivRoundHalfEven(BigInt(a) * BigInt(b), BigInt(c));
  const result = Number(q);
  if (!Number.isSafeInteger(result)) throw new RangeError(`mulDiv(${a}, ${b}, ${c}) overflows`);
  return result;
}

/** Rounds a double to the nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfEven(${x})`);
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f === 0 ? 0 : f;
  return f % 2 === 0 ? f : f + 1;
}

/** `amount` × `bp` / 10000, rounded half to even. */
export function applyBp(amount: number, bp: number): number {
  return mulDiv(amount, bp, BP);
}

/** a / b in basis points, rounded half to even; 0 when b is 0. */
export function ratioBp(a: number, b: number): number {
  return b === 0 ? 0 : mulDiv(a, BP, b);
}

/** A double fraction onto the basis-point grid. */
export function toBp(fraction: number): number {
  return roundHalfEven(fraction * BP);
}

export function fromBp(bp: number): number {
  return bp / BP;
}

export function clamp(x: number, min: number, max: number): number {
  return x < min ? min : x > max ? max : x;
}

/** Sums in the order given; callers pass arrays sorted by id. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Splits `total` into integer parts proportional to `weights` that add up to `total` exactly
 * (largest remainder, ties to the lower index), so no yuan is created or lost.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  assertInteger('total', total);
  if (total < 0) throw new RangeError(`apportion: total must not be negative, got ${total}`);
  const weightSum = sum(weights);
  if (weights.length === 0) return [];
  if (weightSum <= 0) {
    const out = weights.map(() => 0);
    out[0] = total;
    return out;
  }
  const exact = weights.map((w) => (total * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - sum(parts);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}
