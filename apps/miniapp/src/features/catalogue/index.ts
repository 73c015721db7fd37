/**
 * The catalogue feature (保险超市, C2–C6): what the rest of the app may use. Other features import
 * only this file, never the feature's folders. Its pages (`pages/`: product, compare, quote) are
 * the subpackage `features/catalogue/pages` declared in app.config.ts and are reached by URL.
 */
export { default as HomeScreen } from './screens/home';
export { HOME_PAGE, productPageUrl, quotePageUrl, type QuotePrefill } from './routes';
// The product card of the list, also the card of a shared product's landing (features/invites).
export { default as ProductCard } from './components/product-card';
// For pages of other features that pick or recommend products (the family's policy form and gaps).
export { useProductList } from './hooks/useProductList';
export type { ProductItem } from './hooks/product-list-state';
export { formatPriceFrom, formatScore } from './utils/format';
