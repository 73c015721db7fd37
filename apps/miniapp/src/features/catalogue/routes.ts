/**
 * Paths of the catalogue's pages; they must match app.config.ts. The home page is the tab page
 * `pages/index/index` (main package), which shows `screens/home`; the others form this feature's
 * subpackage, whose root is `features/catalogue/pages`.
 */

export const HOME_PAGE = '/pages/index/index';
export const PRODUCT_PAGE = '/features/catalogue/pages/product/index';
export const COMPARE_PAGE = '/features/catalogue/pages/compare/index';
export const QUOTE_PAGE = '/features/catalogue/pages/quote/index';

export function productPageUrl(id: string): string {
  return `${PRODUCT_PAGE}?id=${encodeURIComponent(id)}`;
}

export interface QuotePrefill {
  /** The insured person's age in completed years: the form opens with it filled in. */
  age?: number | null;
}

/** The quote form for a product, optionally for a person of a known age (from the coverage gaps). */
export function quotePageUrl(id: string, prefill: QuotePrefill = {}): string {
  const age = prefill.age;
  const withAge = age !== null && age !== undefined && Number.isInteger(age) && age >= 0 ? `&age=${age}` : '';
  return `${QUOTE_PAGE}?id=${encodeURIComponent(id)}${withAge}`;
}
