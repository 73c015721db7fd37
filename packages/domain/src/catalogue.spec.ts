import {
  InvalidCursorError,
  type Page,
  byName,
  byPrice,
  byScore,
  lowestPremiumAt,
  matchesFilter,
  paginate,
} from './catalogue.js';
import { CATEGORY_LABELS, type Product } from './product.js';
import { makeProduct } from './testing.js';

const product = (id: string, priceFrom: number, overrides: Partial<Product> = {}): Product =>
  makeProduct({ id, insurerId: id.split(':')[0], name: `产品 ${id}`, category: 'MEDICAL', priceFrom, ...overrides });

const label = (category: Product['category']): string => CATEGORY_LABELS[category];

describe('paginate', () => {
  const products = [product('b:2', 300), product('a:1', 100), product('c:3', 100), product('a:4', 50)];

  it('orders by price, then id, and walks every item exactly once', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: Page<Product> = paginate(products, { first: 3, after }, byPrice);
      seen.push(...page.items.map((item) => item.node.id));
      expect(page.totalCount).toBe(4);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(['a:4', 'a:1', 'c:3', 'b:2']);
  });

  it('does not repeat or skip when an item is added before the cursor between pages', () => {
    const first = paginate(products, { first: 2 }, byPrice);
    const grown = [...products, product('z:0', 10)];
    const second = paginate(grown, { first: 10, after: first.endCursor }, byPrice);
    expect(second.items.map((item) => item.node.id)).toEqual(['c:3', 'b:2']);
  });

  it('answers an empty page after the last item', () => {
    const all = paginate(products, { first: 4 }, byPrice);
    expect(all.hasNextPage).toBe(false);
    const after = paginate(products, { first: 4, after: all.endCursor }, byPrice);
    expect(after.items).toEqual([]);
    expect(after.endCursor).toBeNull();
  });

  it('throws on a cursor it did not make', () => {
    expect(() => paginate(products, { first: 1, after: 'bogus!' }, byPrice)).toThrow(InvalidCursorError);
  });

  it('refuses a cursor made for another order', () => {
    const cursor = paginate(products, { first: 1 }, byPrice).endCursor as string;
    expect(() => paginate(products, { first: 1, after: cursor }, byName)).toThrow(InvalidCursorError);
  });
});

describe('matchesFilter', () => {
  const medical = product('a:1', 100, { name: '康宁e生保 百万医疗' });
  const accident = product('b:1', 100, { name: '小蜜蜂综合保障', category: 'ACCIDENT' });

  it('finds medical products by the Chinese word 医疗, in the name or the category label', () => {
    expect(matchesFilter(medical, { text: '医疗' }, label)).toBe(true);
    expect(matchesFilter(accident, { text: '医疗' }, label)).toBe(false);
    expect(matchesFilter(accident, { text: '意外' }, label)).toBe(true);
  });

  it('combines category and insurer', () => {
    expect(matchesFilter(medical, { category: 'MEDICAL', insurerId: 'a' }, label)).toBe(true);
    expect(matchesFilter(medical, { category: 'MEDICAL', insurerId: 'b' }, label)).toBe(false);
    expect(matchesFilter(medical, { category: 'ACCIDENT' }, label)).toBe(false);
  });

  it('ignores blank text and is case-insensitive for Latin letters', () => {
    expect(matchesFilter(medical, { text: '   ' }, label)).toBe(true);
    expect(matchesFilter(medical, { text: 'E生保' }, label)).toBe(true);
  });
});

describe('sorters', () => {
  const products = [
    makeProduct({ id: 'a:1', name: '重疾守护', priceFrom: 300 }),
    makeProduct({ id: 'b:1', name: '安心医疗', priceFrom: 100 }),
    makeProduct({ id: 'c:1', name: '百万医疗', priceFrom: 200 }),
  ];
  const ids = (page: { items: readonly { node: { id: string } }[] }): string[] =>
    page.items.map((item) => item.node.id);

  it('orders Chinese names by pinyin (an, bai, zhong)', () => {
    expect(ids(paginate(products, { first: 10 }, byName))).toEqual(['b:1', 'c:1', 'a:1']);
  });

  it('orders by score, highest first, unscored last, and pages through ties by id', () => {
    const scores: Record<string, number> = { 'a:1': 80, 'c:1': 80 };
    const sorter = byScore<Product>((product) => scores[product.id] ?? null);
    const first = paginate(products, { first: 1 }, sorter);
    expect(ids(first)).toEqual(['a:1']);
    expect(ids(paginate(products, { first: 5, after: first.endCursor }, sorter))).toEqual(['c:1', 'b:1']);
  });
});

describe('age and budget filters', () => {
  const medical = makeProduct();

  it('keeps products that accept the age at entry, boundaries included', () => {
    expect(matchesFilter(medical, { age: 0 }, label)).toBe(true);
    expect(matchesFilter(medical, { age: 60 }, label)).toBe(true);
    expect(matchesFilter(medical, { age: 61 }, label)).toBe(false);
  });

  it('compares the budget with the premium at the age when given, else with the lowest price', () => {
    expect(lowestPremiumAt(medical, 30)).toBe(21800);
    expect(matchesFilter(medical, { budget: 21800, age: 30 }, label)).toBe(true);
    expect(matchesFilter(medical, { budget: 21799, age: 30 }, label)).toBe(false);
    expect(matchesFilter(medical, { budget: 13600 }, label)).toBe(true);
    expect(matchesFilter(medical, { budget: 13599 }, label)).toBe(false);
  });
});
