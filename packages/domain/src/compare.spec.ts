import { compareProducts, ComparisonSizeError, type ComparedRow } from './compare.js';
import type { Product } from './product.js';
import { makeProduct } from './testing.js';

const medical = makeProduct({ id: 'a:1', name: '甲医疗' });
const richer = makeProduct({
  id: 'b:1',
  name: '乙医疗',
  priceFrom: 9900,
  deductible: 0,
  waitingPeriodDays: 90,
  guaranteedRenewalYears: 20,
  coverage: [
    { key: 'critical-illness-medical', name: '重疾医疗', sumInsured: 600_000_000 },
    { key: 'general-medical', name: '一般医疗', sumInsured: 300_000_000 },
    { key: 'proton-heavy-ion', name: '质子重离子', sumInsured: 0 },
    { key: 'special-drugs', name: '特药', sumInsured: 100_000_000 },
  ],
  healthQuestions: [],
  maxOccupationClass: 6,
  premiums: makeProduct().premiums.map((rate) => ({ ...rate, monthly: null })),
});

const rowOf = (rows: readonly ComparedRow[], key: string): ComparedRow => {
  const found = rows.find((row) => row.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('compareProducts', () => {
  it.each([0, 1, 5])('refuses %p products', (count) => {
    const products: Product[] = Array.from({ length: count }, (_, i) => makeProduct({ id: `x:${i}` }));
    expect(() => compareProducts(products)).toThrow(ComparisonSizeError);
  });

  it('accepts 2 and 4 products', () => {
    expect(compareProducts([medical, richer]).attributes[0].values).toHaveLength(2);
    expect(compareProducts([medical, richer, medical, richer]).attributes[0].values).toHaveLength(4);
  });

  it('says in Chinese how many products may be compared', () => {
    expect(() => compareProducts([medical])).toThrow('请选择 2–4 款产品进行对比，当前为 1 款');
  });

  it('aligns coverage by key: the first product’s order, then new keys as they appear', () => {
    const { coverage } = compareProducts([medical, richer]);
    expect(coverage.map((row) => row.key)).toEqual([
      'general-medical',
      'critical-illness-medical',
      'proton-heavy-ion',
      'special-drugs',
    ]);
    expect(coverage.map((row) => row.label)).toEqual(['一般医疗保险金', '重大疾病医疗保险金', '质子重离子', '特药']);
  });

  it('shows null where a product does not cover an item, and marks the higher sum insured best', () => {
    const { coverage } = compareProducts([medical, richer]);
    expect(rowOf(coverage, 'general-medical')).toEqual({
      key: 'general-medical',
      label: '一般医疗保险金',
      values: ['¥300万', '¥300万'],
      differs: false,
      best: [],
    });
    expect(rowOf(coverage, 'critical-illness-medical')).toMatchObject({
      values: ['¥300万', '¥600万'],
      differs: true,
      best: [1],
    });
    expect(rowOf(coverage, 'special-drugs')).toMatchObject({ values: [null, '¥100万'], differs: true, best: [1] });
  });

  it('shows an item without a separate cap but does not rank it', () => {
    expect(rowOf(compareProducts([medical, richer]).coverage, 'proton-heavy-ion')).toMatchObject({
      values: [null, '不单独设限'],
      differs: true,
      best: [],
    });
  });

  it('marks every product that ties for best', () => {
    const cheap = makeProduct({ id: 'c:1', priceFrom: 9900 });
    expect(rowOf(compareProducts([medical, richer, cheap]).attributes, 'price-from')).toMatchObject({
      values: ['¥136/年起', '¥99/年起', '¥99/年起'],
      best: [1, 2],
    });
  });

  it('lists the attributes in order, with the better side marked where better means something', () => {
    const { attributes } = compareProducts([medical, richer]);
    expect(attributes.map((row) => [row.key, row.label, row.values, row.differs, row.best])).toEqual([
      ['price-from', '起售价', ['¥136/年起', '¥99/年起'], true, [1]],
      ['deductible', '免赔额', ['¥1万', '无免赔额'], true, [1]],
      ['waiting-period', '等待期', ['30天', '90天'], true, [0]],
      ['guaranteed-renewal', '保证续保', ['不保证续保', '20年'], true, [1]],
      ['age-range', '投保年龄', ['0–60周岁', '0–60周岁'], false, []],
      ['health-questions', '健康告知', ['2 项', '无健康告知'], true, [1]],
      ['max-occupation-class', '可投保职业', ['1–4类', '1–6类'], true, [1]],
      ['monthly-payment', '按月缴费', ['支持', '不支持'], true, []],
    ]);
  });

  it('does not mark a best age range even when the ranges differ', () => {
    const adults = makeProduct({ id: 'd:1', minAge: 18, maxAge: 65 });
    expect(rowOf(compareProducts([medical, adults]).attributes, 'age-range')).toMatchObject({
      values: ['0–60周岁', '18–65周岁'],
      differs: true,
      best: [],
    });
  });

  it('marks nothing best when all values are the same', () => {
    const { attributes, coverage } = compareProducts([medical, makeProduct({ id: 'e:1' })]);
    for (const row of [...attributes, ...coverage]) expect(row).toMatchObject({ differs: false, best: [] });
  });
});
