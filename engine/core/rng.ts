import alea from 'seedrandom/lib/alea.js';

/**
 * A named random stream. Each purpose and entity draws from its own stream, derived from the
 * session seed and its names alone, so one stream's draws never move another's: opening a
 * negotiation cannot change the market's dice. No stream is kept across events.
 */
export interface RandomStream {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** True with probability `bp`/10000. */
  chanceBp(bp: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A new array in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

const NAME = /^[^:]+$/;

export function streamKey(seed: string, names: readonly (string | number)[]): string {
  for (const name of names) {
    const text = String(name);
    // ':' separates names, so allowing it would let ('a:b') and ('a', 'b') share a stream.
    if (!NAME.test(text)) throw new Error(`stream name ${JSON.stringify(text)} must be non-empty and free of ':'`);
  }
  return [seed, ...names.map(String)].join(':');
}

export function stream(seed: string, ...names: (string | number)[]): RandomStream {
  const prng = alea(streamKey(seed, names));
  const next = (): number => prng();
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int(${n}): n must be a positive integer`);
    return Math.floor(next() * n);
  };
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chanceBp: (bp) => next() * 10000 < bp,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(items.length)]!;
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const t = out[i]!;
        out[i] = out[j]!;
        out[j] = t;
      }
      return out;
    },
  };
}
