import { describe, it, expect } from 'vitest';
import {
  BP,
  applyBp,
  apportion,
  clamp,
  fromBp,
  mulDiv,
  ratioBp,
  roundHalfEven,
  sum,
  toBp,
} from '../../../engine/core/fixedPoint.ts';

const MAX = Number.MAX_SAFE_INTEGER;

/** round(a·b/c) half to even, computed in BigInt from the definition. */
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

describe('mulDiv', () => {
  it('rounds exact halves to the even neighbour', () => {
    expect(mulDiv(5, 1, 2)).toBe(2); // 2.5
    expect(mulDiv(7, 1, 2)).toBe(4); // 3.5
    expect(mulDiv(1, 1, 2)).toBe(0); // 0.5
    expect(mulDiv(3, 1, 2)).toBe(2); // 1.5
    expect(mulDiv(15, 1, 10)).toBe(2); // 1.5
    expect(mulDiv(25, 1, 10)).toBe(2); // 2.5
    expect(mulDiv(35, 1, 10)).toBe(4); // 3.5
    expect(mulDiv(5, 5, 10)).toBe(2); // 2.5
    expect(mulDiv(-5, 1, 2)).toBe(-2); // -2.5
    expect(mulDiv(-7, 1, 2)).toBe(-4); // -3.5
    expect(mulDiv(-15, 1, 10)).toBe(-2); // -1.5
    expect(mulDiv(-25, 1, 10)).toBe(-2); // -2.5
    expect(mulDiv(5, -1, 2)).toBe(-2);
  });

  it('rounds non-ties to the nearest integer', () => {
    expect(mulDiv(1, 1, 3)).toBe(0);
    expect(mulDiv(2, 1, 3)).toBe(1);
    expect(mulDiv(-2, 1, 3)).toBe(-1);
    expect(mulDiv(-1, 1, 3)).toBe(0);
    expect(mulDiv(251, 1, 100)).toBe(3);
    expect(mulDiv(249, 1, 100)).toBe(2);
    expect(mulDiv(-251, 1, 100)).toBe(-3);
    expect(mulDiv(-249, 1, 100)).toBe(-2);
    expect(mulDiv(12345, 6789, 1000)).toBe(83810); // 83810.205
    expect(mulDiv(100, 3, 3)).toBe(100);
  });

  it('handles negative divisors', () => {
    expect(mulDiv(5, 1, -2)).toBe(-2); // -2.5
    expect(mulDiv(7, 1, -2)).toBe(-4); // -3.5
    expect(mulDiv(-5, 1, -2)).toBe(2); // 2.5
    expect(mulDiv(-7, 1, -2)).toBe(4); // 3.5
    expect(mulDiv(2, 1, -3)).toBe(-1);
    expect(mulDiv(-2, 1, -3)).toBe(1);
    expect(mulDiv(10, 10, -7)).toBe(-14); // -14.28…
    expect(mulDiv(-3, 3, -2)).toBe(4); // 4.5
  });

  it('never returns -0', () => {
    expect(Object.is(mulDiv(-1, 1, 3), 0)).toBe(true);
    expect(Object.is(mulDiv(-1, 1, 2), 0)).toBe(true);
    expect(Object.is(mulDiv(1, 1, -2), 0)).toBe(true);
    expect(Object.is(mulDiv(0, 5, -3), 0)).toBe(true);
    expect(Object.is(mulDiv(-0, 5, 3), 0)).toBe(true);
  });

  it('is exact at the edge of the safe range without going through BigInt', () => {
    expect(mulDiv(MAX, 1, 1)).toBe(MAX);
    expect(mulDiv(-MAX, 1, 1)).toBe(-MAX);
    expect(mulDiv(MAX, 1, 2)).toBe(4503599627370496); // 4503599627370495.5 → even
    expect(mulDiv(MAX - 2, 1, 2)).toBe(4503599627370494); // …494.5 → even
    expect(mulDiv(MAX, 1, 3)).toBe(3002399751580330); // .333…
    expect(mulDiv(MAX, 1, MAX - 1)).toBe(1);
    expect(mulDiv(MAX - 1, 1, MAX)).toBe(1);
  });

  it('goes through BigInt for products beyond 2^53 and matches the exact result', () => {
    const cases: [number, number, number][] = [
      [MAX, MAX, MAX],
      [MAX, MAX, -MAX],
      [MAX, 10_000, 10_001],
      [2 ** 52 + 1, 2 ** 10, 2 ** 11], // 2^51 + 0.5 → 2^51 (even)
      [2 ** 52 + 3, 2 ** 10, 2 ** 11], // 2^51 + 1.5 → 2^51 + 2
      [-(2 ** 52 + 1), 2 ** 10, 2 ** 11],
      [-(2 ** 52 + 3), 2 ** 10, 2 ** 11],
      [2 ** 52 + 1, 2 ** 10, -(2 ** 11)],
      [9_000_000_000_000_000, 9_999, 10_000],
      [123_456_789_012_345, 987_654_321, 1_000_000_007],
      [-123_456_789_012_345, 987_654_321, 1_000_000_007],
      [4_000_000_000_000_001, 3, 6], // product 1.2e16 + 3, half: 2e15 + 0.5 → even
      [4_000_000_000_000_003, 3, 6],
      [MAX, 3, 7],
      [MAX, -3, 7],
      [1e15, 1e15, 1e15],
    ];
    for (const [a, b, c] of cases) {
      expect(Number.isSafeInteger(a * b)).toBe(false);
      expect(mulDiv(a, b, c), `mulDiv(${a}, ${b}, ${c})`).toBe(Number(referenceMulDiv(a, b, c)));
    }
    expect(mulDiv(2 ** 52 + 1, 2 ** 10, 2 ** 11)).toBe(2 ** 51);
    expect(mulDiv(2 ** 52 + 3, 2 ** 10, 2 ** 11)).toBe(2 ** 51 + 2);
    expect(mulDiv(4_000_000_000_000_001, 3, 6)).toBe(2_000_000_000_000_000);
    expect(mulDiv(4_000_000_000_000_003, 3, 6)).toBe(2_000_000_000_000_002);
  });

  it('does not lose the low bits that a double product would round away', () => {
    // (2^53 − 1)·3 is odd and not a double; a float product would be off by one before dividing.
    const a = MAX;
    const product = a * 3;
    expect(BigInt(product)).not.toBe(BigInt(a) * 3n);
    expect(mulDiv(a, 3, 3)).toBe(a);
    expect(mulDiv(a, 3, 4)).toBe(6_755_399_441_055_743); // 6755399441055743.25
    expect(mulDiv(a, 3, 4)).toBe(Number(referenceMulDiv(a, 3, 4)));
  });

  it('throws when the result is not a safe integer', () => {
    expect(() => mulDiv(MAX, MAX, 1)).toThrow(/overflows/);
    expect(() => mulDiv(MAX, 2, 1)).toThrow(RangeError);
    expect(() => mulDiv(MAX, -MAX, 3)).toThrow(RangeError);
  });

  it('throws on division by zero', () => {
    expect(() => mulDiv(1, 1, 0)).toThrow(/division by zero/);
    expect(() => mulDiv(0, 0, 0)).toThrow(RangeError);
    expect(() => mulDiv(MAX, MAX, 0)).toThrow(RangeError);
    expect(() => mulDiv(1, 1, -0)).toThrow(RangeError);
  });

  it('throws on arguments that are not safe integers, naming the argument', () => {
    expect(() => mulDiv(1.5, 1, 1)).toThrow(/^a must be a safe integer/);
    expect(() => mulDiv(1, 0.1, 1)).toThrow(/^b must be a safe integer/);
    expect(() => mulDiv(1, 1, 2.5)).toThrow(/^c must be a safe integer/);
    expect(() => mulDiv(NaN, 1, 1)).toThrow(RangeError);
    expect(() => mulDiv(Infinity, 1, 1)).toThrow(RangeError);
    expect(() => mulDiv(1, -Infinity, 1)).toThrow(RangeError);
    expect(() => mulDiv(2 ** 53, 1, 1)).toThrow(RangeError);
    expect(() => mulDiv(1, 1, -(2 ** 53))).toThrow(RangeError);
  });
});

