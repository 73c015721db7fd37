import type { Redis } from 'ioredis';

export interface RateDecision {
  readonly allowed: boolean;
  /** When refused: how long until the window resets. */
  readonly retryAfterMs: number;
}

/**
 * Fixed-window counters: at most `limit` hits per key per `windowMs`. In memory for one instance, in
 * Redis (INCR + PEXPIRE) when several instances must share the count.
 */
export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  /**
   * `hit` without a promise, where the counters are in this process (memory); absent otherwise.
   * Lets a response-cache hit be counted and answered within one synchronous hook.
   */
  hitNow?(key: string, limit: number, windowMs: number): RateDecision;
  /** The hits counted for a key in its current window, without counting one more. */
  peek(key: string): Promise<{ count: number; retryAfterMs: number }>;
  close(): Promise<void>;
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');

const ALLOWED: RateDecision = Object.freeze({ allowed: true, retryAfterMs: 0 });

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    return this.hitNow(key, limit, windowMs);
  }

  hitNow(key: string, limit: number, windowMs: number): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count <= limit ? ALLOWED : { allowed: false, retryAfterMs: window.resetAt - now };
  }

  async peek(key: string): Promise<{ count: number; retryAfterMs: number }> {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) return { count: 0, retryAfterMs: 0 };
    return { count: window.count, retryAfterMs: window.resetAt - now };
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}

export class RedisRateLimiter implements RateLimiter {
  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  static async connect(url: string, prefix: string): Promise<RedisRateLimiter> {
    // Loaded only with REDIS_URL: a BFF without Redis does not hold ioredis (docs/performance.md).
    const { Redis: RedisClient } = await import('ioredis');
    const redis = new RedisClient(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    redis.on('error', () => undefined);
    await redis.connect();
    return new RedisRateLimiter(redis, `${prefix}rate:`);
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const redisKey = this.prefix + key;
    const results = await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs, 'NX').pttl(redisKey).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? windowMs);
    return count <= limit ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: Math.max(0, ttl) };
  }

  async peek(key: string): Promise<{ count: number; retryAfterMs: number }> {
    const redisKey = this.prefix + key;
    const results = await this.redis.multi().get(redisKey).pttl(redisKey).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    const ttl = Number(results?.[1]?.[1] ?? 0);
    return { count, retryAfterMs: Math.max(0, ttl) };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
