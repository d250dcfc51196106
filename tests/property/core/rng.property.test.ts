import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stream, streamKey, type RandomStream } from '../../../engine/core/rng.ts';

/** A valid stream name: a non-empty string without ':' or a number. */
const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes(':')),
  fc.integer({ min: 0, max: 10_000 }),
);
const names = fc.array(name, { minLength: 1, maxLength: 4 });
const seed = fc.string({ maxLength: 24 });

/** Two name lists that give different stream keys. */
const distinctNames = fc
  .tuple(names, names)
  .filter(([a, b]) => a.map(String).join(':') !== b.map(String).join(':'));

const bound = fc.oneof(
  fc.integer({ min: 1, max: 10 }),
  fc.integer({ min: 1, max: 2 ** 32 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);

const take = (s: RandomStream, n: number) => Array.from({ length: n }, () => s.next());

describe('rng: streams are independent', () => {
  it('drawing any number of values from one stream never changes another stream’s draws', () => {
    fc.assert(
      fc.property(seed, distinctNames, fc.array(fc.nat(50), { maxLength: 20 }), (s, [aNames, bNames], bursts) => {
        const alone = take(stream(s, ...bNames), bursts.length + 1);
        // The same two streams, with bursts of draws from A between every draw from B.
        const a = stream(s, ...aNames);
        const b = stream(s, ...bNames);
        const interleaved: number[] = [];
        for (const burst of bursts) {
          for (let i = 0; i < burst; i++) a.next();
          interleaved.push(b.next());
        }
        interleaved.push(b.next());
        expect(interleaved).toEqual(alone);
      }),
      { numRuns: 500 },
    );
  });

  it('opening and using other streams of the same seed in between changes nothing', () => {
    fc.assert(
      fc.property(seed, names, fc.array(names, { maxLength: 6 }), fc.nat(100), (s, mine, others, draws) => {
        const before = take(stream(s, ...mine), 10);
        for (const other of others) {
          const o = stream(s, ...other);
          for (let i = 0; i < draws; i++) o.int(6);
          o.shuffle([1, 2, 3, 4, 5]);
        }
        expect(take(stream(s, ...mine), 10)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('int, pick and chanceBp each use exactly one draw, so later draws stay in step', () => {
    fc.assert(
      fc.property(seed, names, (s, n) => {
        // Each helper consumes exactly one next() per draw, so positions line up.
        const plain = take(stream(s, ...n), 4);
        const mixed = stream(s, ...n);
        mixed.int(10);
        mixed.pick(['a', 'b']);
        mixed.chanceBp(5000);
        expect(mixed.next()).toBe(plain[3]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rng: determinism', () => {
  it('the same seed and names give the same sequence', () => {
    fc.assert(
      fc.property(seed, names, fc.integer({ min: 1, max: 200 }), (s, n, count) => {
        expect(take(stream(s, ...n), count)).toEqual(take(stream(s, ...n), count));
        expect(stream(s, ...n).shuffle([...Array(20).keys()])).toEqual(stream(s, ...n).shuffle([...Array(20).keys()]));
      }),
      { numRuns: 300 },
    );
  });

  it('different names give different sequences', () => {
    fc.assert(
      fc.property(seed, distinctNames, (s, [a, b]) => {
        expect(take(stream(s, ...a), 4)).not.toEqual(take(stream(s, ...b), 4));
      }),
      { numRuns: 500 },
    );
  });

  it('different seeds give different sequences for the same names', () => {
    fc.assert(
      fc.property(seed, seed, names, (s1, s2, n) => {
        fc.pre(s1 !== s2);
        expect(take(stream(s1, ...n), 4)).not.toEqual(take(stream(s2, ...n), 4));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps names apart: ("a", "b") is not ("ab") and not ("b", "a")', () => {
    expect(take(stream('s', 'a', 'b'), 4)).not.toEqual(take(stream('s', 'ab'), 4));
    expect(take(stream('s', 'a', 'b'), 4)).not.toEqual(take(stream('s', 'b', 'a'), 4));
    expect(take(stream('s', 'market', 1), 4)).not.toEqual(take(stream('s', 'market', 2), 4));
    // A number and its decimal string are the same name.
    expect(take(stream('s', 'market', 1), 4)).toEqual(take(stream('s', 'market', '1'), 4));
  });

  it('reproduces the recorded draws of seedrandom’s alea (a dependency upgrade must not move them)', () => {
    const market = stream('session-42', 'market', 1);
    expect(take(market, 3)).toEqual([0.8403335702605546, 0.3917608179617673, 0.7603309582918882]);
    expect([market.int(100), market.int(100), market.int(100)]).toEqual([46, 20, 88]);
    expect(stream('session-42', 'negotiation', 'acct-7', 3).shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([7, 5, 2, 4, 6, 1, 8, 3]);
  });
});

describe('rng: ranges', () => {
  it('next() is in [0, 1) on the 2^-32 grid', () => {
    fc.assert(
      fc.property(seed, names, (s, n) => {
        for (const x of take(stream(s, ...n), 100)) {
          expect(x >= 0 && x < 1).toBe(true);
          expect(Number.isInteger(x * 2 ** 32)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('int(n) stays in [0, n) and is an integer', () => {
    fc.assert(
      fc.property(seed, names, bound, (s, n, bound) => {
        const r = stream(s, ...n);
        for (let i = 0; i < 50; i++) {
          const v = r.int(bound);
          expect(Number.isInteger(v)).toBe(true);
          expect(v >= 0 && v < bound).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('int(1) is always 0 and int(2) gives both values', () => {
    const r = stream('s', 'coin');
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) {
      expect(r.int(1)).toBe(0);
      seen.add(r.int(2));
    }
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it('between(min, max) stays in [min, max], both ends included', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 20 }), (s, min, width) => {
        const r = stream(s, 'between');
        const seen = new Set<number>();
        for (let i = 0; i < 400; i++) {
          const v = r.between(min, min + width);
          expect(Number.isInteger(v) && v >= min && v <= min + width).toBe(true);
          seen.add(v);
        }
        // With 400 draws over at most 21 values, both ends turn up (failure odds < 1e-7).
        expect(seen.has(min) && seen.has(min + width)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('chanceBp(0) is never true and chanceBp(10000) always is', () => {
    fc.assert(
      fc.property(seed, names, (s, n) => {
        const r = stream(s, ...n);
        for (let i = 0; i < 50; i++) {
          expect(r.chanceBp(0)).toBe(false);
          expect(r.chanceBp(10_000)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('int(n) is roughly uniform: a chi-square test over 10 buckets', () => {
    const r = stream('uniformity', 'int');
    const counts = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) counts[r.int(10)]! += 1;
    const expected = draws / 10;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(χ² > 27.88) = 0.001.
    expect(chi2).toBeLessThan(27.88);
  });

  it('chanceBp(bp) comes true about bp/10000 of the time', () => {
    const r = stream('uniformity', 'chance');
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (r.chanceBp(2_500)) hits++;
    expect(Math.abs(hits - 25_000)).toBeLessThan(600); // about 4.4 standard deviations
  });

  it('rejects bad bounds', () => {
    const r = stream('s', 'x');
    expect(() => r.int(0)).toThrow(RangeError);
    expect(() => r.int(-3)).toThrow(RangeError);
    expect(() => r.int(2.5)).toThrow(RangeError);
    expect(() => r.int(NaN)).toThrow(RangeError);
    expect(() => r.between(5, 4)).toThrow(RangeError);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe('rng: pick and shuffle', () => {
  it('shuffle returns a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(seed, names, fc.array(fc.integer(), { maxLength: 60 }), (s, n, items) => {
        const copy = items.slice();
        const shuffled = stream(s, ...n).shuffle(items);
        expect(items).toEqual(copy);
        expect(shuffled).not.toBe(items);
        expect(shuffled.slice().sort((a, b) => a - b)).toEqual(copy.slice().sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it('shuffle reaches every order of three items, about equally often', () => {
    const counts = new Map<string, number>();
    const r = stream('shuffle', 'orders');
    for (let i = 0; i < 60_000; i++) {
      const key = r.shuffle(['a', 'b', 'c']).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(450);
  });

  it('pick returns one of the items', () => {
    fc.assert(
      fc.property(seed, names, fc.array(fc.string(), { minLength: 1, maxLength: 20 }), (s, n, items) => {
        const r = stream(s, ...n);
        for (let i = 0; i < 20; i++) expect(items).toContain(r.pick(items));
      }),
      { numRuns: 300 },
    );
  });
});

describe('rng: stream names', () => {
  it('rejects any name containing ":"', () => {
    fc.assert(
      fc.property(seed, fc.string(), fc.string(), names, (s, before, after, others) => {
        const bad = `${before}:${after}`;
        expect(() => stream(s, ...others, bad)).toThrow(/free of ':'/);
        expect(() => stream(s, bad, ...others)).toThrow(/free of ':'/);
        expect(() => streamKey(s, [bad])).toThrow(Error);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an empty name', () => {
    expect(() => stream('s', '')).toThrow(/non-empty/);
    expect(() => stream('s', 'market', '')).toThrow(Error);
  });

  it('keys a stream by the seed and its names joined with ":"', () => {
    expect(streamKey('seed', ['market', 3])).toBe('seed:market:3');
    expect(streamKey('seed', [])).toBe('seed');
    fc.assert(
      fc.property(seed, names, (s, n) => {
        expect(streamKey(s, n)).toBe([s, ...n.map(String)].join(':'));
      }),
    );
  });
});
