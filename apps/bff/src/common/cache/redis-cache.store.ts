import type { Redis } from 'ioredis';
import type { CacheStore } from './cache.store.js';

/** Redis-backed store shared by every BFF instance. Keys are prefixed so one Redis can serve several apps. */
export class RedisCacheStore implements CacheStore {
  readonly engine = 'redis' as const;

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Connects first, so a wrong REDIS_URL stops the start-up instead of surfacing on the first request. */
  static async connect(url: string, prefix = 'bff:'): Promise<RedisCacheStore> {
    // Loaded only with REDIS_URL: a BFF without Redis does not hold ioredis (docs/performance.md).
    const { Redis: RedisClient } = await import('ioredis');
    // Fail fast instead of queueing commands while Redis is away: callers treat an error as a miss.
    const redis = new RedisClient(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    // Connection errors also surface through failed commands; without a listener they would crash the process.
    redis.on('error', () => undefined);
    await redis.connect();
    return new RedisCacheStore(redis, prefix);
  }

  async get<T>(key: string): Promise<T | null> {
    const json = await this.redis.get(this.prefix + key);
    return json === null ? null : (JSON.parse(json) as T);
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
