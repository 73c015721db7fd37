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

export function quotePageUrl(id: string): string {
  return `${QUOTE_PAGE}?id=${encodeURIComponent(id)}`;
}
