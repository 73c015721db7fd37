import {
  addToCompareList,
  addToStoredCompareList,
  COMPARE_STORAGE_KEY,
  loadCompareList,
  parseCompareList,
  removeFromCompareList,
  removeFromStoredCompareList,
  type CompareStorage,
} from '../compare-list';

function memoryStorage(initial: Record<string, unknown> = {}): CompareStorage & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
}

const item = (n: number) => ({ id: `p${n}`, name: `产品${n}` });

describe('compare list', () => {
  it('adds products at the end, once each', () => {
    const first = addToCompareList([], item(1));
    expect(first).toEqual({ list: [item(1)], outcome: 'added' });
    const again = addToCompareList(first.list, item(1));
    expect(again).toEqual({ list: [item(1)], outcome: 'exists' });
    expect(addToCompareList(first.list, item(2)).list).toEqual([item(1), item(2)]);
  });

  it('refuses a fifth product and keeps the four', () => {
    const four = [item(1), item(2), item(3), item(4)];
    expect(addToCompareList(four, item(5))).toEqual({ list: four, outcome: 'full' });
    // Already in a full list: nothing to refuse.
    expect(addToCompareList(four, item(2)).outcome).toBe('exists');
  });

  it('does not change the list it was given', () => {
    const list = [item(1)];
    addToCompareList(list, item(2));
    removeFromCompareList(list, 'p1');
    expect(list).toEqual([item(1)]);
  });

  it('removes by id', () => {
    expect(removeFromCompareList([item(1), item(2), item(3)], 'p2')).toEqual([item(1), item(3)]);
    expect(removeFromCompareList([item(1)], 'unknown')).toEqual([item(1)]);
  });

  it('reads whatever storage holds as a valid list', () => {
    expect(parseCompareList(undefined)).toEqual([]);
    expect(parseCompareList('')).toEqual([]);
    expect(parseCompareList('not json')).toEqual([]);
    expect(parseCompareList({ id: 'p1' })).toEqual([]);
    expect(parseCompareList([item(1), null, 3, { id: '' }, { id: 'p2' }, item(1)])).toEqual([
      item(1),
      { id: 'p2', name: '' },
    ]);
    expect(parseCompareList(JSON.stringify([item(1), item(2), item(3), item(4), item(5)]))).toHaveLength(4);
  });

  it('keeps the list in storage across loads', () => {
    const storage = memoryStorage();
    expect(loadCompareList(storage)).toEqual([]);
    expect(addToStoredCompareList(item(1), storage).outcome).toBe('added');
    expect(addToStoredCompareList(item(2), storage).list).toEqual([item(1), item(2)]);
    expect(JSON.parse(String(storage.data[COMPARE_STORAGE_KEY]))).toEqual([item(1), item(2)]);
    expect(loadCompareList(storage)).toEqual([item(1), item(2)]);
    expect(removeFromStoredCompareList('p1', storage)).toEqual([item(2)]);
    expect(loadCompareList(storage)).toEqual([item(2)]);
  });

  it('does not write when nothing was added', () => {
    const storage = memoryStorage({ [COMPARE_STORAGE_KEY]: JSON.stringify([item(1), item(2), item(3), item(4)]) });
    const set = jest.spyOn(storage, 'set');
    expect(addToStoredCompareList(item(5), storage).outcome).toBe('full');
    expect(addToStoredCompareList(item(1), storage).outcome).toBe('exists');
    expect(set).not.toHaveBeenCalled();
  });
});
