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
  // % is exact for safe integers, and so is the division of n − r by d; q · d near 2^53 is not.
  let r = n % d;
  let q = (n - r) / d;
  if (r < 0) {
    q -= 1;
    r += d;
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
 * (largest remainder, ties to the lower index), so no yuan is created or lost. Each part is the
 * floor or the ceiling of its exact share. Weights must be finite and not negative; if they are
 * all 0, the first part takes everything.
 *
 * The shares and remainders are computed exactly (every double is an integer times a power of
 * two), so the split never depends on how a quotient happened to round.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  assertInteger('total', total);
  if (total < 0) throw new RangeError(`apportion: total must not be negative, got ${total}`);
  weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w >= 0)) {
      throw new RangeError(`apportion: weight ${i} must be finite and not negative, got ${w}`);
    }
  });
  if (weights.length === 0) return [];
  const weightSum = sum(weights);
  if (weightSum === 0) {
    const out = weights.map(() => 0);
    out[0] = total;
    return out;
  }
  // Integer weights whose products with total stay safe: exact in plain numbers.
  const safe = weights.every((w) => Number.isSafeInteger(w));
  if (safe && Number.isSafeInteger(weightSum) && Number.isSafeInteger(total * weightSum)) {
    const remainders = weights.map((w) => (total * w) % weightSum);
    const parts = weights.map((w, i) => (total * w - remainders[i]!) / weightSum);
    return distributeLeft(total, parts, remainders);
  }
  // Otherwise the same in BigInt, each weight written as mantissa · 2^(exponent − lowest exponent).
  const dyadic = weights.map(toDyadic);
  let lowest = Infinity;
  for (const d of dyadic) if (d.mantissa !== 0n && d.exponent < lowest) lowest = d.exponent;
  const scaled = dyadic.map((d) => d.mantissa << BigInt(d.exponent - lowest));
  let scaledSum = 0n;
  for (const w of scaled) scaledSum += w;
  const bigTotal = BigInt(total);
  const parts = scaled.map((w) => Number((bigTotal * w) / scaledSum));
  const remainders = scaled.map((w) => (bigTotal * w) % scaledSum);
  return distributeLeft(total, parts, remainders);
}

/** Gives the units the floors left over to the largest remainders, ties to the lower index. */
function distributeLeft<R extends number | bigint>(
  total: number,
  parts: number[],
  remainders: R[],
): number[] {
  let left = total - sum(parts);
  const order = remainders
    .map((r, i) => ({ i, r }))
    .sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i));
  // Σ remainders = left · weightSum and every remainder is below weightSum, so left < parts.length.
  for (let k = 0; left > 0; k++, left--) parts[order[k]!.i]! += 1;
  return parts;
}

/** A finite double x ≥ 0 as mantissa · 2^exponent, exactly. */
function toDyadic(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
