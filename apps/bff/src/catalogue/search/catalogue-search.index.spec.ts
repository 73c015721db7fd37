import { loadConfig } from '../../config/config.js';
import { type Product, makeProduct } from '@family/domain';
import type { CatalogueSnapshot } from '../catalogue-snapshot.service.js';
import { CatalogueSearchIndex, indexTokens, queryTokens } from './catalogue-search.index.js';
import { CatalogueSearchService } from './catalogue-search.service.js';
import { pinyinAliases, pinyinRanges } from './pinyin.js';

// No coverage items: what matches here matches by name, category or age.
const products: Product[] = [
  makeProduct({
    id: 'kn:CI',
    insurerId: 'kn',
    name: '康宁守护 重大疾病保险',
    category: 'CRITICAL_ILLNESS',
    coverage: [],
  }),
  makeProduct({
    id: 'kn:KID',
    insurerId: 'kn',
    name: '康宁宝贝安心 少儿意外险',
    category: 'ACCIDENT',
    maxAge: 17,
    coverage: [],
  }),
  makeProduct({
    id: 'rf:OLD',
    insurerId: 'rf',
    name: '瑞丰银发 老年防癌医疗险',
    category: 'CANCER',
    minAge: 50,
    maxAge: 80,
    coverage: [],
  }),
];
const insurers = new Map([
  ['kn', '康宁人寿'],
  ['rf', '瑞丰人寿'],
]);
const index = new CatalogueSearchIndex(products, insurers, new Map());
/** Names of the hits, most relevant first (the listing adds the composite score after relevance). */
const names = (text: string): string[] =>
  [...index.search(text, products).hits].sort((a, b) => b.relevance - a.relevance).map((hit) => hit.product.name);

describe('pinyin', () => {
  it('spells words in full and by initials, polyphones by the word (重 in 重疾 is zhong)', () => {
    expect(pinyinAliases('重疾险')).toEqual({ full: ['zhongjixian'], initials: ['zjx'] });
    expect(pinyinAliases('abc')).toEqual({ full: [], initials: [] });
  });

  it('finds the characters a pinyin query spells', () => {
    const name = '康宁守护 重大疾病保险';
    const ranges = pinyinRanges(name, 'shouhu');
    expect(ranges.map((range) => name.slice(range.start, range.start + range.length))).toEqual(['守护']);
  });
});

describe('CatalogueSearchIndex', () => {
  it('splits Chinese into characters and pairs for the index, pairs for queries', () => {
    expect(indexTokens('守护 e生')).toEqual(['守', '护', '守护', 'e', '生']);
    expect(queryTokens('守护险')).toEqual(['守护', '护险']);
    expect(queryTokens('宁')).toEqual(['宁']);
  });

  it('finds names by characters, insurer, full pinyin and initials', () => {
    expect(names('守护')).toEqual(['康宁守护 重大疾病保险']);
    expect(names('康宁人寿')).toHaveLength(2);
    expect(names('shouhu')).toEqual(['康宁守护 重大疾病保险']);
    expect(names('ruifeng')).toEqual(['瑞丰银发 老年防癌医疗险']);
    // 银发 is also a word for older people: the product made for them comes first.
    expect(names('yinfa')[0]).toBe('瑞丰银发 老年防癌医疗险');
    expect(names('kangning shouhu')).toEqual(['康宁守护 重大疾病保险']);
  });

  it('reads concepts and audiences through the vocabulary, pinyin included', () => {
    expect(names('zhongji')).toEqual(['康宁守护 重大疾病保险']);
    expect(names('ertong')).toContain('康宁宝贝安心 少儿意外险');
    expect(names('laoren')[0]).toBe('瑞丰银发 老年防癌医疗险');
  });

  it('offers the closest categories and top products when nothing matches', () => {
    const outcome = index.search('重疾 旅行', products);
    expect(outcome.hits).toEqual([]);
    const fallback = index.fallback('重疾 旅行', outcome.query);
    expect(fallback.categories).toEqual(['CRITICAL_ILLNESS', 'TRAVEL']);
    expect(fallback.products.map((product) => product.id)).toEqual(['kn:CI']);
  });

  it('suggests kinds of cover first, then products, by characters or pinyin', () => {
    expect(index.suggest('zhongj')[0].text).toBe('重疾险');
    expect(index.suggest('康宁').map((entry) => entry.kind)).toContain('PRODUCT');
    expect(index.suggest('儿童').map((entry) => entry.text)).toContain('儿童意外险');
    expect(index.suggest('')).toEqual([]);
  });
});

describe('CatalogueSearchService', () => {
  it('builds one index per catalogue version', () => {
    const service = new CatalogueSearchService(loadConfig({}));
    const snapshot = (signature: string) =>
      ({ products, insurers: new Map(), scores: new Map(), signature }) as unknown as CatalogueSnapshot;
    const first = service.indexFor(snapshot('kn@1'));
    expect(service.indexFor(snapshot('kn@1'))).toBe(first);
    expect(service.buildCount).toBe(1);
    expect(service.indexFor(snapshot('kn@2'))).not.toBe(first);
    expect(service.buildCount).toBe(2);
  });
});