describe('roundHalfEven', () => {
  it('rounds ties to even and everything else to nearest', () => {
    expect(roundHalfEven(0.5)).toBe(0);
    expect(roundHalfEven(1.5)).toBe(2);
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(-1.5)).toBe(-2);
    expect(roundHalfEven(-2.5)).toBe(-2);
    expect(roundHalfEven(-3.5)).toBe(-4);
    expect(roundHalfEven(2.4999999999999996)).toBe(2);
    expect(roundHalfEven(2.5000000000000004)).toBe(3);
    expect(roundHalfEven(-2.5000000000000004)).toBe(-3);
    expect(roundHalfEven(0.49999999999999994)).toBe(0);
    expect(roundHalfEven(7)).toBe(7);
    expect(roundHalfEven(-7)).toBe(-7);
    expect(roundHalfEven(1e300)).toBe(1e300);
    expect(roundHalfEven(4503599627370495.5)).toBe(4503599627370496);
    expect(roundHalfEven(4503599627370494.5)).toBe(4503599627370494);
  });

  it('never returns -0', () => {
    for (const x of [-0, -0.5, -0.4, -0.49999999999999994, -1e-300]) {
      expect(Object.is(roundHalfEven(x), 0), `roundHalfEven(${x})`).toBe(true);
    }
  });

  it('rejects non-finite input', () => {
    expect(() => roundHalfEven(NaN)).toThrow(RangeError);
    expect(() => roundHalfEven(Infinity)).toThrow(RangeError);
    expect(() => roundHalfEven(-Infinity)).toThrow(RangeError);
  });

  it('agrees with mulDiv on every k/4 for k in [-400, 400]', () => {
    const differ: number[] = [];
    for (let k = -400; k <= 400; k++) if (roundHalfEven(k / 4) !== mulDiv(k, 1, 4)) differ.push(k);
    expect(differ).toEqual([]);
  });
});

