import { Inject, Injectable } from '@nestjs/common';
import { CACHE_STORE, type CacheStore } from '../common/cache/cache.store.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import { CircuitBreakerRegistry } from '../common/resilience/circuit-breaker.js';
import { SingleFlight } from '../common/resilience/single-flight.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { InsurerEntity } from './entities/insurer.entity.js';
import {
  INSURER_ADAPTERS,
  type InsurerAdapter,
  type InsurerCatalogue,
  type InsurerEndpoint,
  UpstreamError,
} from './insurers/insurer.port.js';
import { upstreamBudget } from './insurers/upstream-http.client.js';

/** One insurer's catalogue as the loader hands it out, with how old it is. */
export interface LoadedCatalogue {
  readonly catalogue: InsurerCatalogue;
  /** When the upstream answered (epoch ms). */
  readonly fetchedAt: number;
  /** True when it is past its freshness and being refreshed in the background. */
  readonly stale: boolean;
}

interface CacheEntry {
  readonly catalogue: InsurerCatalogue;
  readonly fetchedAt: number;
}

/** Bump when the cached shape changes, so entries written by older code (in Redis) are not read. */
const CACHE_VERSION = 'v3';
const keyOf = (insurerId: string): string => `catalogue:${CACHE_VERSION}:${insurerId}`;

/**
 * Loads an insurer's catalogue through the resilience layer (C8):
 * - stale-while-revalidate cache: fresh entries are served as they are; entries past freshness but
 *   within the stale window are served at once and refreshed in the background;
 * - single-flight: concurrent misses (and refreshes) for one insurer make one upstream call;
 * - a time budget per upstream call (UPSTREAM_TIMEOUT_MS);
 * - a circuit breaker per insurer: after repeated failures the insurer is not called for a while,
 *   and its stale data (if any) keeps being served.
 * A failing cache store (Redis down) counts as a miss: the upstream is asked instead.
 */
@Injectable()
export class InsurerCatalogueLoader {
  private readonly adapters: ReadonlyMap<string, InsurerAdapter>;
  private readonly flights = new SingleFlight<LoadedCatalogue>();
  /**
   * The newest entry this instance has seen per key. A fresh one is served without touching the
   * store: the store (Redis) costs a parse of the whole catalogue per read, which the benchmark showed
   * to dominate a cached page (docs/performance.md). Without Redis this is the only copy.
   */
  private readonly local = new Map<string, CacheEntry>();
  /** Counts changes of `local`: what this instance serves changed when it did (catalogue versions). */
  private changes = 0;
  private readonly breakers: CircuitBreakerRegistry;
  /** How long each insurer's last upstream call took (ms), answered or failed. */
  private readonly lastFetchMs = new Map<string, number>();

  constructor(
    @Inject(INSURER_ADAPTERS) adapters: InsurerAdapter[],
    @Inject(CACHE_STORE) private readonly cache: CacheStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.adapters = new Map(adapters.map((adapter) => [adapter.wireFormat, adapter]));
    this.breakers = new CircuitBreakerRegistry({
      failureThreshold: config.circuitFailureThreshold,
      resetMs: config.circuitResetMs,
      now: () => clock.now(),
    });
  }

  async load(insurer: InsurerEntity): Promise<LoadedCatalogue> {
    const key = keyOf(insurer.id);
    const held = this.local.get(key);
    if (held && this.isFresh(held)) return { ...held, stale: false };
    // Past freshness here: another instance may have refreshed it in the shared store.
    const stored = await this.readCache(key);
    const cached = stored && (!held || stored.fetchedAt > held.fetchedAt) ? stored : held;
    if (cached && cached !== held) this.remember(key, cached);
    if (cached) {
      const age = this.clock.now() - cached.fetchedAt;
      if (age < this.config.catalogueFreshMs) return { ...cached, stale: false };
      if (age < this.config.catalogueFreshMs + this.config.catalogueMaxStaleMs) {
        this.refreshInBackground(insurer, key);
        return { ...cached, stale: true };
      }
    }
    return this.flights.run(key, () => this.fetchAndStore(insurer, key));
  }

  /** True when `load` answers this insurer from memory, with no I/O at all (its entry here is fresh). */
  holdsFresh(insurerId: string): boolean {
    const held = this.local.get(keyOf(insurerId));
    return held !== undefined && this.isFresh(held);
  }

  /** Changes whenever an entry this instance serves does (a fetch, or a newer one from the store). */
  get generation(): number {
    return this.changes;
  }

