/**
 * exp, ln and pow from + − × ÷ and Math.sqrt only. The language lets engines approximate
 * Math.exp and friends differently, but IEEE-754 fixes the result of every operation used
 * here, so these give the same bits in Node, Chromium and Firefox.
 * Accuracy: relative error below 1e-14 for exp on [−700, 700], ln on (0, 1e300] and pow with
 * |y·ln x| ≤ 50 (see tests/unit/core/detMath.test.ts). pow follows Math.pow's special values.
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

// Double-double helpers (Dekker, Knuth). Without a fused multiply-add, Veltkamp's split gives
// the exact error of a product; pow needs ln x to well beyond double precision, because y·ln x
// multiplies the absolute error of ln x by y.
const SPLITTER = 134217729; // 2^27 + 1
const SPLIT_LIMIT = 6.69692879491417e299; // 2^996: above this the split itself would overflow

interface DoubleDouble {
  hi: number;
  lo: number;
}

/** a + b exactly, as hi + lo with hi = fl(a + b). */
function twoSum(a: number, b: number): DoubleDouble {
  const hi = a + b;
  const bb = hi - a;
  const lo = a - (hi - bb) + (b - bb);
  return { hi, lo };
}

/** hi + lo renormalised, given |hi| ≥ |lo| or hi = 0. */
function fastTwoSum(hi: number, lo: number): DoubleDouble {
  const s = hi + lo;
  return { hi: s, lo: lo - (s - hi) };
}

/** a · b exactly, as hi + lo with hi = fl(a · b) (for |a|, |b| ≤ 2^996, no underflow). */
function twoProd(a: number, b: number): DoubleDouble {
  const hi = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  const lo = aHi * bHi - hi + aHi * bLo + aLo * bHi + aLo * bLo;
  return { hi, lo };
}

/** (a.hi + a.lo) · (b.hi + b.lo) to about 2^-104 relative. */
function ddMul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const ah = Math.abs(a.hi);
  const bh = Math.abs(b.hi);
  if (!(ah <= SPLIT_LIMIT && bh <= SPLIT_LIMIT)) return { hi: a.hi * b.hi, lo: 0 };
  const p = twoProd(a.hi, b.hi);
  if (p.hi === 0 || !Number.isFinite(p.hi)) return { hi: p.hi, lo: 0 };
  return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

/** ln x as a double-double, for finite x > 0. */
function lnParts(x: number): DoubleDouble {
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
  // ln m = 2·atanh(s) with s = (m−1)/(m+1), |s| ≤ 0.172. m − 1 is exact; m + 1 and the quotient
  // are carried as double-doubles, so s is known to about 2^-104.
  const f = m - 1;
  const d = twoSum(m, 1);
  const sHi = f / d.hi;
  const p = twoProd(sHi, d.hi);
  const sLo = (f - p.hi - p.lo - sHi * d.lo) / d.hi;
  // The rest of the series, s^3/3 + s^5/5 + …, is below 1% of s, so doubles suffice:
  // 14 odd terms reach below 1e-22.
  const s2 = sHi * sHi;
  let power = sHi * s2;
  let tail = 0;
  for (let n = 3; n <= 29; n += 2) {
    tail += power / n;
    power *= s2;
  }
  // k·LN2_HI is exact (LN2_HI has 32 significant bits), so the sum below loses nothing that matters.
  const lnM = fastTwoSum(2 * sHi, 2 * (sLo + tail));
  const head = twoSum(k * LN2_HI, lnM.hi);
  return fastTwoSum(head.hi, head.lo + (lnM.lo + k * LN2_LO));
}

export function ln(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  return lnParts(x).hi;
}

/**
 * x^n for integer n by repeated squaring, carried in double-double: exact whenever x^n is a
 * double, and within about one unit in the last place otherwise (plain squaring would let the
 * rounding error double with every squaring).
 */
export function powInt(x: number, n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(`powInt: ${n} is not an integer`);
  // The model's price exponents (2–4) sit in the hot loop: three plain products stay within
  // 3 half-ulps, well inside the stated accuracy, and are just as deterministic.
  if (n >= 0 && n <= 4) {
    if (n === 0) return 1;
    const x2 = x * x;
    return n === 1 ? x : n === 2 ? x2 : n === 3 ? x2 * x : x2 * x2;
  }
  let e = n < 0 ? -n : n;
  const ax = Math.abs(x);
  if (!(ax >= 1 / SPLIT_LIMIT && ax <= SPLIT_LIMIT)) {
    // 0, ±Infinity, NaN and the far ends of the range, where any power but ±1 over- or
    // underflows anyway: plain squaring gets every sign and special value right.
    let result = 1;
    let base = x;
    while (e > 0) {
      if (e % 2 === 1) result *= base;
      e = Math.floor(e / 2);
      if (e > 0) base *= base;
    }
    return n < 0 ? 1 / result : result;
  }
  // For n < 0 raise 1/x (as a double-double) rather than dividing at the end, so that a result
  // in the subnormal range does not come from the reciprocal of an overflow.
  let base: DoubleDouble = { hi: x, lo: 0 };
  if (n < 0) {
    const r = 1 / x;
    const p = twoProd(r, x);
    base = { hi: r, lo: (1 - p.hi - p.lo) / x };
  }
  let result: DoubleDouble = { hi: 1, lo: 0 };
  while (e > 0) {
    if (e % 2 === 1) result = ddMul(result, base);
    e = Math.floor(e / 2);
    if (e > 0) base = ddMul(base, base);
  }
  return result.hi;
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && y % 2 !== 0;
}

/** x^y with the special values of Math.pow (ECMAScript Number::exponentiate). */
export function pow(x: number, y: number): number {
  if (Number.isNaN(y)) return NaN;
  if (y === 0) return 1;
  if (Number.isNaN(x)) return NaN;
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  if (Number.isInteger(y) && Math.abs(y) <= 1024) return powInt(x, y);
  if (x === 0 || x === Infinity || x === -Infinity) {
    // ±0 and ±Infinity: the magnitude is 0 or Infinity, negative only for odd integer y.
    const big = (x === 0) === y < 0;
    const negative = (x < 0 || Object.is(x, -0)) && isOddInteger(y);
    return big ? (negative ? -Infinity : Infinity) : negative ? -0 : 0;
  }
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const magnitude = positivePow(-x, y);
    return isOddInteger(y) ? -magnitude : magnitude;
  }
  if (y === 0.5) return Math.sqrt(x);
  return positivePow(x, y);
}

/** x^y for finite x > 0 and finite y: exp(y·ln x), with y·ln x carried as a double-double. */
function positivePow(x: number, y: number): number {
  const l = lnParts(x);
  const t = y * l.hi;
  // Beyond these bounds the result is 1, 0 or Infinity whatever the low-order bits say.
  if (!(Math.abs(t) <= 1000 && Math.abs(t) >= 1e-20)) return exp(t);
  const p = twoProd(y, l.hi);
  const tLo = p.lo + y * l.lo;
  // exp(hi + lo) = exp(hi)·(1 + lo + …) with |lo| < 1e-13, so the dropped terms are below 1e-26.
  const e = exp(p.hi);
  if (e === 0 || e === Infinity) return e;
  return e + e * tLo;
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
