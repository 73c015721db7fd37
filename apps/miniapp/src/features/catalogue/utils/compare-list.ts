import Taro from '@tarojs/taro';

/**
 * The compare list (C5): up to four products the user picked on detail pages, kept in the
 * platform's storage so it survives leaving the page or the app. Names are kept beside the ids so
 * that the compare page can show what was picked even before (or without) asking the BFF.
 */

export const MAX_COMPARE_ITEMS = 4;
export const MIN_COMPARE_ITEMS = 2;
export const COMPARE_STORAGE_KEY = 'family:compare-list';

export interface CompareItem {
  id: string;
  name: string;
}

export type AddToCompareOutcome = 'added' | 'exists' | 'full';

export function isInCompareList(list: readonly CompareItem[], id: string): boolean {
  return list.some((item) => item.id === id);
}

/** Adds at the end; refuses a fifth product rather than silently dropping the oldest. */
export function addToCompareList(
  list: readonly CompareItem[],
  item: CompareItem,
): { list: CompareItem[]; outcome: AddToCompareOutcome } {
  if (isInCompareList(list, item.id)) return { list: [...list], outcome: 'exists' };
  if (list.length >= MAX_COMPARE_ITEMS) return { list: [...list], outcome: 'full' };
  return { list: [...list, { id: item.id, name: item.name }], outcome: 'added' };
}

export function removeFromCompareList(list: readonly CompareItem[], id: string): CompareItem[] {
  return list.filter((item) => item.id !== id);
}

/** Whatever storage holds, as a valid list: unknown shapes, duplicates and extras are dropped. */
export function parseCompareList(value: unknown): CompareItem[] {
  let raw = value;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return [];
    }
  }
  if (!Array.isArray(raw)) return [];
  const list: CompareItem[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, name } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || isInCompareList(list, id)) continue;
    list.push({ id, name: typeof name === 'string' ? name : '' });
    if (list.length === MAX_COMPARE_ITEMS) break;
  }
  return list;
}

/** Storage the list lives in; Taro's synchronous storage by default, a stub in tests. */
export interface CompareStorage {
  get(key: string): unknown;
  set(key: string, value: string): void;
}

export const taroCompareStorage: CompareStorage = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key) as unknown;
    } catch {
      return undefined;
    }
  },
  set: (key, value) => Taro.setStorageSync(key, value),
};

export function loadCompareList(storage: CompareStorage = taroCompareStorage): CompareItem[] {
  return parseCompareList(storage.get(COMPARE_STORAGE_KEY));
}

export function saveCompareList(list: readonly CompareItem[], storage: CompareStorage = taroCompareStorage): void {
  storage.set(COMPARE_STORAGE_KEY, JSON.stringify(list));
}

/** Loads, adds and saves; returns what happened and the list now stored. */
export function addToStoredCompareList(
  item: CompareItem,
  storage: CompareStorage = taroCompareStorage,
): { list: CompareItem[]; outcome: AddToCompareOutcome } {
  const result = addToCompareList(loadCompareList(storage), item);
  if (result.outcome === 'added') saveCompareList(result.list, storage);
  return result;
}

export function removeFromStoredCompareList(id: string, storage: CompareStorage = taroCompareStorage): CompareItem[] {
  const list = removeFromCompareList(loadCompareList(storage), id);
  saveCompareList(list, storage);
  return list;
}
