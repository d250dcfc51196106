/**
 * A token bucket: `burst` actions at once, refilled at `perSecond`. The clock is passed in so
 * tests can drive it.
 */
export class RateLimit {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    if (!this.allows(now)) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether an action would be allowed now, without spending it. */
  allows(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    return this.tokens >= 1;
  }
}

/** Rate limits by key (an address), forgetting keys idle for a while so the map cannot grow without end. */
export class KeyedRateLimit {
  private readonly buckets = new Map<string, { limit: RateLimit; seen: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now: number): boolean {
    return this.bucket(key, now).take(now);
  }

  allows(key: string, now: number): boolean {
    return this.bucket(key, now).allows(now);
  }

  private bucket(key: string, now: number): RateLimit {
    if (this.buckets.size > 10_000) {
      for (const [k, b] of this.buckets) if (now - b.seen > 600_000) this.buckets.delete(k);
    }
    let b = this.buckets.get(key);
    if (!b) {
      b = { limit: new RateLimit(this.burst, this.perSecond, now), seen: now };
      this.buckets.set(key, b);
    }
    b.seen = now;
    return b.limit;
  }
}
