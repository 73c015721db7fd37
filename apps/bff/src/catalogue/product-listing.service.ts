import { Injectable } from '@nestjs/common';
import {
  CATEGORY_LABELS,
  type Comparison,
  InvalidCursorError,
  MAX_COMPARED_PRODUCTS,
  MAX_PAGE_SIZE,
  MIN_COMPARED_PRODUCTS,
  type Page,
  type Product,
  type ProductFilter,
  type ProductSort,
  type Sorter,
  byName,
  byPrice,
  byScore,
  compareProducts,
  matchesFilter,
  paginate,
  relevanceSortValue,
  type TextRange,
} from '@family/domain';
import {
  ComparisonSizeInputError,
  InvalidAgeFilterError,
  InvalidBudgetError,
  InvalidCursorInputError,
  InvalidPageSizeError,
  SearchTextTooLongError,
} from './catalogue.errors.js';
import { type CatalogueSnapshot, CatalogueSnapshotService, findProduct } from './catalogue-snapshot.service.js';
import { type SearchFallback, type SearchSuggestion } from './search/catalogue-search.index.js';
import { CatalogueSearchService } from './search/catalogue-search.service.js';

export const MAX_SEARCH_LENGTH = 50;
const MAX_AGE = 120;
/** Listings kept per catalogue signature (distinct filter/sort/page requests); the oldest goes first. */
const MAX_KEPT_LISTINGS = 64;

export interface ProductListing {
  readonly page: Page<Product>;
  readonly snapshot: CatalogueSnapshot;
  /** Present when the filter has text: how it was read, what to highlight, and what to offer instead. */
  readonly search?: ListingSearch;
}

/** What a listing computes from the products alone: the same for every snapshot of one signature. */
type ListingContent = Omit<ProductListing, 'snapshot'>;

export interface ListingSearch {
  /** "为您找到：适合 5 岁的重疾险", or null when the text was matched as plain text only. */
  readonly understood: string | null;
  /** Ranges of each listed product's name to highlight, by product id. */
  readonly highlights: ReadonlyMap<string, readonly TextRange[]>;
  /** When nothing matched: the closest categories and the best-scored products. */
  readonly fallback: SearchFallback | null;
}

export type { SearchFallback, SearchSuggestion };

/** Browsing the catalogue (C2, C3, C5): filtered and sorted pages, one product, comparisons. */
@Injectable()
export class ProductListingService {
  constructor(
    private readonly snapshots: CatalogueSnapshotService,
    private readonly search: CatalogueSearchService,
  ) {}

