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

export function streamKey(seed: string, names: readonly (string | number)[]): string {
  let key = seed;
  for (const name of names) {
    const text = String(name);
    // ':' separates names, so allowing it would let ('a:b') and ('a', 'b') share a stream.
    if (text.length === 0 || text.includes(':')) throw new Error(`stream name ${JSON.stringify(text)} must be non-empty and free of ':'`);
    key += `:${text}`;
  }
  return key;
}

/** Methods on a prototype rather than closures: a round opens hundreds of streams. */
class AleaStream implements RandomStream {
  private readonly prng: () => number;

  constructor(key: string) {
    this.prng = alea(key);
  }

  next(): number {
    return this.prng();
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int(${n}): n must be a positive integer`);
    return Math.floor(this.prng() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chanceBp(bp: number): boolean {
    return this.prng() * 10000 < bp;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }
}

export function stream(seed: string, ...names: (string | number)[]): RandomStream {
  return new AleaStream(streamKey(seed, names));
}
