import { randomBytes } from 'node:crypto';
import type { CacheStore } from './cache.store.js';
import { MemoryCacheStore } from './memory-cache.store.js';
import { RedisCacheStore } from './redis-cache.store.js';

// The same contract on both stores; the Redis one runs when REDIS_URL is set (CI sets it).
const stores: [string, () => Promise<CacheStore>][] = [['memory', async () => new MemoryCacheStore()]];
if (process.env.REDIS_URL) {
  const url = process.env.REDIS_URL;
  stores.push(['redis', () => RedisCacheStore.connect(url, `test:${randomBytes(4).toString('hex')}:`)]);
}

describe.each(stores)('%s cache store', (_name, make) => {
  let store: CacheStore;

  beforeEach(async () => {
    store = await make();
  });
  afterEach(() => store.close());

  it('returns what was set, as a copy, and null for unknown keys', async () => {
    const value = { products: [{ id: 'a', priceFrom: 100 }], fetchedAt: 5 };
    await store.set('k', value, 10_000);
    const read = await store.get<typeof value>('k');
    expect(read).toEqual(value);
    expect(read).not.toBe(value);
    expect(await store.get('missing')).toBeNull();
  });

  it('expires entries after their time to live, and deletes on demand', async () => {
    await store.set('short', 1, 30);
    await store.set('long', 2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.get('short')).toBeNull();
    expect(await store.get('long')).toBe(2);
    await store.delete('long');
    expect(await store.get('long')).toBeNull();
  });
});
