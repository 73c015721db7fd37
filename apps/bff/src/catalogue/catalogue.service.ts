import { Inject, Injectable } from '@nestjs/common';
import {
  CATEGORY_LABELS,
  type Comparison,
  DateInputError,
  type InsurerFacts,
  InvalidCursorError,
  MAX_COMPARED_PRODUCTS,
  MAX_PAGE_SIZE,
  MIN_COMPARED_PRODUCTS,
  type Page,
  type PaymentFrequency,
  type Product,
  type ProductFilter,
  type ProductScore,
  type ProductSort,
  type Sorter,
  ageOn,
  assessInsurer,
  byName,
  byPrice,
  byScore,
  compareProducts,
  matchesFilter,
  paginate,
  quote,
  scoreCatalogue,
} from '@family/domain';
import { CLOCK, type Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import {
  ComparisonSizeInputError,
  InsurerUnavailableError,
  InvalidAgeFilterError,
  InvalidBudgetError,
  InvalidCursorInputError,
  InvalidPageSizeError,
  NotEligibleError,
  ProductNotFoundError,
  QuoteAgeInputError,
  QuoteBirthDateInputError,
  SearchTextTooLongError,
} from './catalogue.errors.js';
import { InsurerCatalogueLoader } from './insurer-catalogue.loader.js';
import { type UpstreamErrorCode, UpstreamError } from './insurers/insurer.port.js';
import type { InsurerEntity } from './entities/insurer.entity.js';
import { InsurerRepository } from './insurer.repository.js';

export const MAX_SEARCH_LENGTH = 50;
const INSURER_LIST_TTL_MS = 5000;
const MAX_AGE = 120;

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
}

export interface ProductListing {
  readonly page: Page<Product>;
  readonly snapshot: CatalogueSnapshot;
}

export interface QuoteInput {
  readonly productId: string;
  readonly age?: number | null;
  /** YYYY-MM-DD; used when `age` is not given, counted on today's date in China. */
  readonly birthDate?: string | null;
  readonly socialInsurance: boolean;
  readonly plan: string;
  readonly frequency: PaymentFrequency;
  readonly occupationClass?: number | null;
}

export interface QuoteOutcome {
  readonly product: Product;
  readonly age: number;
  readonly plan: string;
  readonly frequency: PaymentFrequency;
  readonly perPayment: number;
  readonly paymentsPerYear: number;
  readonly yearlyTotal: number;
  readonly snapshot: CatalogueSnapshot;
}

/** Today's date in China (UTC+8, no daylight saving) as YYYY-MM-DD. */
function chinaDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

@Injectable()
export class CatalogueService {
  /** Scores depend on the whole catalogue; they are kept until any insurer's data changes. */
  private scoreMemo: { signature: string; scores: ReadonlyMap<string, ProductScore> } | null = null;
  /** The enabled insurers, re-read at most every few seconds: an operator's change shows soon enough. */
  private insurersMemo: { readAt: number; rows: Promise<InsurerEntity[]> } | null = null;

  constructor(
    private readonly insurers: InsurerRepository,
    private readonly loader: InsurerCatalogueLoader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listProducts(
    filter: ProductFilter,
    sort: ProductSort,
    first: number,
    after: string | null,
  ): Promise<ProductListing> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new InvalidPageSizeError();
    if (filter.text && filter.text.length > MAX_SEARCH_LENGTH) throw new SearchTextTooLongError(MAX_SEARCH_LENGTH);
    if (filter.age !== null && filter.age !== undefined && !(filter.age >= 0 && filter.age <= MAX_AGE))
      throw new InvalidAgeFilterError('filter.age');
    if (filter.budget !== null && filter.budget !== undefined && filter.budget < 0) throw new InvalidBudgetError();

    // The whole catalogue even for one insurer: scores are relative to each category's peers.
    const snapshot = await this.snapshot();
    const label = (category: Product['category']): string => CATEGORY_LABELS[category];
    const matching = snapshot.products.filter((product) => matchesFilter(product, filter, label));
    try {
      return { page: paginate(matching, { first, after }, this.sorter(sort, snapshot)), snapshot };
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new InvalidCursorInputError();
      throw error;
    }
  }

  async getProduct(id: string): Promise<{ product: Product; snapshot: CatalogueSnapshot }> {
    const snapshot = await this.snapshot();
    return { product: this.findProduct(snapshot, id), snapshot };
  }

