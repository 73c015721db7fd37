import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { AccessPolicy } from './authorization/access-policy.js';
import { CACHE_STORE, type CacheStore } from './cache/cache.store.js';
import { MemoryCacheStore } from './cache/memory-cache.store.js';
import { RedisCacheStore } from './cache/redis-cache.store.js';
import { CLOCK, systemClock } from './clock.js';
import { FIELD_CIPHER, FieldCipher } from './crypto/field-cipher.js';
import { MemoryRateLimiter, RATE_LIMITER, type RateLimiter, RedisRateLimiter } from './rate-limit/rate-limiter.js';

/**
 * What every feature shares: the access policy (who may do what to a household), the clock, the cache store and the rate limiter (Redis when REDIS_URL
 * is set, so instances share them; memory otherwise), and the cipher for personal data at rest.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(CACHE_STORE) private readonly cache: CacheStore,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        AccessPolicy,
        { provide: CLOCK, useValue: systemClock },
        { provide: FIELD_CIPHER, useValue: new FieldCipher(config.dataEncryptionKey) },
        {
          provide: CACHE_STORE,
          useFactory: async (): Promise<CacheStore> =>
            config.redisUrl ? RedisCacheStore.connect(config.redisUrl, config.redisKeyPrefix) : new MemoryCacheStore(),
        },
        {
          provide: RATE_LIMITER,
          useFactory: async (): Promise<RateLimiter> =>
            config.redisUrl
              ? RedisRateLimiter.connect(config.redisUrl, config.redisKeyPrefix)
              : new MemoryRateLimiter(),
        },
      ],
      exports: [AccessPolicy, CLOCK, FIELD_CIPHER, CACHE_STORE, RATE_LIMITER],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.cache.close(), this.rateLimiter.close()]);
  }
}
