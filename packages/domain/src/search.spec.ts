import type { Product } from './product.js';
import {
  RELEVANCE,
  buildSearchVocabulary,
  describeSearchQuery,
  mergeRanges,
  rankSearchHit,
  rangesOf,
  readSearchQuery,
  relevanceSortValue,
  withinOneEdit,
  type SearchQuery,
  type TextMatch,
  type WordAliases,
} from './search.js';
import { SEARCH_AUDIENCES, SEARCH_CONCEPTS } from './search-vocabulary.js';
import { makeProduct } from './testing.js';

// The BFF derives pinyin with pinyin-pro; the reader only needs some spellings, given here by hand.
const PINYIN: Record<string, WordAliases> = {
  重疾: { full: ['zhongji'], initials: ['zj'] },
  重疾险: { full: ['zhongjixian'], initials: ['zjx'] },
  儿童: { full: ['ertong'], initials: ['et'] },
  父母: { full: ['fumu'], initials: ['fm'] },
  防癌险: { full: ['fangaixian'], initials: ['fax'] },
};
const vocabulary = buildSearchVocabulary((word) => PINYIN[word] ?? { full: [], initials: [] });
const read = (text: string, knownText?: (piece: string) => boolean): SearchQuery =>
  readSearchQuery(text, vocabulary, { knownText });
const labels = (query: SearchQuery): string[] => query.concepts.map((entry) => entry.concept.label);

