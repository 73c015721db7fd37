import type { Fen, Product, ProductCategory } from './product.js';
import { decodeCursor, encodeCursor } from './pagination.js';

export interface ProductFilter {
  readonly category?: ProductCategory | null;
  readonly insurerId?: string | null;
  /** Free text matched against the product name and category label (Chinese included). */
  readonly text?: string | null;
  /** Age of the person to insure: only products that accept it at entry. */
  readonly age?: number | null;
  /** Highest annual premium in fen: at `age` when given, otherwise the product's lowest price. */
  readonly budget?: Fen | null;
}

export const PRODUCT_SORTS = ['SCORE', 'PRICE', 'NAME'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

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

/** The lowest annual premium for someone of `age` across plans and social-insurance status, or null. */
export function lowestPremiumAt(product: Product, age: number): Fen | null {
  let lowest: Fen | null = null;
  for (const rate of product.premiums) {
    if (age >= rate.minAge && age <= rate.maxAge && (lowest === null || rate.annual < lowest)) lowest = rate.annual;
  }
  return lowest;
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
  const age = filter.age ?? null;
  if (age !== null && (age < product.minAge || age > product.maxAge)) return false;
  if (filter.budget !== null && filter.budget !== undefined) {
    const price = age === null ? product.priceFrom : lowestPremiumAt(product, age);
    if (price === null || price > filter.budget) return false;
  }
  return true;
}

/**
 * An order over items with ids: a sort value per item and how to compare two values. Ties are broken
 * by id, so the order is total and a cursor names one position exactly.
 */
export interface Sorter<T> {
  readonly name: string;
  value(item: T): string | number;
  compare(a: string | number, b: string | number): number;
}

interface Position {
  readonly value: string | number;
  readonly id: string;
}

function comparePositions<T>(sorter: Sorter<T>, a: Position, b: Position): number {
  return sorter.compare(a.value, b.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function cursorOf(sorter: Sorter<unknown>, position: Position): string {
  return encodeCursor(JSON.stringify([sorter.name, position.value, position.id]));
}

function positionOf(sorter: Sorter<unknown>, cursor: string): Position {
  const text = decodeCursor(cursor);
  let parsed: unknown;
  try {
    parsed = text === null ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sorter.name ||
    (typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number') ||
    typeof parsed[2] !== 'string'
  ) {
    throw new InvalidCursorError(cursor);
  }
  return { value: parsed[1], id: parsed[2] };
}

/**
 * Cuts one page out of an unsorted list. The cursor carries the sort value and id of the last item
 * returned (not an offset), so a page is stable when the list changes between requests, and a cursor
 * made for another order is refused.
 */
export function paginate<T extends { readonly id: string }>(
  items: readonly T[],
  request: PageRequest,
  sorter: Sorter<T>,
): Page<T> {
  const sorted = items
    .map((node) => ({ position: { value: sorter.value(node), id: node.id }, node }))
    .sort((a, b) => comparePositions(sorter, a.position, b.position));
  let start = 0;
  if (request.after) {
    const after = positionOf(sorter as Sorter<unknown>, request.after);
    start = sorted.findIndex((entry) => comparePositions(sorter, entry.position, after) > 0);
    if (start === -1) start = sorted.length;
  }
  const slice = sorted.slice(start, start + request.first);
  const pageItems = slice.map((entry) => ({
    cursor: cursorOf(sorter as Sorter<unknown>, entry.position),
    node: entry.node,
  }));
  return {
    items: pageItems,
    hasNextPage: start + request.first < sorted.length,
    endCursor: pageItems.length > 0 ? pageItems[pageItems.length - 1].cursor : null,
    totalCount: sorted.length,
  };
}

const ascending = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Cheapest first. */
export const byPrice: Sorter<Product> = { name: 'PRICE', value: (product) => product.priceFrom, compare: ascending };

/**
 * Chinese names in pinyin order (the BFF sorts; mini-program JavaScript engines may lack full ICU).
 */
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
export const byName: Sorter<Product> = {
  name: 'NAME',
  value: (product) => product.name,
  compare: (a, b) => collator.compare(String(a), String(b)),
};

/** Highest score first; `scoreOf` gives a product's composite (unscored products last). */
export function byScore<T extends { readonly id: string }>(scoreOf: (item: T) => number | null): Sorter<T> {
  return {
    name: 'SCORE',
    value: (item) => scoreOf(item) ?? -1,
    compare: (a, b) => ascending(b, a),
  };
}
