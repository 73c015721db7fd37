import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { type InsurerFacts, type Product, type ProductScore, assessInsurer, scoreCatalogue } from '@family/domain';
import { CLOCK, type Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import { InsurerUnavailableError, ProductNotFoundError } from './catalogue.errors.js';
import type { InsurerEntity } from './entities/insurer.entity.js';
import { InsurerCatalogueLoader, type LoadedCatalogue } from './insurer-catalogue.loader.js';
import { type UpstreamErrorCode, UpstreamError } from './insurers/insurer.port.js';
import { InsurerRepository } from './insurer.repository.js';

const INSURER_LIST_TTL_MS = 5000;

export interface InsurerSummary {
  readonly id: string;
  readonly name: string;
}

export interface ListedInsurer extends InsurerSummary {
  readonly facts: InsurerFacts;
}

export interface InsurerFailure {
  readonly insurer: InsurerSummary;
  readonly code: UpstreamErrorCode;
}

export interface InsurerFreshness {
  readonly insurer: InsurerSummary;
  readonly fetchedAt: number;
  readonly stale: boolean;
}

/**
 * Everything the catalogue knows at one moment: products of the insurers that answered (now or from
 * cache) and pass the qualification gate (C7), their scores, what failed, and how old the data is.
 */
export interface CatalogueSnapshot {
  readonly products: readonly Product[];
  readonly insurers: ReadonlyMap<string, ListedInsurer>;
  readonly scores: ReadonlyMap<string, ProductScore>;
  readonly failures: readonly InsurerFailure[];
  readonly freshness: readonly InsurerFreshness[];
  /** Epoch ms the snapshot was taken, to compute ages from. */
  readonly takenAt: number;
  /**
   * Names every listed insurer's catalogue revision (what its upstream sent, not when): equal
   * signatures mean equal products and scores, so what is derived from them (scores, listings, the
   * search index) is kept until it changes, even across loads that found nothing new.
   */
  readonly signature: string;
}

/** A product of the snapshot; names the insurer when the product's insurer could not be reached. */
export function findProduct(snapshot: CatalogueSnapshot, id: string): Product {
  const product = snapshot.products.find((candidate) => candidate.id === id);
  if (product) return product;
  // The id names an insurer we could not reach: say so rather than "not found".
  const failure = snapshot.failures.find((candidate) => id.startsWith(`${candidate.insurer.id}:`));
  if (failure) throw new InsurerUnavailableError(failure.insurer.name, failure.code);
  throw new ProductNotFoundError();
}

/**
 * Takes snapshots of the whole catalogue: every enabled insurer loaded in parallel through the
 * resilient loader, so an answer takes as long as the slowest insurer within its budget, not the sum,
 * and one failing insurer costs only its own products.
 */
@Injectable()
export class CatalogueSnapshotService {
  /** Scores depend on the whole catalogue; they are kept until any insurer's data changes. */
  private scoreMemo: { signature: string; scores: ReadonlyMap<string, ProductScore> } | null = null;
  /** The enabled insurers, re-read at most every few seconds: an operator's change shows soon enough. */
  private insurersMemo: { readAt: number; rows: Promise<InsurerEntity[]> } | null = null;
  /**
   * The last version, kept while nothing it depends on can have changed: until the first of its
   * entries leaves freshness or the insurer list is re-read, and as long as the loader has taken no
   * new entry. A stale or failed insurer is not kept (each request must try it again).
   */
  private versionMemo: { version: string; validUntil: number; generation: number } | null = null;
  /**
   * The snapshot being taken, if any: requests that arrive while it is taken join it and share the
   * one snapshot it builds (and what is memoised on it, e.g. listing pages), instead of each building
   * its own the moment the insurers answer (docs/performance.md, Issue 11, "Single-flight").
   *
   * Freshness: a request that arrives after a take has completed always starts a new one, so with
   * CATALOGUE_FRESH_SECONDS=0 it never gets data whose load had finished before it arrived. A request
   * that joins a take in flight gets data whose load started before it arrived, at most one load
   * (bounded by UPSTREAM_TIMEOUT_MS) earlier: the usual single-flight trade-off, and the one the
   * loader already makes per insurer (its own single-flight), so joining here adds no older data.
   */
  private inFlight: Promise<CatalogueSnapshot> | null = null;

  constructor(
    private readonly insurers: InsurerRepository,
    private readonly loader: InsurerCatalogueLoader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  snapshot(): Promise<CatalogueSnapshot> {
    if (this.inFlight) return this.inFlight;
    const taking = this.take();
    this.inFlight = taking;
    // Settled: the next request takes a new snapshot (a failure is not kept either).
    const release = (): void => {
      if (this.inFlight === taking) this.inFlight = null;
    };
    taking.then(release, release);
    return taking;
  }

  /** Takes one snapshot: loads every enabled insurer (through the loader) and builds it. */
  private async take(): Promise<CatalogueSnapshot> {
    const wanted = await this.enabledInsurers();
    const results = await this.loadAll(wanted);

    const products: Product[] = [];
    const insurers = new Map<string, ListedInsurer>();
    const failures: InsurerFailure[] = [];
    const freshness: InsurerFreshness[] = [];
    const revisions: string[] = [];
    results.forEach((result, index) => {
      const summary = { id: wanted[index].id, name: wanted[index].name };
      if (result.status === 'rejected') {
        const error = result.reason as Error;
        const code = error instanceof UpstreamError ? error.code : 'UNAVAILABLE';
        logger.warn({ insurerId: summary.id, code, detail: error.message }, 'insurer catalogue failed');
        failures.push({ insurer: summary, code });
        return;
      }
      const { catalogue, fetchedAt, stale } = result.value;
      const assessment = assessInsurer(catalogue.insurer);
      if (!assessment.qualified) {
        // C7: an insurer that fails the gate is not listed at all; operators see why in the logs.
        logger.info({ insurerId: summary.id, reasons: assessment.reasons }, 'insurer excluded by qualification gate');
        return;
      }
      insurers.set(summary.id, { ...summary, facts: catalogue.insurer });
      products.push(...catalogue.products);
      freshness.push({ insurer: summary, fetchedAt, stale });
      revisions.push(`${summary.id}@${catalogue.revision}`);
    });
    const signature = revisions.join(',');
    return {
      products,
      insurers,
      scores: this.scores(signature, products, insurers),
      failures,
      freshness,
      takenAt: this.clock.now(),
      signature,
    };
  }

  /**
   * What every public answer about the catalogue depends on, without building a snapshot: each
   * enabled insurer's data version (when it was fetched), whether it is served stale, or that it
   * failed. Changes whenever any insurer's data does; keys the response cache (docs/performance.md).
   */
  async version(): Promise<string> {
    const memo = this.versionMemo;
    if (memo && this.clock.now() < memo.validUntil && memo.generation === this.loader.generation) return memo.version;
    const generation = this.loader.generation;
    const wanted = await this.enabledInsurers();
    const results = await this.loadAll(wanted);
    let validUntil = (this.insurersMemo?.readAt ?? 0) + INSURER_LIST_TTL_MS;
    const version = results
      .map((result, index) => {
        const insurer = `${wanted[index].id}:${wanted[index].name}`;
        if (result.status === 'rejected') {
          validUntil = 0;
          const error = result.reason as Error;
          return `${insurer}!${error instanceof UpstreamError ? error.code : 'UNAVAILABLE'}`;
        }
        if (result.value.stale) validUntil = 0;
        else validUntil = Math.min(validUntil, result.value.fetchedAt + this.loader.freshMs);
        return `${insurer}@${result.value.fetchedAt}${result.value.stale ? '~' : ''}`;
      })
      .join(',');
    // Loads that took a new entry while this ran: the next call looks again.
    this.versionMemo = this.loader.generation === generation ? { version, validUntil, generation } : null;
    return version;
  }

  /** The kept version while it is still valid, without waiting; undefined when `version()` must look again. */
  versionNow(): string | undefined {
    const memo = this.versionMemo;
    return memo && this.clock.now() < memo.validUntil && memo.generation === this.loader.generation
      ? memo.version
      : undefined;
  }

  /**
   * Loads every insurer, results in `wanted`'s order. A load waits for its slowest insurer, so the
   * insurers it must ask (none held fresh in memory) are asked slowest first, by their last fetch,
   * in groups of 1, 2, 4, 8, … with a turn of the event loop after each group. Node's HTTP client
   * writes a request on the next tick, so requests made in one go leave together once the last is
   * made: making a hundred insurers' 400-odd requests takes 15–35 ms, and the slowest insurer's
   * answer came that much late. The turns let each group's requests leave before the next group's
   * are made, for about log2(n) turns (docs/performance.md, Issue 11, "Requests leave as made").
   */
  private async loadAll(wanted: readonly InsurerEntity[]): Promise<PromiseSettledResult<LoadedCatalogue>[]> {
    const loads = new Array<Promise<LoadedCatalogue>>(wanted.length);
    const asking: { insurer: InsurerEntity; index: number; expectedMs: number }[] = [];
    wanted.forEach((insurer, index) => {
      if (this.loader.holdsFresh(insurer.id)) loads[index] = this.loader.load(insurer);
      else asking.push({ insurer, index, expectedMs: this.loader.expectedFetchMs(insurer.id) });
    });
    asking.sort((a, b) => b.expectedMs - a.expectedMs);
    // Each group ends where the next, twice as large, begins: after 1, 3, 7, 15, … insurers.
    let groupEnd = 1;
    for (let i = 0; i < asking.length; i++) {
      const { insurer, index } = asking[i];
      const load = this.loader.load(insurer);
      // Settled together below; until then a failure must not count as unhandled.
      load.catch(() => undefined);
      loads[index] = load;
      if (i + 1 === groupEnd && i + 1 < asking.length) {
        groupEnd = 2 * groupEnd + 1;
        await nextTurn();
      }
    }
    return Promise.allSettled(loads);
  }

  private enabledInsurers(): Promise<InsurerEntity[]> {
    const now = this.clock.now();
    if (!this.insurersMemo || now - this.insurersMemo.readAt >= INSURER_LIST_TTL_MS) {
      const rows = this.insurers.findEnabled();
      // A failed read is not kept: the next request asks the database again.
      rows.catch(() => (this.insurersMemo = null));
      this.insurersMemo = { readAt: now, rows };
    }
    return this.insurersMemo.rows;
  }

  private scores(
    signature: string,
    products: readonly Product[],
    insurers: ReadonlyMap<string, ListedInsurer>,
  ): ReadonlyMap<string, ProductScore> {
    if (this.scoreMemo?.signature === signature) return this.scoreMemo.scores;
    const facts = new Map([...insurers].map(([id, insurer]) => [id, insurer.facts]));
    const scores = scoreCatalogue(products, facts);
    this.scoreMemo = { signature, scores };
    return scores;
  }
}
