import { yuanToFen } from '@family/domain';
import type { ProductCategory, ProductFilter, ProductSort } from '../../../graphql/generated/graphql';

/** The home page's filters as the user set them (text inputs as typed). */
export interface CatalogueFilterValues {
  category: ProductCategory | null;
  text: string;
  /** Insured age, as typed. */
  age: string;
  /** Annual budget in yuan, as typed. */
  budgetYuan: string;
  insurerId: string | null;
  sort: ProductSort;
}

export const initialCatalogueFilterValues: CatalogueFilterValues = {
  category: null,
  text: '',
  age: '',
  budgetYuan: '',
  insurerId: null,
  sort: 'SCORE',
};

export const SORT_OPTIONS: readonly { value: ProductSort; label: string }[] = [
  { value: 'SCORE', label: '综合评分' },
  { value: 'PRICE', label: '价格最低' },
  { value: 'NAME', label: '名称' },
];

export interface CatalogueFilterErrors {
  age?: string;
  budget?: string;
}

/** The `ProductFilter` for the BFF, or messages for the inputs that cannot be used. */
export function toProductFilter(values: CatalogueFilterValues): {
  filter: ProductFilter;
  errors: CatalogueFilterErrors;
} {
  const filter: ProductFilter = {};
  const errors: CatalogueFilterErrors = {};
  if (values.category) filter.category = values.category;
  if (values.insurerId) filter.insurerId = values.insurerId;
  const text = values.text.trim();
  if (text !== '') filter.text = text;

  const age = values.age.trim();
  if (age !== '') {
    if (/^\d{1,3}$/.test(age) && Number(age) <= 120) filter.age = Number(age);
    else errors.age = '年龄须为 0–120 的整数';
  }
  const budget = values.budgetYuan.trim();
  if (budget !== '') {
    const fen = yuanToFen(budget);
    if (fen === null) errors.budget = '预算须为金额，如 500';
    else filter.budget = fen;
  }
  return { filter, errors };
}
