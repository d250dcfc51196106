/**
 * exp, ln and pow from + − × ÷ and Math.sqrt only. The language lets engines approximate
 * Math.exp and friends differently, but IEEE-754 fixes the result of every operation used
 * here, so these give the same bits in Node, Chromium and Firefox.
 * Accuracy: relative error below 1e-14 for exp on [−700, 700], ln on (0, 1e300] and pow with
 * |y·ln x| ≤ 50 (see tests/unit/core/detMath.test.ts).
 */

// fdlibm's split of ln 2: the high part has trailing zero bits, so k·LN2_HI is exact.
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const SQRT2 = 1.4142135623730951;
const TWO_64 = 18446744073709551616;

/** 2^k exactly, for integer k in the double range. */
function pow2(k: number): number {
  let result = 1;
  let base = k >= 0 ? 2 : 0.5;
  let n = k >= 0 ? k : -k;
  while (n > 0) {
    if (n & 1) result *= base;
    base *= base;
    n >>>= 1;
  }
  return result;
}

function scaleByPow2(x: number, k: number): number {
  // Two steps keep 2^k itself from overflowing or flushing to zero at the ends of the range.
  if (k > 1000) return x * pow2(1000) * pow2(k - 1000);
  if (k < -1000) return x * pow2(-1000) * pow2(k + 1000);
  return x * pow2(k);
}

export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x === 0) return 1;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor series to r^16/16! on |r| ≤ 0.347: truncation below 1e-19.
  let term = 1;
  let total = 1;
  for (let n = 1; n <= 16; n++) {
    term = (term * r) / n;
    total += term;
  }
  return scaleByPow2(total, k);
}

export function ln(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  let m = x;
  while (m >= TWO_64) {
    m /= TWO_64;
    k += 64;
  }
  while (m < 1 / TWO_64) {
    m *= TWO_64;
    k -= 64;
  }
  while (m >= 2) {
    m /= 2;
    k += 1;
  }
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (m > SQRT2) {
    m /= 2;
    k += 1;
  }
  // ln m = 2·atanh(s) with s = (m−1)/(m+1), |s| ≤ 0.172: 15 odd terms reach below 1e-22.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let power = s;
  let series = 0;
  for (let n = 1; n <= 29; n += 2) {
    series += power / n;
    power *= s2;
  }
  return k * LN2_HI + (2 * series + k * LN2_LO);
}

/** x^n for integer n by repeated squaring. */
export function powInt(x: number, n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(`powInt: ${n} is not an integer`);
  let result = 1;
  let base = x;
  let e = n < 0 ? -n : n;
  while (e > 0) {
    if (e % 2 === 1) result *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return n < 0 ? 1 / result : result;
}

export function pow(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (y === 0) return 1;
  if (Number.isInteger(y) && Math.abs(y) <= 1024) return powInt(x, y);
  if (y === 0.5) return Math.sqrt(x);
  if (x < 0) return NaN;
  if (x === 0) return y > 0 ? 0 : Infinity;
  return exp(y * ln(x));
}

/**
 * Little's ADBUDG response, x^c / (d^c + x^c), for c = 1 (concave) or c = 2 (S-shaped).
 * Both need no pow; the model uses no other exponent.
 */
export function adbudg(x: number, d: number, c: 1 | 2): number {
  if (x <= 0) return 0;
  if (c === 1) return x / (d + x);
  const x2 = x * x;
  return x2 / (d * d + x2);
}
