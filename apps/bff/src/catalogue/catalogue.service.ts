import { Inject, Injectable } from '@nestjs/common';
import {
  CATEGORY_LABELS,
  InvalidCursorError,
  MAX_PAGE_SIZE,
  type Page,
  type Product,
  type ProductFilter,
  matchesFilter,
  paginate,
} from '@family/domain';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { logger } from '../common/logger.js';
import { InvalidCursorInputError, InvalidPageSizeError, SearchTextTooLongError } from './catalogue.errors.js';
import {
  INSURER_ADAPTERS,
  type InsurerAdapter,
  type UpstreamErrorCode,
  UpstreamError,
} from './insurers/insurer.port.js';
import { InsurerRepository } from './insurer.repository.js';

export const MAX_SEARCH_LENGTH = 50;

export interface InsurerSummary {
  readonly id: string;
  readonly name: string;
}

export interface InsurerFailure {
  readonly insurer: InsurerSummary;
  readonly code: UpstreamErrorCode;
}

export interface ProductListing {
  readonly page: Page<Product>;
  readonly insurers: ReadonlyMap<string, InsurerSummary>;
  readonly failures: readonly InsurerFailure[];
}

@Injectable()
export class CatalogueService {
  private readonly adapters: ReadonlyMap<string, InsurerAdapter>;

  constructor(
    private readonly insurers: InsurerRepository,
    @Inject(INSURER_ADAPTERS) adapters: InsurerAdapter[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.adapters = new Map(adapters.map((adapter) => [adapter.wireFormat, adapter]));
  }

  async listProducts(filter: ProductFilter, first: number, after: string | null): Promise<ProductListing> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new InvalidPageSizeError();
    if (filter.text && filter.text.length > MAX_SEARCH_LENGTH) throw new SearchTextTooLongError(MAX_SEARCH_LENGTH);

    const insurers = await this.insurers.findEnabled();
    const wanted = filter.insurerId ? insurers.filter((insurer) => insurer.id === filter.insurerId) : insurers;
    // Every insurer is asked at once, each within its own time budget: an answer takes as long as the
    // slowest insurer, not the sum, and one failing insurer costs only its own products.
    const results = await Promise.allSettled(
      wanted.map((insurer) => {
        const adapter = this.adapters.get(insurer.wireFormat);
        if (!adapter) throw new UpstreamError('UNAVAILABLE', `no adapter for ${insurer.wireFormat}`);
        const endpoint = { ...insurer, url: `${this.config.sandboxUrl}${insurer.endpointPath}` };
        return adapter.fetchCatalogue(endpoint, AbortSignal.timeout(this.config.upstreamTimeoutMs));
      }),
    );

    const products: Product[] = [];
    const failures: InsurerFailure[] = [];
    results.forEach((result, index) => {
      const insurer = { id: wanted[index].id, name: wanted[index].name };
      if (result.status === 'fulfilled') {
        products.push(...result.value);
        return;
      }
      const error = result.reason;
      const code = error instanceof UpstreamError ? error.code : 'UNAVAILABLE';
      logger.warn({ insurerId: insurer.id, code, detail: (error as Error).message }, 'insurer catalogue failed');
      failures.push({ insurer, code });
    });

    const label = (category: Product['category']): string => CATEGORY_LABELS[category];
    const matching = products.filter((product) => matchesFilter(product, filter, label));
    let page: Page<Product>;
    try {
      page = paginate(matching, { first, after });
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new InvalidCursorInputError();
      throw error;
    }
    return {
      page,
      insurers: new Map(insurers.map((insurer) => [insurer.id, { id: insurer.id, name: insurer.name }])),
      failures,
    };
  }
}
