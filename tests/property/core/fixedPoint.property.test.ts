import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { apportion, mulDiv, roundHalfEven } from '../../../engine/core/fixedPoint.ts';

const MAX = Number.MAX_SAFE_INTEGER;

/** round(a·b/c) half to even, from the definition, in BigInt. */
function referenceMulDiv(a: number, b: number, c: number): bigint {
  const num = BigInt(a) * BigInt(b);
  const den = BigInt(c);
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  let q = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

const isSafe = (q: bigint) => q >= -BigInt(MAX) && q <= BigInt(MAX);

const safeInt = fc.integer({ min: -MAX, max: MAX });
const smallInt = fc.integer({ min: -1000, max: 1000 });
const nonZero = <T extends number>(arb: fc.Arbitrary<T>) => arb.filter((c) => c !== 0);
/** Mixes magnitudes so that safe products, BigInt products and exact ties all come up often. */
const anyInt = fc.oneof(
  smallInt,
  safeInt,
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constantFrom(MAX, -MAX, 2 ** 52, 2 ** 53 - 2),
);
const int26 = fc.integer({ min: -(2 ** 26), max: 2 ** 26 });

describe('mulDiv (property)', () => {
  it('equals the BigInt reference, or throws exactly when the result is not a safe integer', () => {
    fc.assert(
      fc.property(anyInt, anyInt, nonZero(anyInt), (a, b, c) => {
        const expected = referenceMulDiv(a, b, c);
        if (isSafe(expected)) {
          const got = mulDiv(a, b, c);
          expect(got).toBe(Number(expected));
          expect(Object.is(got, -0)).toBe(false);
        } else {
          expect(() => mulDiv(a, b, c)).toThrow(RangeError);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals the BigInt reference on small operands, where exact halves are common', () => {
    fc.assert(
      fc.property(smallInt, smallInt, nonZero(fc.integer({ min: -20, max: 20 })), (a, b, c) => {
        expect(mulDiv(a, b, c)).toBe(Number(referenceMulDiv(a, b, c)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('rounds every exact half to an even result', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40) + 1, max: 2 ** 40 - 1 }), nonZero(fc.integer({ min: -(2 ** 12), max: 2 ** 12 })), (k, c) => {
        // a = (2k + 1)·c, b = 1, divisor 2c: the exact quotient is k + ½. |k| < 2^40 and
        // |c| ≤ 2^12 keep a a safe integer (at |k| = 2^40 it would pass 2^53 and mulDiv rightly throws).
        const result = mulDiv((2 * k + 1) * c, 1, 2 * c);
        expect(Math.abs(result % 2)).toBe(0);
        expect(Math.abs(result - (k + 0.5))).toBe(0.5);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is within ½ of the exact quotient and odd in a', () => {
    fc.assert(
      fc.property(int26, int26, nonZero(int26), (a, b, c) => {
        const q = mulDiv(a, b, c);
        // |q·c − a·b| ≤ |c|/2, all exact in doubles at these sizes.
        expect(2 * Math.abs(q * c - a * b)).toBeLessThanOrEqual(Math.abs(c));
        expect(mulDiv(-a, b, c)).toBe(q === 0 ? 0 : -q);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is exact when c divides a·b', () => {
    fc.assert(
      fc.property(int26, int26, nonZero(int26), (q, b, c) => {
        // (q·c)·b / c is exactly q·b, so nothing is rounded.
        expect(mulDiv(q * c, b, c)).toBe(q * b === 0 ? 0 : q * b);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('roundHalfEven (property)', () => {
  it('is within ½ of x, and ties go to even', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (x) => {
        const r = roundHalfEven(x);
        expect(Number.isInteger(r)).toBe(true);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5);
        if (Math.abs(r - x) === 0.5) expect(r % 2 === 0).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});

/** Non-negative weights: integers of any size, or doubles (including tiny and subnormal ones). */
const integerWeights = fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: MAX })), {
  minLength: 1,
  maxLength: 12,
});
const doubleWeights = fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 12 });
const total = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 1e9 }),
  fc.integer({ min: 0, max: MAX }),
);

/** Exact floor(total·w/Σw) and remainders for integer weights. */
function exactShares(t: number, weights: readonly number[]): { floor: bigint; remainder: bigint }[] {
  const s = weights.reduce((acc, w) => acc + BigInt(w), 0n);
  return weights.map((w) => ({ floor: (BigInt(t) * BigInt(w)) / s, remainder: (BigInt(t) * BigInt(w)) % s }));
}

describe('apportion (property)', () => {
  it('always sums to the total, with one non-negative integer part per weight', () => {
    fc.assert(
      fc.property(total, fc.oneof(integerWeights, doubleWeights), (t, weights) => {
        const parts = apportion(t, weights);
        expect(parts).toHaveLength(weights.length);
        let s = 0n;
        for (const p of parts) {
          expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
          s += BigInt(p);
        }
        expect(s).toBe(BigInt(t));
      }),
      { numRuns: 10_000 },
    );
  });

  it('gives each part its exact share rounded down or up (integer weights, checked in BigInt)', () => {
    fc.assert(
      fc.property(total, integerWeights, (t, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = apportion(t, weights);
        exactShares(t, weights).forEach(({ floor }, i) => {
          const p = BigInt(parts[i]!);
          expect(p === floor || p === floor + 1n).toBe(true);
        });
      }),
      { numRuns: 10_000 },
    );
  });

  it('gives the extra units to the largest remainders, ties to the lower index', () => {
    fc.assert(
      fc.property(total, integerWeights, (t, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = apportion(t, weights);
        const shares = exactShares(t, weights);
        const up = shares.map(({ floor }, i) => BigInt(parts[i]!) === floor + 1n);
        shares.forEach((a, i) => {
          shares.forEach((b, j) => {
            // A part rounded up must not rank below one rounded down.
            if (up[i] && !up[j]) expect(a.remainder > b.remainder || (a.remainder === b.remainder && i < j)).toBe(true);
          });
        });
      }),
      { numRuns: 5_000 },
    );
  });

  it('stays within 1 of the exact share for double weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), doubleWeights, (t, weights) => {
        const weightSum = weights.reduce((a, b) => a + b, 0);
        fc.pre(weightSum > 0);
        const parts = apportion(t, weights);
        parts.forEach((p, i) => {
          const share = (t * weights[i]!) / weightSum;
          // The double share itself is only accurate to a few ulps of t.
          expect(Math.abs(p - share)).toBeLessThan(1 + t * 1e-14);
        });
      }),
      { numRuns: 10_000 },
    );
  });

  it('depends only on the weights’ proportions, not their scale, for integer weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        (t, weights, k) => {
          expect(apportion(t, weights.map((w) => w * k))).toEqual(apportion(t, weights));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('is exact when the shares are whole numbers', () => {
    const sharesArb = fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(sharesArb, fc.integer({ min: 1, max: 1000 }), (shares, k) => {
        fc.pre(shares.some((s) => s > 0));
        const t = shares.reduce((a, b) => a + b, 0);
        expect(apportion(t, shares.map((s) => s * k))).toEqual(shares);
      }),
      { numRuns: 3_000 },
    );
  });
});
