import {
  formatAgeRange,
  formatDeductible,
  formatGuaranteedRenewal,
  formatMoney,
  formatOccupationClasses,
  formatSumInsured,
  formatWaitingPeriod,
} from './display.js';
import { offersMonthly } from './premium.js';
import type { CoverageItem, Product } from './product.js';

/** C5: products side by side, one row per coverage item or attribute. */

export const MIN_COMPARED_PRODUCTS = 2;
export const MAX_COMPARED_PRODUCTS = 4;

export interface ComparedRow {
  readonly key: string;
  /** Chinese */
  readonly label: string;
  /** Display text per product, in the order the products were given; null = not covered. */
  readonly values: (string | null)[];
  /** Whether the products' values are not all the same. */
  readonly differs: boolean;
  /** Indexes of the best value(s) where "best" means something and the values differ, else []. */
  readonly best: number[];
}

export interface Comparison {
  /** One row per CoverageItem.key in any product: the first product's order, then new keys as met. */
  readonly coverage: ComparedRow[];
  readonly attributes: ComparedRow[];
}

export class ComparisonSizeError extends Error {
  readonly code = 'COMPARISON_SIZE';
  constructor(readonly count: number) {
    super(`请选择 ${MIN_COMPARED_PRODUCTS}–${MAX_COMPARED_PRODUCTS} 款产品进行对比，当前为 ${count} 款`);
    this.name = 'ComparisonSizeError';
  }
}

/** Which way is better for a row, or null when neither is (an age range, a yes/no convenience). */
type Better = 'higher' | 'lower' | null;

interface AttributeDefinition {
  readonly key: string;
  readonly label: string;
  readonly better: Better;
  readonly measure: (product: Product) => number;
  readonly display: (product: Product) => string;
}

const ATTRIBUTES: readonly AttributeDefinition[] = [
  {
    key: 'price-from',
    label: '起售价',
    better: 'lower',
    measure: (product) => product.priceFrom,
    display: (product) => `${formatMoney(product.priceFrom)}/年起`,
  },
  {
    key: 'deductible',
    label: '免赔额',
    better: 'lower',
    measure: (product) => product.deductible,
    display: (product) => formatDeductible(product.deductible),
  },
  {
    key: 'waiting-period',
    label: '等待期',
    better: 'lower',
    measure: (product) => product.waitingPeriodDays,
    display: (product) => formatWaitingPeriod(product.waitingPeriodDays),
  },
  {
    key: 'guaranteed-renewal',
    label: '保证续保',
    better: 'higher',
    measure: (product) => product.guaranteedRenewalYears,
    display: (product) => formatGuaranteedRenewal(product.guaranteedRenewalYears),
  },
  {
    key: 'age-range',
    label: '投保年龄',
    better: null,
    measure: (product) => product.maxAge - product.minAge,
    display: (product) => formatAgeRange(product.minAge, product.maxAge),
  },
  {
    // Fewer questions are easier to pass: a buyer with a health history can still be insured.
    key: 'health-questions',
    label: '健康告知',
    better: 'lower',
    measure: (product) => product.healthQuestions.length,
    display: (product) =>
      product.healthQuestions.length === 0 ? '无健康告知' : `${product.healthQuestions.length} 项`,
  },
  {
    key: 'max-occupation-class',
    label: '可投保职业',
    better: 'higher',
    measure: (product) => product.maxOccupationClass,
    display: (product) => formatOccupationClasses(product.maxOccupationClass),
  },
  {
    key: 'monthly-payment',
    label: '按月缴费',
    better: null,
    measure: (product) => (offersMonthly(product) ? 1 : 0),
    display: (product) => (offersMonthly(product) ? '支持' : '不支持'),
  },
];

/** Compares 2–4 products; throws ComparisonSizeError for any other number. */
export function compareProducts(products: readonly Product[]): Comparison {
  if (products.length < MIN_COMPARED_PRODUCTS || products.length > MAX_COMPARED_PRODUCTS) {
    throw new ComparisonSizeError(products.length);
  }
  return {
    coverage: coverageKeys(products).map((key) => coverageRow(products, key)),
    attributes: ATTRIBUTES.map((attribute) =>
      row(
        attribute.key,
        attribute.label,
        products.map(attribute.display),
        products.map(attribute.measure),
        attribute.better,
      ),
    ),
  };
}

/** Every coverage key, in the first product's order, then new keys in the order they appear. */
function coverageKeys(products: readonly Product[]): string[] {
  const keys = new Set<string>();
  for (const product of products) for (const item of product.coverage) keys.add(item.key);
  return [...keys];
}

/**
 * One coverage row. The label is the name the first covering product gives the item. An item with
 * no separate cap (sum insured 0) is shown but not ranked: it cannot be called higher or lower.
 */
function coverageRow(products: readonly Product[], key: string): ComparedRow {
  const items = products.map((product) => findItem(product, key));
  const label = items.find((item) => item !== null)?.name ?? key;
  const values = items.map((item) => (item === null ? null : formatSumInsured(item.sumInsured)));
  const amounts = items.map((item) => (item !== null && item.sumInsured > 0 ? item.sumInsured : null));
  return row(key, label, values, amounts, 'higher');
}

/** A product's item for a key; its first one if an upstream listed the key twice. */
function findItem(product: Product, key: string): CoverageItem | null {
  return product.coverage.find((item) => item.key === key) ?? null;
}

function row(
  key: string,
  label: string,
  values: (string | null)[],
  measures: readonly (number | null)[],
  better: Better,
): ComparedRow {
  const differs = values.some((value) => value !== values[0]);
  const best = differs && better !== null ? bestIndexes(measures, better) : [];
  return { key, label, values, differs, best };
}

/** Indexes holding the best measure; [] when no product has a measure to rank. */
function bestIndexes(measures: readonly (number | null)[], better: 'higher' | 'lower'): number[] {
  const ranked = measures.filter((measure): measure is number => measure !== null && Number.isFinite(measure));
  if (ranked.length === 0) return [];
  const target = better === 'higher' ? Math.max(...ranked) : Math.min(...ranked);
  return measures.flatMap((measure, index) => (measure === target ? [index] : []));
}
