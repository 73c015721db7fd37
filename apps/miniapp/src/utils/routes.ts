/** Page paths of the app, in one place; they must match app.config.ts. */

export const HOME_PAGE = '/pages/index/index';
export const PRODUCT_PAGE = '/packages/catalogue/pages/product/index';
export const COMPARE_PAGE = '/packages/catalogue/pages/compare/index';
export const QUOTE_PAGE = '/packages/catalogue/pages/quote/index';

export function productPageUrl(id: string): string {
  return `${PRODUCT_PAGE}?id=${encodeURIComponent(id)}`;
}

export function quotePageUrl(id: string): string {
  return `${QUOTE_PAGE}?id=${encodeURIComponent(id)}`;
}

/**
 * A query parameter as the page receives it. Platforms differ in whether they decode `?id=`
 * before handing it over, so decode once more when it still looks encoded.
 */
export function routeParam(value: string | undefined): string {
  if (!value) return '';
  if (!/%[0-9a-fA-F]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
