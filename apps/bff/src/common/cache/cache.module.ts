import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { CLOCK, systemClock } from '../clock.js';
import { CACHE_STORE, type CacheStore } from './cache.store.js';
import { MemoryCacheStore } from './memory-cache.store.js';
import { RedisCacheStore } from './redis-cache.store.js';

/** The cache store (Redis when REDIS_URL is set, memory otherwise) and the clock, for every feature. */
@Global()
@Module({})
export class CacheModule implements OnApplicationShutdown {
  constructor(@Inject(CACHE_STORE) private readonly store: CacheStore) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CacheModule,
      providers: [
        { provide: CLOCK, useValue: systemClock },
        {
          provide: CACHE_STORE,
          useFactory: async (): Promise<CacheStore> =>
            config.redisUrl ? RedisCacheStore.connect(config.redisUrl, config.redisKeyPrefix) : new MemoryCacheStore(),
        },
      ],
      exports: [CACHE_STORE, CLOCK],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
