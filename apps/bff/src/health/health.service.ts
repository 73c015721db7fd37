import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CACHE_STORE, type CacheStore } from '../common/cache/cache.store.js';
import { logger } from '../common/logger.js';
import { Database } from '../database/database.js';

export type CheckStatus = 'ok' | 'down';

/**
 * What /health tells anyone who asks: status words only. Addresses, engines and error texts would
 * help an attacker map the deployment; they go to the log for operators instead.
 */
export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly database: CheckStatus;
  readonly cache: CheckStatus;
  /** Only where a sandbox is configured (development and tests). */
  readonly sandbox?: CheckStatus;
}

const CHECK_TIMEOUT_MS = 1500;

async function probe(name: string, check: () => Promise<unknown>): Promise<CheckStatus> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_resolve, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
    ]);
    return 'ok';
  } catch (error) {
    logger.warn(
      { check: name, latencyMs: Math.round(performance.now() - started), detail: (error as Error).message },
      'health check failed',
    );
    return 'down';
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CACHE_STORE) private readonly cache: CacheStore,
  ) {}

  async check(): Promise<HealthReport> {
    const sandboxUrl = this.config.sandboxUrl;
    const [database, cache, sandbox] = await Promise.all([
      probe('database', () => this.database.ping()),
      probe('cache', () => this.cache.ping()),
      sandboxUrl
        ? probe('sandbox', async () => {
            const response = await fetch(`${sandboxUrl}/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
          })
        : Promise.resolve(undefined),
    ]);
    const checks = [database, cache, sandbox].filter((check) => check !== undefined);
    return {
      status: checks.every((check) => check === 'ok') ? 'ok' : 'degraded',
      database,
      cache,
      ...(sandbox ? { sandbox } : {}),
    };
  }
}
