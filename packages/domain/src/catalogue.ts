import type { Product, ProductCategory } from './product.js';
import { decodeCursor, encodeCursor } from './pagination.js';

export interface ProductFilter {
  readonly category?: ProductCategory | null;
  readonly insurerId?: string | null;
  /** Free text matched against the product name and category label (Chinese included). */
  readonly text?: string | null;
}

export interface PageRequest {
  readonly first: number;
  readonly after?: string | null;
}

export interface Page<T> {
  readonly items: readonly { cursor: string; node: T }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  readonly totalCount: number;
}

export const MAX_PAGE_SIZE = 50;

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`Invalid cursor: ${cursor}`);
    this.name = 'InvalidCursorError';
  }
}

export function matchesFilter(
  product: Product,
  filter: ProductFilter,
  categoryLabel: (category: ProductCategory) => string,
): boolean {
  if (filter.category && product.category !== filter.category) return false;
  if (filter.insurerId && product.insurerId !== filter.insurerId) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const haystack = `${product.name} ${categoryLabel(product.category)}`.toLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

/** Sort key of the default order: cheapest first, then by id so the order is total and stable. */
function sortKey(product: Product): string {
  return `${String(product.priceFrom).padStart(12, '0')}|${product.id}`;
}

/**
 * Cuts one page out of an unsorted list. The cursor carries the sort key of the last item returned,
 * so a page is stable even when the upstream list changes between requests.
 */
export function paginate(products: readonly Product[], request: PageRequest): Page<Product> {
  const keyed = products
    .map((node) => ({ key: sortKey(node), node }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let start = 0;
  if (request.after) {
    const afterKey = decodeCursor(request.after);
    if (afterKey === null) throw new InvalidCursorError(request.after);
    start = keyed.findIndex((entry) => entry.key > afterKey);
    if (start === -1) start = keyed.length;
  }
  const slice = keyed.slice(start, start + request.first);
  const items = slice.map((entry) => ({ cursor: encodeCursor(entry.key), node: entry.node }));
  return {
    items,
    hasNextPage: start + request.first < keyed.length,
    endCursor: items.length > 0 ? items[items.length - 1].cursor : null,
    totalCount: keyed.length,
  };
}
