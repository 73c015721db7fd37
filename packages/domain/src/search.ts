import type { Product, ProductCategory } from './product.js';
import {
  SEARCH_AUDIENCES,
  SEARCH_CONCEPTS,
  SEARCH_STOPWORDS,
  type SearchAudience,
  type SearchConcept,
} from './search-vocabulary.js';

/**
 * The query reader of catalogue search (C2): turns what a person typed (重疾, 给孩子买的保险,
 * zhongji, 5岁 重急险…) into concepts, an audience, an age and the rest of the text, and ranks
 * products against it. Pure: the BFF supplies pinyin spellings (pinyin-pro) and matches the rest of the
 * text against its index through the hooks below. docs/search.md describes the whole path.
 */

export type VocabularyEntry =
  | { readonly kind: 'concept'; readonly concept: SearchConcept }
  | { readonly kind: 'audience'; readonly audience: SearchAudience }
  | { readonly kind: 'stop' };

/** Other spellings of a word: full pinyin (zhongji) anywhere, initials (zj) only as a whole word. */
export interface WordAliases {
  readonly full: readonly string[];
  readonly initials: readonly string[];
}

export interface SearchVocabulary {
  /** Every spelling (Chinese, full pinyin) to what it means. */
  readonly spellings: ReadonlyMap<string, VocabularyEntry>;
  /** Initials, matched only when they are the whole of a Latin run ("zjx", not inside "kangzjx"). */
  readonly initials: ReadonlyMap<string, VocabularyEntry>;
  readonly longest: number;
}

/** Typo correction needs words long enough that one wrong character still names them. */
const MIN_FUZZY_CJK = 3;
const MIN_FUZZY_LATIN = 5;
/** Aliases of one-character words (癌 → ai) would match inside too many other spellings. */
const MIN_ALIASED_WORD = 2;

export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The vocabulary of the tables in search-vocabulary.ts, with other spellings from `aliases` (the BFF
 * gives pinyin). The first meaning of a spelling wins, so the tables' order settles collisions.
 */
export function buildSearchVocabulary(
  aliases: (word: string) => WordAliases = () => ({ full: [], initials: [] }),
): SearchVocabulary {
  const spellings = new Map<string, VocabularyEntry>();
  const initials = new Map<string, VocabularyEntry>();
  const add = (word: string, entry: VocabularyEntry): void => {
    const normal = normalizeSearchText(word);
    if (!spellings.has(normal)) spellings.set(normal, entry);
    if (entry.kind === 'stop' || [...word].length < MIN_ALIASED_WORD) return;
    const other = aliases(word);
    for (const spelling of other.full) if (!spellings.has(spelling)) spellings.set(spelling, entry);
    for (const spelling of other.initials) if (!initials.has(spelling)) initials.set(spelling, entry);
  };
  for (const concept of SEARCH_CONCEPTS) {
    for (const word of [concept.label, ...concept.words]) add(word, { kind: 'concept', concept });
  }
  for (const audience of SEARCH_AUDIENCES) {
    for (const word of [audience.label, ...audience.words]) add(word, { kind: 'audience', audience });
  }
  for (const word of SEARCH_STOPWORDS) add(word, { kind: 'stop' });
  const longest = Math.max(...[...spellings.keys()].map((spelling) => spelling.length));
  return { spellings, initials, longest };
}

export interface ReadTerm {
  /** What the person typed for it. */
  readonly typed: string;
  /** True when read through a one-character correction (重急险 → 重疾险). */
  readonly fuzzy: boolean;
}

export interface ReadConcept extends ReadTerm {
  readonly concept: SearchConcept;
}

export interface ReadAudience extends ReadTerm {
  readonly audience: SearchAudience;
}

/** A query as understood. */
export interface SearchQuery {
  readonly text: string;
  readonly concepts: readonly ReadConcept[];
  readonly audience: ReadAudience | null;
  /** An age written in the query (5岁, 30 周岁). */
  readonly age: number | null;
  /** Pieces the vocabulary does not know: matched as text against names (and their pinyin). */
  readonly rest: readonly string[];
}