describe('basis points', () => {
  it('applyBp takes a share of an amount, rounding half to even', () => {
    expect(BP).toBe(10_000);
    expect(applyBp(100, 10_000)).toBe(100);
    expect(applyBp(12_345, 2_500)).toBe(3086); // 3086.25
    expect(applyBp(10_001, 5_000)).toBe(5000); // 5000.5
    expect(applyBp(10_003, 5_000)).toBe(5002); // 5001.5
    expect(applyBp(-10_001, 5_000)).toBe(-5000);
    expect(applyBp(1, 4_999)).toBe(0);
    expect(applyBp(1, 5_001)).toBe(1);
    expect(applyBp(MAX, 10_000)).toBe(MAX); // the product goes through BigInt
  });

  it('ratioBp gives a/b in basis points and 0 for b = 0', () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(1, 1)).toBe(10_000);
    expect(ratioBp(3, 2)).toBe(15_000);
    expect(ratioBp(1, 20_000)).toBe(0); // 0.5
    expect(ratioBp(3, 20_000)).toBe(2); // 1.5
    expect(ratioBp(-1, 3)).toBe(-3333);
    expect(ratioBp(7, 0)).toBe(0);
    expect(ratioBp(0, 0)).toBe(0);
  });

  it('toBp puts a fraction on the grid and round-trips with fromBp', () => {
    expect(toBp(0.5)).toBe(5000);
    expect(toBp(0.00005)).toBe(0); // 0.5 bp → even
    expect(toBp(0.00015)).toBe(Math.round(0.00015 * 10_000)); // the double is just below 1.5 bp
    expect(toBp(0.12345)).toBe(1234); // 1234.5 → even
    expect(toBp(1)).toBe(10_000);
    expect(toBp(-0.25)).toBe(-2500);
    const drifted: number[] = [];
    for (let bp = -20_000; bp <= 20_000; bp++) if (toBp(fromBp(bp)) !== bp) drifted.push(bp);
    expect(drifted).toEqual([]);
    expect(fromBp(2500)).toBe(0.25);
    expect(() => toBp(NaN)).toThrow(RangeError);
  });
});

describe('clamp and sum', () => {
  it('clamp keeps values inside [min, max]', () => {
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(0, 0, 10)).toBe(0);
    expect(clamp(10, 0, 10)).toBe(10);
    expect(clamp(-Infinity, -5, 5)).toBe(-5);
    expect(clamp(Infinity, -5, 5)).toBe(5);
  });

  it('sum adds in the order given', () => {
    expect(sum([])).toBe(0);
    expect(sum([1, 2, 3])).toBe(6);
    // Floating-point addition is not associative: the order is part of the result.
    expect(sum([1e16, 1, 1])).toBe(1e16);
    expect(sum([1, 1, 1e16])).toBe(1e16 + 2);
  });
});

