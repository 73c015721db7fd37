import {
  CATEGORY_LABELS,
  PRODUCT_CATEGORIES,
  type Product,
  type ProductCategory,
  type ProductScore,
  SEARCH_AUDIENCES,
  SEARCH_CONCEPTS,
  type SearchHit,
  type SearchQuery,
  type TextMatch,
  type TextRange,
  categoriesOfQuery,
  describeSearchQuery,
  normalizeSearchText,
  rangesOf,
  rankSearchHit,
  readSearchQuery,
} from '@family/domain';
import MiniSearch, { type SearchResult } from 'minisearch';
import { initialsOf, pinyinRanges, searchVocabulary, syllables } from './pinyin.js';

/**
 * The search index of one catalogue snapshot (C2): product names, insurers and coverage items split for
 * Chinese (characters and pairs of characters), their pinyin (full and initials, every suffix so that a
 * prefix search finds a word inside a name), and the suggestion list. Built once per snapshot by
 * CatalogueSearchService and only read afterwards; docs/search.md says what is indexed and why.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;

/** Characters and character pairs of Chinese runs; Latin and digit runs as words. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of normalizeSearchText(text).match(RUNS) ?? []) {
    if (!CJK.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = [...run];
    tokens.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  return tokens;
}

/** A query piece: pairs of characters (all must be found) or the single character; Latin as words. */
export function queryTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of normalizeSearchText(text).match(RUNS) ?? []) {
    const chars = [...run];
    if (!CJK.test(run) || chars.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  return tokens;
}

/** Every suffix of the pinyin of each Chinese run, full and initials: 守护 → shouhu, hu, sh, h. */
function pinyinTokens(name: string): { pinyin: string; initials: string } {
  const full: string[] = [];
  const initials: string[] = [];
  for (const run of name.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
    const spelled = syllables(run);
    const letters = initialsOf(run);
    for (let i = 0; i < spelled.length; i++) {
      full.push(spelled.slice(i).join(''));
      initials.push(letters.slice(i).join(''));
    }
  }
  return { pinyin: full.join(' '), initials: initials.join(' ') };
}

interface IndexedProduct {
  id: string;
  name: string;
  insurer: string;
  coverage: string;
  pinyin: string;
  initials: string;
}

/** Points of a leftover piece by where it was found: the name counts most, a corrected spelling least. */
const FIELD_POINTS: Record<string, number> = { name: 8, pinyin: 6, insurer: 6, initials: 4, coverage: 3 };
const FUZZY_POINTS = 2;

export type SuggestionKind = 'CATEGORY' | 'AUDIENCE' | 'QUERY' | 'PRODUCT';

export interface SearchSuggestion {
  readonly text: string;
  readonly kind: SuggestionKind;
  readonly productId: string | null;
}

interface SuggestionEntry extends SearchSuggestion {
  /** Normalised spellings that a prefix is matched against: the text, its pinyin and initials. */
  readonly keys: readonly string[];
  readonly rank: number;
}

export const MAX_SUGGESTIONS = 8;
export const FALLBACK_CATEGORIES = 3;
export const FALLBACK_PRODUCTS = 4;

export interface SearchFallback {
  readonly message: string;
  readonly categories: readonly ProductCategory[];
  readonly products: readonly Product[];
}

export interface SearchOutcome {
  readonly query: SearchQuery;
  readonly understood: string | null;
  readonly hits: readonly SearchHit[];
}

export class CatalogueSearchIndex {
  private readonly mini: MiniSearch<IndexedProduct>;
  private readonly suggestionEntries: readonly SuggestionEntry[];
  /** What each leftover piece matched, by product id: pieces repeat across requests and pages. */
  private readonly pieceMemo = new Map<string, ReadonlyMap<string, TextMatchInfo>>();

  constructor(
    private readonly products: readonly Product[],
    insurerNames: ReadonlyMap<string, string>,
    private readonly scores: ReadonlyMap<string, ProductScore>,
  ) {
    this.mini = new MiniSearch<IndexedProduct>({
      fields: ['name', 'insurer', 'coverage', 'pinyin', 'initials'],
      tokenize: (text, field) => (field === 'pinyin' || field === 'initials' ? text.split(' ') : indexTokens(text)),
      processTerm: (term) => term,
      searchOptions: { tokenize: queryTokens, processTerm: (term) => term },
    });
    this.mini.addAll(
      products.map((product) => ({
        id: product.id,
        name: product.name,
        insurer: insurerNames.get(product.insurerId) ?? '',
        coverage: product.coverage.map((item) => item.name).join(' '),
        ...pinyinTokens(product.name),
      })),
    );
    this.suggestionEntries = this.buildSuggestions();
  }

  get size(): number {
    return this.products.length;
  }

  /** Reads `text` and finds the products (among `candidates`, already filtered) that answer it. */
  search(text: string, candidates: readonly Product[]): SearchOutcome {
    const query = readSearchQuery(text, searchVocabulary(), { knownText: (piece) => this.piece(piece).size > 0 });
    const hits: SearchHit[] = [];
    for (const product of candidates) {
      const hit = rankSearchHit(product, query, (piece, candidate) => this.matchPiece(piece, candidate));
      if (hit) hits.push(hit);
    }
    return { query, understood: describeSearchQuery(query), hits };
  }

  /** When nothing matches: the categories closest to the query and the best-scored products in them. */
  fallback(text: string, query: SearchQuery): SearchFallback {
    const categories = this.closestCategories(query);
    const ageOk = (product: Product): boolean => {
      if (query.age !== null) return query.age >= product.minAge && query.age <= product.maxAge;
      const audience = query.audience?.audience;
      return !audience || (product.maxAge >= audience.minAge && product.minAge <= audience.maxAge);
    };
    const composite = (product: Product): number => this.scores.get(product.id)?.composite ?? -1;
    const best = (pool: readonly Product[]): Product[] =>
      [...pool].sort((a, b) => composite(b) - composite(a) || (a.id < b.id ? -1 : 1)).slice(0, FALLBACK_PRODUCTS);
    let products = best(this.products.filter((product) => categories.includes(product.category) && ageOk(product)));
    if (products.length === 0) products = best(this.products.filter(ageOk));
    if (products.length === 0) products = best(this.products);
    return { message: `没有找到与“${text.trim()}”相符的产品，看看这些？`, categories, products };
  }

  /** Up to MAX_SUGGESTIONS completions of what is being typed: kinds of cover first, then products. */
  suggest(prefix: string): SearchSuggestion[] {
    const normal = normalizeSearchText(prefix).replace(/\s+/g, '');
    if (!normal) return [];
    const found: SuggestionEntry[] = [];
    for (const entry of this.suggestionEntries) {
      const hit = entry.keys.some((key) =>
        entry.kind === 'PRODUCT' && CJK.test(normal) ? key.includes(normal) : key.startsWith(normal),
      );
      if (hit) found.push(entry);
    }
    return found
      .sort((a, b) => a.rank - b.rank || a.text.length - b.text.length)
      .slice(0, MAX_SUGGESTIONS)
      .map(({ text, kind, productId }) => ({ text, kind, productId }));
  }

  private closestCategories(query: SearchQuery): ProductCategory[] {
    const named = categoriesOfQuery(query);
    if (named.length > 0) return named.slice(0, FALLBACK_CATEGORIES);
    // Nothing named: categories whose words share characters with the query, most shared first.
    const chars = new Set([...query.text].filter((char) => CJK.test(char)));
    const overlap = new Map<ProductCategory, number>();
    for (const concept of SEARCH_CONCEPTS) {
      const words = [concept.label, ...concept.words].join('');
      const shared = [...chars].filter((char) => words.includes(char)).length;
      for (const category of concept.categories) overlap.set(category, Math.max(overlap.get(category) ?? 0, shared));
    }
    const count = (category: ProductCategory): number =>
      this.products.filter((product) => product.category === category).length;
    return [...PRODUCT_CATEGORIES]
      .filter((category) => count(category) > 0)
      .sort((a, b) => (overlap.get(b) ?? 0) - (overlap.get(a) ?? 0) || count(b) - count(a))
      .slice(0, FALLBACK_CATEGORIES);
  }

  private piece(piece: string): ReadonlyMap<string, TextMatchInfo> {
    const memo = this.pieceMemo.get(piece);
    if (memo) return memo;
    const latin = !CJK.test(piece);
    const exact = this.mini.search(piece, {
      combineWith: 'AND',
      prefix: (term) => latin && term.length >= 2,
      fields: latin ? ['pinyin', 'initials', 'name'] : ['name', 'insurer', 'coverage'],
    });
    let results: { result: SearchResult; fuzzy: boolean }[] = exact.map((result) => ({ result, fuzzy: false }));
    if (results.length === 0 && latin && piece.length >= 5) {
      // Near spellings of one letter (kangnign → kangning), ranked below exact ones.
      const near = this.mini.search(piece, { combineWith: 'AND', prefix: true, fuzzy: 1, fields: ['pinyin'] });
      results = near.map((result) => ({ result, fuzzy: true }));
    }
    const matches = new Map<string, TextMatchInfo>();
    for (const { result, fuzzy } of results) {
      const fields = new Set(Object.values(result.match).flat());
      const points = fuzzy ? FUZZY_POINTS : Math.max(...[...fields].map((field) => FIELD_POINTS[field] ?? 0));
      matches.set(String(result.id), { points, latin });
    }
    if (this.pieceMemo.size > 1000) this.pieceMemo.clear();
    this.pieceMemo.set(piece, matches);
    return matches;
  }

  private matchPiece(piece: string, product: Product): TextMatch | null {
    const info = this.piece(piece).get(product.id);
    if (!info) return null;
    let ranges: TextRange[] = rangesOf(product.name, [piece]);
    if (ranges.length === 0 && info.latin) ranges = pinyinRanges(product.name, piece);
    if (ranges.length === 0 && !info.latin) ranges = rangesOf(product.name, queryTokens(piece));
    return { points: info.points, ranges };
  }

  private buildSuggestions(): SuggestionEntry[] {
    const entries: SuggestionEntry[] = [];
    const seen = new Set<string>();
    const add = (text: string, kind: SuggestionKind, rank: number, productId: string | null = null): void => {
      if (seen.has(text)) return;
      seen.add(text);
      const keys = [normalizeSearchText(text).replace(/\s+/g, '')];
      if (CJK.test(text)) {
        keys.push(syllables(text).join('').replace(/\s+/g, ''));
        keys.push(initialsOf(text).join('').replace(/\s+/g, ''));
      }
      entries.push({ text, kind, productId, keys, rank });
    };
    const has = (text: string): boolean => {
      const query = readSearchQuery(text, searchVocabulary());
      return this.products.some((product) => rankSearchHit(product, query, () => null) !== null);
    };
    // Kinds of cover by their labels, then what people call them; each only when something answers it.
    for (const category of PRODUCT_CATEGORIES) {
      if (this.products.some((product) => product.category === category)) add(CATEGORY_LABELS[category], 'CATEGORY', 0);
    }
    for (const concept of SEARCH_CONCEPTS) {
      for (const word of [concept.label, ...concept.words]) if (has(word)) add(word, 'QUERY', 1);
    }
    // Who for, and who for with what: 儿童 → 儿童重疾险, 儿童意外险…
    for (const audience of SEARCH_AUDIENCES) {
      for (const word of [audience.label, ...audience.words]) add(word, 'AUDIENCE', 2);
      for (const concept of SEARCH_CONCEPTS) {
        const text = `${audience.label}${concept.label}`;
        if (concept.categories.length > 0 && has(text)) add(text, 'QUERY', 2);
      }
    }
    for (const product of this.products) add(product.name, 'PRODUCT', 3, product.id);
    return entries;
  }
}

interface TextMatchInfo {
  readonly points: number;
  readonly latin: boolean;
}
