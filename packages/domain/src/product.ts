/**
 * The normalised product model. Every insurer adapter translates its upstream's wire format into
 * these types; nothing downstream of an adapter ever sees an upstream shape.
 */

export const PRODUCT_CATEGORIES = [
  'MEDICAL',
  'CRITICAL_ILLNESS',
  'ACCIDENT',
  'TERM_LIFE',
  'CANCER',
  'HUIMINBAO',
  'TRAVEL',
  'PROPERTY',
] as const;

export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** Simplified Chinese labels shown to users. */
export const CATEGORY_LABELS: Readonly<Record<ProductCategory, string>> = {
  MEDICAL: '百万医疗',
  CRITICAL_ILLNESS: '重疾险',
  ACCIDENT: '意外险',
  TERM_LIFE: '定期寿险',
  CANCER: '防癌险',
  HUIMINBAO: '惠民保',
  TRAVEL: '旅行险',
  PROPERTY: '财产险',
};

export function isProductCategory(value: unknown): value is ProductCategory {
  return typeof value === 'string' && (PRODUCT_CATEGORIES as readonly string[]).includes(value);
}

/** An amount of money in fen (分, 1/100 CNY). Integers only: premiums are never floating point. */
export type Fen = number;

export interface Product {
  /** Globally unique: `<insurerId>:<upstream product code>`. */
  readonly id: string;
  readonly insurerId: string;
  readonly name: string;
  readonly category: ProductCategory;
  /** The lowest annual premium across the product's premium table, in fen. */
  readonly priceFrom: Fen;
}

export function productId(insurerId: string, upstreamCode: string): string {
  return `${insurerId}:${upstreamCode}`;
}