export interface ReadOptions {
  /** Whether a leftover piece is found as text in the catalogue: such a piece is never "corrected". */
  readonly knownText?: (piece: string) => boolean;
}

const AGE_PATTERN = /(\d{1,3})\s*(?:周岁|岁)/;
const MAX_AGE = 120;
const isLatin = (char: string): boolean => /[a-z]/.test(char);
const isSeparator = (char: string): boolean => /[\s,，、;；.。!！?？/|+\-_:：“”"'()（）]/.test(char);

/** Reads `text` against the vocabulary: longest spelling first, left to right. */
export function readSearchQuery(text: string, vocabulary: SearchVocabulary, options: ReadOptions = {}): SearchQuery {
  let normal = normalizeSearchText(text);
  let age: number | null = null;
  const ageMatch = AGE_PATTERN.exec(normal);
  if (ageMatch && Number(ageMatch[1]) <= MAX_AGE) {
    age = Number(ageMatch[1]);
    normal = normal.replace(ageMatch[0], ' ');
  }

  const found: { entry: VocabularyEntry; typed: string; fuzzy: boolean }[] = [];
  const rest: Leftover[] = [];
  for (const segment of normal.split(/\s+/).filter(Boolean)) {
    const wholeInitials = /^[a-z]+$/.test(segment) ? vocabulary.initials.get(segment) : undefined;
    if (wholeInitials && !vocabulary.spellings.has(segment)) {
      found.push({ entry: wholeInitials, typed: segment, fuzzy: false });
      continue;
    }
    readSegment(segment, vocabulary, found, rest);
  }

  // Leftovers not found as text may be a word with one wrong character.
  const unread: string[] = [];
  for (const leftover of rest) {
    const piece = leftover.text;
    if (options.knownText?.(piece)) {
      unread.push(piece);
      continue;
    }
    const corrected = correctPiece(leftover, vocabulary);
    if (!corrected) {
      unread.push(piece);
      continue;
    }
    found.push({ entry: corrected.entry, typed: corrected.typed, fuzzy: true });
    unread.push(...corrected.left.filter((left) => !isStopword(left, vocabulary)));
  }

  const concepts: ReadConcept[] = [];
  let audience: ReadAudience | null = null;
  for (const { entry, typed, fuzzy } of found) {
    if (entry.kind === 'concept' && !concepts.some((read) => read.concept === entry.concept)) {
      concepts.push({ concept: entry.concept, typed, fuzzy });
    } else if (entry.kind === 'audience' && !audience) {
      audience = { audience: entry.audience, typed, fuzzy };
    }
  }
  return { text: normal, concepts, audience, age, rest: unread };
}

function isStopword(piece: string, vocabulary: SearchVocabulary): boolean {
  return vocabulary.spellings.get(piece)?.kind === 'stop';
}

/** Text the vocabulary did not read, with where it stands in its segment (for typo correction). */
interface Leftover {
  readonly text: string;
  readonly chars: readonly string[];
  readonly start: number;
  readonly end: number;
}

function readSegment(
  segment: string,
  vocabulary: SearchVocabulary,
  found: { entry: VocabularyEntry; typed: string; fuzzy: boolean }[],
  rest: Leftover[],
): void {
  const chars = [...segment];
  let pending = '';
  // Inside a Latin run, spellings match only from its start or right after another spelling: "ai" (癌)
  // is not read inside "kangnaixian".
  let latinBroken = false;
  let index = 0;
  const flush = (): void => {
    if (pending) rest.push({ text: pending, chars, start: index - [...pending].length, end: index });
    pending = '';
  };
  while (index < chars.length) {
    const char = chars[index];
    if (isSeparator(char)) {
      flush();
      latinBroken = false;
      index += 1;
      continue;
    }
    const latinStart = isLatin(char) && (index === 0 || !isLatin(chars[index - 1]));
    let matched: { entry: VocabularyEntry; length: number } | null = null;
    if (!isLatin(char) || latinStart || !latinBroken) {
      for (let length = Math.min(vocabulary.longest, chars.length - index); length >= 1; length--) {
        const candidate = chars.slice(index, index + length).join('');
        const entry = vocabulary.spellings.get(candidate);
        if (!entry) continue;
        // A Latin spelling must end where the Latin run ends or another spelling begins.
        const next = chars[index + length];
        if (
          isLatin(candidate[candidate.length - 1]) &&
          next &&
          isLatin(next) &&
          !startsSpelling(chars, index + length, vocabulary)
        )
          continue;
        matched = { entry, length };
        break;
      }
    }
    if (matched) {
      flush();
      const typed = chars.slice(index, index + matched.length).join('');
      if (matched.entry.kind !== 'stop') found.push({ entry: matched.entry, typed, fuzzy: false });
      index += matched.length;
      latinBroken = false;
      continue;
    }
    // A Latin run that does not start with a spelling stays whole: "kangning" is a name in pinyin.
    if (isLatin(char)) latinBroken = true;
    if (pending && isLatin(char) !== isLatin(pending[pending.length - 1])) flush();
    pending += char;
    index += 1;
  }
  flush();
}

function startsSpelling(chars: readonly string[], at: number, vocabulary: SearchVocabulary): boolean {
  for (let length = Math.min(vocabulary.longest, chars.length - at); length >= 2; length--) {
    if (vocabulary.spellings.has(chars.slice(at, at + length).join(''))) return true;
  }
  return false;
}

/** Levenshtein distance, stopping early above 1 (all we need). */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}

