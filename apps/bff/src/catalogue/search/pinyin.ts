import { type WordAliases, buildSearchVocabulary, type SearchVocabulary } from '@family/domain';
import { match, pinyin } from 'pinyin-pro';
import type { TextRange } from '@family/domain';

/** Pinyin syllables of each character of `text` without tones; non-Chinese characters come back as they are. */
export function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).map((syllable) => syllable.toLowerCase());
}

/** First letters of each syllable. */
export function initialsOf(text: string): string[] {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).map((letter) => letter.toLowerCase());
}

/** How a word may be typed in pinyin: 重疾 → zhongji (anywhere in a query) and zj (as a whole word). */
export function pinyinAliases(word: string): WordAliases {
  if (!/[\u4e00-\u9fff]/.test(word)) return { full: [], initials: [] };
  return { full: [syllables(word).join('')], initials: [initialsOf(word).join('')] };
}

let vocabulary: SearchVocabulary | null = null;

/** The domain's vocabulary with pinyin spellings; built once per process (the tables are static). */
export function searchVocabulary(): SearchVocabulary {
  vocabulary ??= buildSearchVocabulary(pinyinAliases);
  return vocabulary;
}

/** Ranges of `text` whose characters a pinyin query (full, initials or mixed) spells, or none. */
export function pinyinRanges(text: string, query: string): TextRange[] {
  const indices = match(text, query, { continuous: false }) ?? [];
  const ranges: TextRange[] = [];
  for (const index of indices) {
    const last = ranges[ranges.length - 1];
    if (last && last.start + last.length === index)
      ranges[ranges.length - 1] = { start: last.start, length: last.length + 1 };
    else ranges.push({ start: index, length: 1 });
  }
  return ranges;
}
