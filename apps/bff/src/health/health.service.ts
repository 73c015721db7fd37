import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CACHE_STORE, type CacheStore } from '../common/cache/cache.store.js';

export interface DependencyHealth {
  readonly status: 'ok' | 'down';
  readonly latencyMs: number;
  readonly error?: string;
}

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly database: DependencyHealth & { readonly engine: 'postgres' | 'pglite' };
  readonly cache: DependencyHealth & { readonly engine: 'memory' | 'redis' };
  readonly sandbox: DependencyHealth & { readonly url: string };
}

const CHECK_TIMEOUT_MS = 1500;

async function probe(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await check();
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CACHE_STORE) private readonly cache: CacheStore,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, cache, sandbox] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.cache.ping()),
      probe(async () => {
        const response = await fetch(`${this.config.sandboxUrl}/health`, {
          signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      }),
    ]);
    return {
      status: [database, cache, sandbox].every((check) => check.status === 'ok') ? 'ok' : 'degraded',
      database: { ...database, engine: this.config.database.kind },
      cache: { ...cache, engine: this.cache.engine },
      sandbox: { ...sandbox, url: this.config.sandboxUrl },
    };
  }
}