describe('search vocabulary', () => {
  it('gives every word one meaning and never reuses a word across tables', () => {
    const seen = new Map<string, string>();
    for (const entry of [...SEARCH_CONCEPTS, ...SEARCH_AUDIENCES]) {
      for (const word of entry.words) {
        expect(seen.get(word)).toBeUndefined();
        seen.set(word, entry.label);
      }
    }
  });

  it('names only real categories and coverage keys of the normalised model', () => {
    for (const concept of SEARCH_CONCEPTS) {
      expect(concept.categories.length + concept.coverage.length).toBeGreaterThan(0);
      for (const key of concept.coverage) expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    for (const audience of SEARCH_AUDIENCES) expect(audience.minAge).toBeLessThanOrEqual(audience.maxAge);
  });
});

describe('readSearchQuery: everyday names and synonyms', () => {
  it.each([
    ['重疾', '重疾险'],
    ['大病', '重疾险'],
    ['癌症', '防癌险'],
    ['肿瘤', '防癌险'],
    ['住院', '住院保障'],
    ['门诊', '门诊保障'],
    ['旅游', '旅行险'],
    ['家财', '家财险'],
    ['百万医疗', '医疗险'],
  ])('%s reads as %s', (text, label) => {
    const query = read(text);
    expect(labels(query)).toEqual([label]);
    expect(query.rest).toEqual([]);
    expect(query.concepts[0].fuzzy).toBe(false);
  });

  it('takes the longest spelling: 重大疾病保险 is one word, not 重病 plus leftovers', () => {
    expect(labels(read('重大疾病保险'))).toEqual(['重疾险']);
  });

  it('drops filler words and keeps unknown text as the rest', () => {
    const query = read('我想给康宁买一份重疾险');
    expect(labels(query)).toEqual(['重疾险']);
    expect(query.rest).toEqual(['康宁']);
  });

  it('reads several concepts, once each', () => {
    expect(labels(read('癌症 住院 癌症'))).toEqual(['防癌险', '住院保障']);
  });
});

describe('readSearchQuery: audiences and ages', () => {
  it.each([
    ['儿童', '儿童'],
    ['孩子', '儿童'],
    ['学生', '学生'],
    ['父母', '父母'],
    ['爸妈', '父母'],
    ['老人', '老人'],
    ['女性', '女性'],
  ])('%s is the audience %s', (text, label) => {
    expect(read(text).audience?.audience.label).toBe(label);
  });

  it('combines an audience with a concept', () => {
    const query = read('给孩子买的重疾险');
    expect(query.audience?.audience.label).toBe('儿童');
    expect(labels(query)).toEqual(['重疾险']);
    expect(query.rest).toEqual([]);
    expect(describeSearchQuery(query)).toBe('为您找到：适合儿童的重疾险');
  });

  it('reads an age written with 岁 or 周岁', () => {
    const query = read('5岁 重疾');
    expect(query.age).toBe(5);
    expect(describeSearchQuery(query)).toBe('为您找到：适合 5 岁的重疾险');
    expect(read('30 周岁 意外').age).toBe(30);
    expect(read('200岁').age).toBeNull();
  });

  it('says nothing was understood for plain text', () => {
    expect(describeSearchQuery(read('康宁'))).toBeNull();
    expect(describeSearchQuery(read('父母'))).toBe('为您找到：适合父母的产品');
  });
});

describe('readSearchQuery: pinyin', () => {
  it('reads full pinyin, initials and pinyin mixed with characters', () => {
    expect(labels(read('zhongji'))).toEqual(['重疾险']);
    expect(labels(read('ZhongJiXian'))).toEqual(['重疾险']);
    expect(labels(read('zjx'))).toEqual(['重疾险']);
    const mixed = read('ertong重疾');
    expect(mixed.audience?.audience.label).toBe('儿童');
    expect(labels(mixed)).toEqual(['重疾险']);
    const joined = read('zhongjiertong');
    expect(joined.audience?.audience.label).toBe('儿童');
    expect(labels(joined)).toEqual(['重疾险']);
  });

  it('does not read spellings inside another Latin word', () => {
    const query = read('kangzjx');
    expect(query.concepts).toEqual([]);
    expect(query.rest).toEqual(['kangzjx']);
  });
});

describe('readSearchQuery: typos of one character', () => {
  it('corrects one wrong, missing or extra character in a long enough word', () => {
    for (const text of ['重急险', '防瘟险', 'zhongjj', 'zhongjii']) {
      const query = read(text);
      expect(query.concepts).toHaveLength(1);
      expect(query.concepts[0].fuzzy).toBe(true);
    }
  });

  it('leaves text the catalogue knows, and short words, as they are', () => {
    expect(read('重急险', () => true).concepts).toEqual([]);
    expect(read('xy').concepts).toEqual([]);
    // Only whole pinyin words are corrected: kangnign is not 抗癌 (kangai) plus leftovers.
    expect(read('kangnign').concepts).toEqual([]);
  });

  it('measures one edit', () => {
    expect(withinOneEdit('重急险', '重疾险')).toBe(true);
    expect(withinOneEdit('疾险', '重疾险')).toBe(true);
    expect(withinOneEdit('重急', '防癌险')).toBe(false);
    expect(withinOneEdit('abcd', 'abdc')).toBe(false);
  });
});

describe('rankSearchHit', () => {
  const critical = makeProduct({
    id: 'a:CI',
    name: '康宁守护 重大疾病保险',
    category: 'CRITICAL_ILLNESS',
    minAge: 0,
    maxAge: 55,
  });
  const medical = makeProduct({ id: 'a:MED', name: '康宁e生保 百万医疗', category: 'MEDICAL', minAge: 0, maxAge: 60 });
  const childAccident = makeProduct({
    id: 'a:KID',
    name: '康宁宝贝安心 少儿意外险',
    category: 'ACCIDENT',
    minAge: 0,
    maxAge: 17,
  });
  const adultAccident = makeProduct({
    id: 'a:ADU',
    name: '康宁成人综合意外险',
    category: 'ACCIDENT',
    minAge: 18,
    maxAge: 65,
    coverage: [{ key: 'accidental-death', name: '意外身故保险金', sumInsured: 10_000_000 }],
  });
  const senior = makeProduct({
    id: 'a:OLD',
    name: '康宁孝心 老年人意外险',
    category: 'ACCIDENT',
    minAge: 50,
    maxAge: 80,
  });
  const noText = (): TextMatch | null => null;
  const rank = (product: Product, text: string) => rankSearchHit(product, read(text), noText);

  it('ranks a category match above a coverage-only match, and excludes products with neither', () => {
    const direct = rank(critical, '重疾');
    const viaCoverage = rank(medical, '重疾'); // 重大疾病医疗保险金 in the test product's coverage
    expect(direct?.relevance).toBe(RELEVANCE.category);
    expect(viaCoverage?.relevance).toBe(RELEVANCE.coverage);
    expect(rank(adultAccident, '重疾')).toBeNull();
  });

  it('keeps a product of another category whose name has the word typed, between the two', () => {
    const cancerMedical = makeProduct({ id: 'a:CAN', name: '康宁安心 防癌医疗险', category: 'CANCER', coverage: [] });
    expect(rank(cancerMedical, '医疗')?.relevance).toBe(RELEVANCE.named);
    expect(rank(cancerMedical, '住院')).toBeNull();
  });

  it('ranks exact readings above corrected ones', () => {
    expect(rank(critical, '重急险')!.relevance).toBeLessThan(rank(critical, '重疾险')!.relevance);
  });

  it('keeps products that accept the audience, made-for products first', () => {
    expect(rank(adultAccident, '儿童意外')).toBeNull();
    expect(rank(childAccident, '儿童意外')!.relevance).toBeGreaterThan(
      rank(critical, '儿童重疾')!.relevance - RELEVANCE.category,
    );
    expect(rank(senior, '父母意外')!.relevance).toBe(RELEVANCE.category + RELEVANCE.audienceMark);
    expect(rank(adultAccident, '父母意外')!.relevance).toBe(RELEVANCE.category + RELEVANCE.audienceOnly);
    expect(rank(childAccident, '父母意外')).toBeNull();
  });

  it('needs the written age to be accepted', () => {
    expect(rank(critical, '5岁重疾')).not.toBeNull();
    expect(rank(critical, '60岁重疾')).toBeNull();
  });

  it('needs every leftover piece to match as text, adding its points', () => {
    const matchText = (piece: string, product: Product): TextMatch | null =>
      product.name.includes(piece) ? { points: 8, ranges: rangesOf(product.name, [piece]) } : null;
    const hit = rankSearchHit(critical, read('守护 重疾'), matchText);
    expect(hit?.relevance).toBe(RELEVANCE.category + 8);
    expect(rankSearchHit(critical, read('顶梁柱 重疾'), matchText)).toBeNull();
  });

  it('highlights the matched words in the name', () => {
    const hit = rank(childAccident, '儿童意外');
    const marked = hit!.highlights.map((range) => childAccident.name.slice(range.start, range.start + range.length));
    expect(marked).toEqual(['宝贝', '少儿意外']);
  });

  it('orders by relevance first, then by the five-dimension composite', () => {
    expect(relevanceSortValue(10, 50)).toBeGreaterThan(relevanceSortValue(9.9, 100));
    expect(relevanceSortValue(10, 80.5)).toBeGreaterThan(relevanceSortValue(10, 80.4));
    expect(relevanceSortValue(10, 0)).toBeGreaterThan(relevanceSortValue(10, null));
  });
});

describe('ranges', () => {
  it('merges overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        { start: 4, length: 2 },
        { start: 0, length: 2 },
        { start: 1, length: 2 },
        { start: 6, length: 1 },
      ]),
    ).toEqual([
      { start: 0, length: 3 },
      { start: 4, length: 3 },
    ]);
  });
});
