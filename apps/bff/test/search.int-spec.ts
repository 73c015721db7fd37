import { type TestStack, startStack } from './harness.js';

/**
 * Catalogue search over HTTP (C2) against the sandbox's twelve insurers: what people type, and what the
 * first results must be. docs/search.md explains how each query is read.
 */

interface Hit {
  highlights: { start: number; length: number }[];
  node: {
    id: string;
    name: string;
    category: string;
    minAge: number;
    maxAge: number;
    score: { composite: number } | null;
  };
}
interface SearchData {
  products: {
    totalCount: number;
    understood: string | null;
    edges: Hit[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    fallback: {
      message: string;
      categories: { category: string; label: string }[];
      products: { id: string; category: string }[];
    } | null;
  };
}

const SEARCH = /* GraphQL */ `
  query Search($text: String, $first: Int!, $after: String, $sort: ProductSort, $category: ProductCategory) {
    products(first: $first, after: $after, filter: { text: $text, category: $category }, sort: $sort) {
      totalCount
      understood
      edges {
        highlights {
          start
          length
        }
        node {
          id
          name
          category
          minAge
          maxAge
          score {
            composite
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      fallback {
        message
        categories {
          category
          label
        }
        products {
          id
          category
        }
      }
    }
  }
`;

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

async function search(text: string, variables: Record<string, unknown> = {}): Promise<SearchData['products']> {
  const { status, body } = await stack.gql<SearchData>(SEARCH, { text, first: 10, ...variables });
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!.products;
}

const marked = (hit: Hit): string[] =>
  hit.highlights.map((range) => hit.node.name.slice(range.start, range.start + range.length));

describe('catalogue search (C2)', () => {
  // text → what every one of the first results must be, and the understood line.
  const TABLE: [string, (hit: Hit) => boolean, string | null][] = [
    ['重疾险', (hit) => hit.node.category === 'CRITICAL_ILLNESS', '为您找到：重疾险'],
    ['大病', (hit) => hit.node.category === 'CRITICAL_ILLNESS', '为您找到：重疾险'],
    ['癌症', (hit) => hit.node.category === 'CANCER', '为您找到：防癌险'],
    ['住院', (hit) => ['MEDICAL', 'HUIMINBAO'].includes(hit.node.category), '为您找到：住院保障'],
    ['旅游', (hit) => hit.node.category === 'TRAVEL', '为您找到：旅行险'],
    ['家财', (hit) => hit.node.category === 'PROPERTY', '为您找到：家财险'],
    ['zhongji', (hit) => hit.node.category === 'CRITICAL_ILLNESS', '为您找到：重疾险'],
    ['zjx', (hit) => hit.node.category === 'CRITICAL_ILLNESS', '为您找到：重疾险'],
    ['fangai', (hit) => hit.node.category === 'CANCER', '为您找到：防癌险'],
    ['重急险', (hit) => hit.node.category === 'CRITICAL_ILLNESS', '为您找到：重疾险'],
    ['儿童', (hit) => hit.node.minAge === 0 && /少儿|宝贝/.test(hit.node.name), '为您找到：适合儿童的产品'],
    ['ertong', (hit) => hit.node.minAge === 0 && /少儿|宝贝/.test(hit.node.name), '为您找到：适合儿童的产品'],
    ['父母', (hit) => hit.node.minAge >= 50 && /老年|银发|孝心/.test(hit.node.name), '为您找到：适合父母的产品'],
    ['老人意外', (hit) => hit.node.category === 'ACCIDENT' && hit.node.maxAge >= 60, '为您找到：适合老人的意外险'],
    [
      '孩子重疾',
      (hit) => hit.node.category === 'CRITICAL_ILLNESS' && hit.node.minAge === 0,
      '为您找到：适合儿童的重疾险',
    ],
    [
      '5岁重疾险',
      (hit) => hit.node.category === 'CRITICAL_ILLNESS' && hit.node.minAge <= 5,
      '为您找到：适合 5 岁的重疾险',
    ],
    ['康宁', (hit) => hit.node.name.startsWith('康宁'), null],
    ['kangning', (hit) => hit.node.name.startsWith('康宁'), null],
    [
      '康宁 zhongji',
      (hit) => hit.node.name.startsWith('康宁') && hit.node.category === 'CRITICAL_ILLNESS',
      '为您找到：重疾险（含“康宁”）',
    ],
  ];

  it.each(TABLE)('%s', async (text, first, understood) => {
    const result = await search(text);
    expect(result.totalCount).toBeGreaterThan(0);
    expect(result.fallback).toBeNull();
    expect(result.understood).toBe(understood);
    const top = result.edges.slice(0, 3);
    expect(top.length).toBeGreaterThan(0);
    for (const hit of top)
      expect({ text, name: hit.node.name, ok: first(hit) }).toEqual({ text, name: hit.node.name, ok: true });
  });

  it('ranks by relevance, then by the five-dimension score', async () => {
    const result = await search('父母意外', { first: 20 });
    const names = result.edges.map((edge) => edge.node.name);
    const made = names.filter((name) => /老年|孝心/.test(name));
    // Products made for older people come first, however their scores compare with the others.
    expect(names.slice(0, made.length)).toEqual(made);
    const composites = result.edges.slice(0, made.length).map((edge) => edge.node.score?.composite ?? -1);
    expect(composites).toEqual([...composites].sort((a, b) => b - a));
  });

  it('ranks exact words above corrected ones and highlights what matched', async () => {
    const result = await search('重疾险');
    expect(marked(result.edges[0])).toContain('重大疾病');
    const pinyin = await search('shouhu');
    expect(pinyin.edges.length).toBeGreaterThan(0);
    for (const hit of pinyin.edges) expect(marked(hit)).toContain('守护');
  });

  it('pages through search results without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 20; guard++) {
      const page = await search('医疗', { first: 7, after });
      total = page.totalCount;
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('keeps the other filters and sorts', async () => {
    const travel = await search('意外', { category: 'TRAVEL' });
    expect(travel.edges.every((edge) => edge.node.category === 'TRAVEL')).toBe(true);
    expect(travel.totalCount).toBeGreaterThan(0);
    const byName = await search('重疾', { sort: 'NAME', first: 50 });
    expect(byName.totalCount).toBeGreaterThan(0);
  });

  it('never answers with an empty page: says so, and offers close categories and top products', async () => {
    const nothing = await search('火星旅行签证重疾');
    expect(nothing.totalCount).toBe(0);
    expect(nothing.fallback?.message).toContain('没有找到');
    expect(nothing.fallback?.categories.map((category) => category.category)).toEqual(
      expect.arrayContaining(['CRITICAL_ILLNESS']),
    );
    expect(nothing.fallback!.products.length).toBeGreaterThan(0);

    const gibberish = await search('qqqqzzzz');
    expect(gibberish.totalCount).toBe(0);
    expect(gibberish.fallback!.categories.length).toBeGreaterThan(0);
    expect(gibberish.fallback!.products.length).toBeGreaterThan(0);
  });

  it('suggests completions as the user types, in characters and pinyin', async () => {
    const suggest = async (prefix: string) => {
      const { body } = await stack.gql<{
        searchSuggestions: { text: string; kind: string; productId: string | null }[];
      }>('query($p: String!) { searchSuggestions(prefix: $p) { text kind productId } }', { p: prefix });
      expect(body.errors).toBeUndefined();
      return body.data!.searchSuggestions;
    };
    expect((await suggest('重')).map((entry) => entry.text)).toContain('重疾险');
    expect((await suggest('zhong')).map((entry) => entry.text)).toContain('重疾险');
    expect((await suggest('儿童')).map((entry) => entry.text)).toEqual(
      expect.arrayContaining(['儿童重疾险', '儿童意外险']),
    );
    const products = (await suggest('康宁守')).filter((entry) => entry.kind === 'PRODUCT');
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((entry) => entry.productId?.startsWith('kangning:'))).toBe(true);
    expect(await suggest('   ')).toEqual([]);
    const tooLong = await stack.gql('query($p: String!) { searchSuggestions(prefix: $p) { text } }', {
      p: 'x'.repeat(60),
    });
    expect(tooLong.body.errors?.[0].message).toContain('不能超过');
  });
});