  /**
   * How long asking this insurer took last time (ms); an insurer not asked yet counts as the slowest.
   * A snapshot asks the slowest first, so that the load it waits for leaves first.
   */
  expectedFetchMs(insurerId: string): number {
    return this.lastFetchMs.get(insurerId) ?? Number.MAX_SAFE_INTEGER;
  }

  /** How long a fetched catalogue is served without asking anyone (CATALOGUE_FRESH_SECONDS). */
  get freshMs(): number {
    return this.config.catalogueFreshMs;
  }

  private isFresh(entry: CacheEntry): boolean {
    return this.clock.now() - entry.fetchedAt < this.config.catalogueFreshMs;
  }

  private remember(key: string, entry: CacheEntry): void {
    this.local.set(key, entry);
    this.changes += 1;
  }

  private refreshInBackground(insurer: InsurerEntity, key: string): void {
    if (this.flights.isInFlight(key)) return;
    this.flights
      .run(key, () => this.fetchAndStore(insurer, key))
      .catch((error: unknown) => {
        logger.warn({ insurerId: insurer.id, detail: (error as Error).message }, 'background refresh failed');
      });
  }

  private async fetchAndStore(insurer: InsurerEntity, key: string): Promise<LoadedCatalogue> {
    const adapter = this.adapters.get(insurer.wireFormat);
    if (!adapter) throw new UpstreamError('UNAVAILABLE', `no adapter for wire format ${insurer.wireFormat}`);
    const breaker = this.breakers.get(insurer.id);
    if (!breaker.tryAcquire()) throw new UpstreamError('CIRCUIT_OPEN', `circuit open for ${insurer.id}`);
    let catalogue: InsurerCatalogue;
    const started = this.clock.now();
    const budget = upstreamBudget(this.config.upstreamTimeoutMs);
    try {
      catalogue = await adapter.fetchCatalogue(this.endpoint(insurer), budget.signal);
    } catch (error) {
      breaker.recordFailure();
      throw error;
    } finally {
      // Pages an adapter asked for and no longer needs (past a catalogue's end) are given up here.
      budget.release();
      this.lastFetchMs.set(insurer.id, this.clock.now() - started);
    }
    breaker.recordSuccess();
    // An unchanged upstream (same revision): keep the catalogue already held, the very objects, so
    // that what was derived from them (scores, listings, the search index) is kept too.
    const held = this.local.get(key);
    const unchanged = held !== undefined && held.catalogue.revision === catalogue.revision;
    const entry: CacheEntry = { catalogue: unchanged ? held.catalogue : catalogue, fetchedAt: this.clock.now() };
    this.remember(key, entry);
    await this.writeCache(key, entry);
    return { ...entry, stale: false };
  }

  private endpoint(insurer: InsurerEntity): InsurerEndpoint {
    // No address, no call: an insurer is never reached at some default (the sandbox, say) by mistake.
    if (!insurer.baseUrl) throw new UpstreamError('UNAVAILABLE', `insurer ${insurer.id} has no base URL`);
    return {
      id: insurer.id,
      name: insurer.name,
      wireFormat: insurer.wireFormat,
      url: `${insurer.baseUrl.replace(/\/+$/, '')}${insurer.endpointPath}`,
      secret: this.config.insurerSecrets[insurer.id] ?? null,
    };
  }

  /** How long the store keeps an entry. */
  private get storeTtlMs(): number {
    return this.config.catalogueFreshMs + this.config.catalogueMaxStaleMs;
  }

  /**
   * Whether catalogues go through the store at all. Not when it is in-process (no REDIS_URL): nothing
   * but this loader reads its catalogue entries, and `local` already holds the parsed entry, so a JSON
   * copy there would only double the catalogue's memory (about 63 MB at 100 insurers and 10,000
   * products, docs/performance.md "Memory at scale"). Nor when catalogues are never kept
   * (CATALOGUE_FRESH_SECONDS=0 and CATALOGUE_MAX_STALE_SECONDS=0): an entry would expire as it is
   * written, yet serialising every catalogue on every load cost more than parsing it (decision 014).
   */
  private get usesStore(): boolean {
    return this.cache.engine !== 'memory' && this.storeTtlMs > 0;
  }

  private async readCache(key: string): Promise<CacheEntry | null> {
    if (!this.usesStore) return null;
    try {
      return await this.cache.get<CacheEntry>(key);
    } catch (error) {
      logger.warn({ key, detail: (error as Error).message }, 'cache read failed; asking the upstream');
      return null;
    }
  }

  private async writeCache(key: string, entry: CacheEntry): Promise<void> {
    if (!this.usesStore) return;
    try {
      await this.cache.set(key, entry, this.storeTtlMs);
    } catch (error) {
      logger.warn({ key, detail: (error as Error).message }, 'cache write failed');
    }
  }
}