/**
 * The longest window around a leftover (one character of context each side, so that 重急险 is seen
 * whole although 险 alone is a filler word) one edit away from a long enough spelling.
 */
function correctPiece(
  leftover: Leftover,
  vocabulary: SearchVocabulary,
): { entry: VocabularyEntry; typed: string; left: string[] } | null {
  const { chars, start: pieceStart, end: pieceEnd } = leftover;
  const latin = isLatin(chars[pieceStart]);
  const from = !latin && pieceStart > 0 && !isSeparator(chars[pieceStart - 1]) ? pieceStart - 1 : pieceStart;
  const to = !latin && pieceEnd < chars.length && !isSeparator(chars[pieceEnd]) ? pieceEnd + 1 : pieceEnd;
  const minimum = latin ? MIN_FUZZY_LATIN : MIN_FUZZY_CJK;
  // Pinyin has no word boundaries to trust: a Latin leftover is corrected whole or not at all.
  const narrowest = latin ? to - from : minimum - 1;
  for (let width = to - from; width >= narrowest; width--) {
    for (let start = from; start + width <= to; start++) {
      // The window must lie mostly on the leftover, not on its neighbours.
      const overlap = Math.min(start + width, pieceEnd) - Math.max(start, pieceStart);
      if (overlap < width - 1 || overlap < 1) continue;
      const window = chars.slice(start, start + width).join('');
      for (const [spelling, entry] of vocabulary.spellings) {
        if (entry.kind === 'stop' || [...spelling].length < minimum) continue;
        if (isLatin(spelling[0]) !== latin || !withinOneEdit(window, spelling)) continue;
        const left = [
          chars.slice(pieceStart, Math.max(pieceStart, start)).join(''),
          chars.slice(Math.min(pieceEnd, start + width), pieceEnd).join(''),
        ].filter(Boolean);
        return { entry, typed: window, left };
      }
    }
  }
  return null;
}

/** "为您找到：适合 5 岁的重疾险" — or null when nothing but plain text was read. */
export function describeSearchQuery(query: SearchQuery): string | null {
  if (query.concepts.length === 0 && !query.audience && query.age === null) return null;
  const who =
    query.age !== null ? `适合 ${query.age} 岁的` : query.audience ? `适合${query.audience.audience.label}的` : '';
  const what = query.concepts.length > 0 ? query.concepts.map((read) => read.concept.label).join('、') : '产品';
  const also = query.rest.length > 0 ? `（含“${query.rest.join(' ')}”）` : '';
  return `为您找到：${who}${what}${also}`;
}

export interface TextRange {
  /** UTF-16 offset into the product name, as JavaScript strings index it. */
  readonly start: number;
  readonly length: number;
}