  /** The insurers whose products are listed (those that answered and pass the gate), and failures. */
  async listInsurers(): Promise<CatalogueSnapshot> {
    return this.snapshot();
  }

  async compare(
    ids: readonly string[],
  ): Promise<{ products: Product[]; comparison: Comparison; snapshot: CatalogueSnapshot }> {
    const unique = [...new Set(ids)];
    if (unique.length !== ids.length || ids.length < MIN_COMPARED_PRODUCTS || ids.length > MAX_COMPARED_PRODUCTS)
      throw new ComparisonSizeInputError();
    const snapshot = await this.snapshot();
    const products = ids.map((id) => this.findProduct(snapshot, id));
    return { products, comparison: compareProducts(products), snapshot };
  }

  async quote(input: QuoteInput): Promise<QuoteOutcome> {
    const age = this.quoteAge(input);
    const snapshot = await this.snapshot();
    const product = this.findProduct(snapshot, input.productId);
    const result = quote(product, {
      age,
      socialInsurance: input.socialInsurance,
      plan: input.plan,
      frequency: input.frequency,
      occupationClass: input.occupationClass ?? undefined,
    });
    if (!result.ok) throw new NotEligibleError(result.reasons);
    return {
      product,
      age,
      plan: input.plan,
      frequency: result.frequency,
      perPayment: result.perPayment,
      paymentsPerYear: result.paymentsPerYear,
      yearlyTotal: result.yearlyTotal,
      snapshot,
    };
  }

  private quoteAge(input: QuoteInput): number {
    if (input.age !== null && input.age !== undefined) {
      if (!Number.isInteger(input.age) || input.age < 0 || input.age > MAX_AGE)
        throw new QuoteAgeInputError('年龄须为 0 到 120 之间的整数');
      return input.age;
    }
    if (!input.birthDate) throw new QuoteAgeInputError('请填写被保人年龄或出生日期');
    try {
      return ageOn(input.birthDate, chinaDate(this.clock.now()));
    } catch (error) {
      if (error instanceof DateInputError) throw new QuoteBirthDateInputError(error.message);
      throw error;
    }
  }

  private findProduct(snapshot: CatalogueSnapshot, id: string): Product {
    const product = snapshot.products.find((candidate) => candidate.id === id);
    if (product) return product;
    // The id names an insurer we could not reach: say so rather than "not found".
    const failure = snapshot.failures.find((candidate) => id.startsWith(`${candidate.insurer.id}:`));
    if (failure) throw new InsurerUnavailableError(failure.insurer.name, failure.code);
    throw new ProductNotFoundError();
  }

  private sorter(sort: ProductSort, snapshot: CatalogueSnapshot): Sorter<Product> {
    if (sort === 'PRICE') return byPrice;
    if (sort === 'NAME') return byName;
    return byScore<Product>((product) => snapshot.scores.get(product.id)?.composite ?? null);
  }

  /**
   * Loads every enabled insurer in parallel through the resilient loader. An answer takes as
   * long as the slowest insurer within its budget, not the sum; one failing insurer costs only its
   * own products.
   */
  private async snapshot(): Promise<CatalogueSnapshot> {
    const wanted = await this.enabledInsurers();
    const results = await Promise.allSettled(wanted.map((insurer) => this.loader.load(insurer)));

    const products: Product[] = [];
    const insurers = new Map<string, ListedInsurer>();
    const failures: InsurerFailure[] = [];
    const freshness: InsurerFreshness[] = [];
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
    });
    return {
      products,
      insurers,
      scores: this.scores(products, insurers, freshness),
      failures,
      freshness,
      takenAt: this.clock.now(),
    };
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
    products: readonly Product[],
    insurers: ReadonlyMap<string, ListedInsurer>,
    freshness: readonly InsurerFreshness[],
  ): ReadonlyMap<string, ProductScore> {
    const signature = freshness
      .map((entry) => `${entry.insurer.id}@${entry.fetchedAt}`)
      .sort()
      .join(',');
    if (this.scoreMemo?.signature === signature) return this.scoreMemo.scores;
    const facts = new Map([...insurers].map(([id, insurer]) => [id, insurer.facts]));
    const scores = scoreCatalogue(products, facts);
    this.scoreMemo = { signature, scores };
    return scores;
  }
}
