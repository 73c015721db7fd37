/**
 * A small key-value port for cached upstream data: in memory by default, Redis when REDIS_URL is set
 * (so several BFF instances share one cache). Values are JSON; a store may drop an entry at any time.
 */
export interface CacheStore {
  get<T>(key: string): Promise<T | null>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached (health check). */
  ping(): Promise<void>;
  readonly engine: 'memory' | 'redis';
  close(): Promise<void>;
}

export const CACHE_STORE = Symbol('CACHE_STORE');