  /**
   * Listings handed out per snapshot, by request: requests that shared one snapshot (they joined its
   * take, CatalogueSnapshotService) and ask the same page get the very same listing, mapped once
   * (ProductsResolver). Held only as long as the snapshot is.
   */
  private readonly listings = new WeakMap<CatalogueSnapshot, Map<string, ProductListing>>();
  /**
   * What listings computed (filtered, sorted, paginated; searched), by request, for the catalogue's
   * current signature: snapshots with equal signatures hold equal products and scores, so a later
   * snapshot of an unchanged catalogue (every insurer asked again and answering the same) computes
   * nothing again. Dropped when the signature changes.
   */
  private content: { signature: string; byKey: Map<string, ListingContent> } = { signature: '', byKey: new Map() };

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
    const snapshot = await this.snapshots.snapshot();
    const key = JSON.stringify([filter, sort, first, after]);
    let kept = this.listings.get(snapshot);
    const held = kept?.get(key);
    if (held) return held;
    const listing: ProductListing = {
      ...this.contentOf(snapshot, key, () => this.list(snapshot, filter, sort, first, after)),
      snapshot,
    };
    if (!kept) this.listings.set(snapshot, (kept = new Map()));
    if (kept.size < MAX_KEPT_LISTINGS) kept.set(key, listing);
    return listing;
  }

  private contentOf(snapshot: CatalogueSnapshot, key: string, compute: () => ListingContent): ListingContent {
    if (this.content.signature !== snapshot.signature)
      this.content = { signature: snapshot.signature, byKey: new Map() };
    const { byKey } = this.content;
    const held = byKey.get(key);
    if (held) {
      // Most recently used last: the oldest is the first to go.
      byKey.delete(key);
      byKey.set(key, held);
      return held;
    }
    const computed = compute();
    byKey.set(key, computed);
    if (byKey.size > MAX_KEPT_LISTINGS) byKey.delete(byKey.keys().next().value as string);
    return computed;
  }

  private list(
    snapshot: CatalogueSnapshot,
    filter: ProductFilter,
    sort: ProductSort,
    first: number,
    after: string | null,
  ): ListingContent {
    const label = (category: Product['category']): string => CATEGORY_LABELS[category];
    const text = filter.text?.trim();
    try {
      if (!text) {
        const matching = snapshot.products.filter((product) => matchesFilter(product, filter, label));
        return { page: paginate(matching, { first, after }, this.sorter(sort, snapshot)) };
      }
      // C2: the text is read (synonyms, audiences, pinyin, typos) and matched through the search index;
      // the other filters narrow the candidates as before.
      const index = this.search.indexFor(snapshot);
      const candidates = snapshot.products.filter((product) =>
        matchesFilter(product, { ...filter, text: null }, label),
      );
      const outcome = index.search(text, candidates);
      const relevance = new Map(outcome.hits.map((hit) => [hit.product.id, hit.relevance]));
      const sorter: Sorter<Product> =
        sort === 'SCORE'
          ? {
              name: 'RELEVANCE',
              value: (product) =>
                relevanceSortValue(relevance.get(product.id) ?? 0, snapshot.scores.get(product.id)?.composite ?? null),
              compare: (a, b) => (a < b ? 1 : a > b ? -1 : 0),
            }
          : this.sorter(sort, snapshot);
      const page = paginate(
        outcome.hits.map((hit) => hit.product),
        { first, after },
        sorter,
      );
      const highlights = new Map(outcome.hits.map((hit) => [hit.product.id, hit.highlights]));
      const fallback = outcome.hits.length === 0 ? index.fallback(text, outcome.query) : null;
      return { page, search: { understood: outcome.understood, highlights, fallback } };
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new InvalidCursorInputError();
      throw error;
    }
  }

  /** Completions of what is being typed in the search box (cheap: a scan of a precomputed list). */
  async suggest(prefix: string): Promise<SearchSuggestion[]> {
    if (prefix.length > MAX_SEARCH_LENGTH) throw new SearchTextTooLongError(MAX_SEARCH_LENGTH);
    if (!prefix.trim()) return [];
    const snapshot = await this.snapshots.snapshot();
    return this.search.indexFor(snapshot).suggest(prefix);
  }

  async getProduct(id: string): Promise<{ product: Product; snapshot: CatalogueSnapshot }> {
    const snapshot = await this.snapshots.snapshot();
    return { product: findProduct(snapshot, id), snapshot };
  }

  /** The insurers whose products are listed (those that answered and pass the gate), and failures. */
  listInsurers(): Promise<CatalogueSnapshot> {
    return this.snapshots.snapshot();
  }

  async compare(
    ids: readonly string[],
  ): Promise<{ products: Product[]; comparison: Comparison; snapshot: CatalogueSnapshot }> {
    const unique = [...new Set(ids)];
    if (unique.length !== ids.length || ids.length < MIN_COMPARED_PRODUCTS || ids.length > MAX_COMPARED_PRODUCTS)
      throw new ComparisonSizeInputError();
    const snapshot = await this.snapshots.snapshot();
    const products = ids.map((id) => findProduct(snapshot, id));
    return { products, comparison: compareProducts(products), snapshot };
  }

  private sorter(sort: ProductSort, snapshot: CatalogueSnapshot): Sorter<Product> {
    if (sort === 'PRICE') return byPrice;
    if (sort === 'NAME') return byName;
    return byScore<Product>((product) => snapshot.scores.get(product.id)?.composite ?? null);
  }
}