describe('apportion', () => {
  it('splits by largest remainder, ties to the lower index', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(1, [1, 1])).toEqual([1, 0]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(3, [1, 2])).toEqual([1, 2]);
    expect(apportion(10, [1, 2, 7])).toEqual([1, 2, 7]);
    // Shares 2.5, 2.5, 5: one unit left over, and of the two equal remainders the lower index wins.
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    // Shares 1.4, 2.6, 6.0: the 0.6 remainder gets the unit.
    expect(apportion(10, [14, 26, 60])).toEqual([1, 3, 6]);
    // Shares ≈ 3.5, 3.5, 3 (exactly equal first two): the later one loses the tie.
    expect(apportion(10, [0.35, 0.35, 0.3])).toEqual([4, 3, 3]);
  });

  it('adds up to the total exactly', () => {
    const cases: [number, number[]][] = [
      [1_000_003, [3, 3, 3, 3, 3, 3, 3]],
      [999, [0.1, 0.2, 0.3, 0.4]],
      [12_345_678, [1 / 3, 1 / 3, 1 / 3]],
      [1, [1e-300, 1e300]],
      [100, [5e-324, 5e-324, 1e-323]],
      [MAX, [1, 1, 1]],
      [MAX, [1e15, 1e15 + 1, 3]],
    ];
    for (const [total, weights] of cases) {
      const parts = apportion(total, weights);
      expect(parts).toHaveLength(weights.length);
      expect(sum(parts), `apportion(${total}, [${weights}])`).toBe(total);
      for (const p of parts) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
    }
  });

  it('does not create a unit when the shares are too large for exact doubles', () => {
    // These used to come out one above the total: each quotient rounded up past an integer.
    expect(apportion(7_311_078_472_024_063, [928_347_649_751])).toEqual([7_311_078_472_024_063]);
    expect(apportion(5_499_896_899_567_615, [0.8339378165546805])).toEqual([5_499_896_899_567_615]);
    expect(sum(apportion(8_733_224_404_516_863, [0.11499287560582161, 0.2974156311247498]))).toBe(8_733_224_404_516_863);
    expect(sum(apportion(1_000_000_000_000, [123_456_789_123, 987_654_321_987, 555_555_555_555]))).toBe(1_000_000_000_000);
  });

  it('gives each part the floor or the ceiling of its exact share', () => {
    const total = 1_000_000_007;
    const weights = [999_999_937, 1, 2, 3, 123_456_789];
    const parts = apportion(total, weights);
    const weightSum = BigInt(sum(weights));
    parts.forEach((p, i) => {
      const floor = (BigInt(total) * BigInt(weights[i]!)) / weightSum;
      expect(BigInt(p) === floor || BigInt(p) === floor + 1n).toBe(true);
    });
  });

  it('gives everything to the first part when all weights are 0, and nothing for no parts', () => {
    expect(apportion(7, [0, 0, 0])).toEqual([7, 0, 0]);
    expect(apportion(7, [])).toEqual([]);
    expect(apportion(0, [1, 2, 3])).toEqual([0, 0, 0]);
    expect(apportion(0, [0])).toEqual([0]);
    expect(apportion(5, [0, 3, 0])).toEqual([0, 5, 0]);
  });

  it('never returns -0', () => {
    for (const p of apportion(5, [-0, 1])) expect(Object.is(p, -0)).toBe(false);
    for (const p of apportion(5, [-0, 0.5])) expect(Object.is(p, -0)).toBe(false);
  });

  it('rejects a negative or non-integer total and bad weights', () => {
    expect(() => apportion(-1, [1])).toThrow(/must not be negative/);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(NaN, [1])).toThrow(RangeError);
    expect(() => apportion(2 ** 53, [1])).toThrow(RangeError);
    expect(() => apportion(10, [1, -1, 2])).toThrow(/weight 1/);
    expect(() => apportion(10, [NaN])).toThrow(/weight 0/);
    expect(() => apportion(10, [1, Infinity])).toThrow(RangeError);
  });
});
