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

export const MAX_SEARCH_LENGTH = 50;
const MAX_AGE = 120;

export interface ProductListing {
  readonly page: Page<Product>;
  readonly snapshot: CatalogueSnapshot;
}

/** Browsing the catalogue (C2, C3, C5): filtered and sorted pages, one product, comparisons. */
@Injectable()
export class ProductListingService {
  constructor(private readonly snapshots: CatalogueSnapshotService) {}

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