export interface SearchHit {
  readonly product: Product;
  /** Points of relevance; products are ordered by it, then by the five-dimension composite. */
  readonly relevance: number;
  readonly highlights: readonly TextRange[];
}

/** What the index found for a leftover piece in one product: points and name ranges to highlight. */
export interface TextMatch {
  readonly points: number;
  readonly ranges: readonly TextRange[];
}

/** Relevance points, exact readings above corrected ones (docs/search.md, "Ranking"). */
export const RELEVANCE = {
  category: 10,
  /** Another category's product whose name has the word typed (防癌医疗险 for 医疗). */
  named: 6,
  coverage: 4,
  audienceMark: 6,
  audienceOnly: 3,
  /** A corrected (fuzzy) term counts this share of an exact one. */
  fuzzyShare: 0.5,
} as const;

/**
 * Whether `product` answers `query`, and how well: every concept (its category, or else the word as
 * typed in the name, or else one of its coverage items), the audience's ages, the age, and every leftover piece (through `matchText`) must
 * match; a product that misses one is not a hit.
 */
export function rankSearchHit(
  product: Product,
  query: SearchQuery,
  matchText: (piece: string, product: Product) => TextMatch | null,
): SearchHit | null {
  let relevance = 0;
  const marks: string[] = [];
  for (const read of query.concepts) {
    const share = read.fuzzy ? RELEVANCE.fuzzyShare : 1;
    if (read.concept.categories.includes(product.category)) relevance += RELEVANCE.category * share;
    else if (!read.fuzzy && product.name.toLowerCase().includes(read.typed)) relevance += RELEVANCE.named;
    else if (product.coverage.some((item) => read.concept.coverage.includes(item.key)))
      relevance += RELEVANCE.coverage * share;
    else return null;
    marks.push(...read.concept.marks, read.typed);
  }
  if (query.age !== null && (query.age < product.minAge || query.age > product.maxAge)) return null;
  if (query.audience) {
    const { audience, fuzzy } = query.audience;
    if (product.maxAge < audience.minAge || product.minAge > audience.maxAge) return null;
    const share = fuzzy ? RELEVANCE.fuzzyShare : 1;
    const made = audience.marks.some((mark) => product.name.includes(mark));
    relevance += (made ? RELEVANCE.audienceMark : RELEVANCE.audienceOnly) * share;
    marks.push(...audience.marks, query.audience.typed);
  }
  const ranges: TextRange[] = [];
  for (const piece of query.rest) {
    const match = matchText(piece, product);
    if (!match) return null;
    relevance += match.points;
    ranges.push(...match.ranges);
  }
  ranges.push(...rangesOf(product.name, marks));
  return { product, relevance: Math.round(relevance * 10) / 10, highlights: mergeRanges(ranges) };
}

/** Where any of `words` occurs in `text` (case-insensitive). */
export function rangesOf(text: string, words: readonly string[]): TextRange[] {
  const haystack = text.toLowerCase();
  const ranges: TextRange[] = [];
  for (const word of words) {
    const needle = word.toLowerCase();
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      ranges.push({ start: at, length: needle.length });
    }
  }
  return ranges;
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].filter((range) => range.length > 0).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    const end = range.start + range.length;
    if (last && range.start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start: range.start, end });
  }
  return merged.map((range) => ({ start: range.start, length: range.end - range.start }));
}

/** Categories a query points at, to offer when nothing matches: those it names, in its order. */
export function categoriesOfQuery(query: SearchQuery): ProductCategory[] {
  const categories: ProductCategory[] = [];
  for (const read of query.concepts) {
    for (const category of read.concept.categories) if (!categories.includes(category)) categories.push(category);
  }
  return categories;
}

/** Relevance first, then the five-dimension composite, both descending (cursor value of the RELEVANCE order). */
export function relevanceSortValue(relevance: number, composite: number | null): number {
  // composite ×10 is 0…1000 (-10 unscored): a step of relevance (0.1) is worth more than any composite.
  return Math.round(relevance * 10) * 10_000 + Math.round((composite ?? -1) * 10);
}
