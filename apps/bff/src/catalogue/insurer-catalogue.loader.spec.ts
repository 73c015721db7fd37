import { makeInsurerFacts, makeProduct } from '@family/domain';
import type { CacheStore } from '../common/cache/cache.store.js';
import { MemoryCacheStore } from '../common/cache/memory-cache.store.js';
import { loadConfig } from '../config/config.js';
import type { InsurerEntity } from './entities/insurer.entity.js';
import { InsurerCatalogueLoader } from './insurer-catalogue.loader.js';
import { type InsurerAdapter, type InsurerCatalogue, UpstreamError } from './insurers/insurer.port.js';

const insurer = {
  id: 'a',
  name: 'a保险',
  wireFormat: 'json-paged',
  baseUrl: 'https://a.insurer.example',
  endpointPath: '/a',
  enabled: true,
} as InsurerEntity;
const answer = (name: string): InsurerCatalogue => ({
  insurer: makeInsurerFacts({ id: 'a' }),
  products: [makeProduct({ id: 'a:1', insurerId: 'a', name })],
  revision: `a:${name}`,
});

/** An upstream whose next answers a test queues; each call takes the next one. */
class ScriptedAdapter implements InsurerAdapter {
  readonly wireFormat = 'json-paged' as const;
  calls = 0;
  private readonly script: (() => Promise<InsurerCatalogue>)[] = [];
  next(...answers: (() => Promise<InsurerCatalogue>)[]): this {
    this.script.push(...answers);
    return this;
  }
  fetchCatalogue(): Promise<InsurerCatalogue> {
    this.calls += 1;
    const step = this.script.shift();
    if (!step) throw new Error('unexpected upstream call');
    return step();
  }
}

const ok = (name: string) => async () => answer(name);
const fail =
  (code: 'UNAVAILABLE' | 'TIMEOUT' = 'UNAVAILABLE') =>
  async (): Promise<InsurerCatalogue> => {
    throw new UpstreamError(code, 'down');
  };
const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup(adapter: InsurerAdapter, cache?: CacheStore, env: Record<string, string> = {}) {
  let now = 0;
  const config = loadConfig({
    CATALOGUE_FRESH_SECONDS: '60',
    CATALOGUE_MAX_STALE_SECONDS: '600',
    CIRCUIT_FAILURE_THRESHOLD: '2',
    CIRCUIT_RESET_SECONDS: '30',
    ...env,
  });
  const clock = { now: () => now };
  const loader = new InsurerCatalogueLoader([adapter], cache ?? new MemoryCacheStore(clock.now), clock, config);
  return { loader, advance: (ms: number) => (now += ms) };
}

/** The store, with every get and set it is asked written down; `engine` plays another kind of store. */
function watch(store: CacheStore, engine?: 'redis'): { watched: CacheStore; used: string[] } {
  const used: string[] = [];
  const watched: CacheStore = Object.assign(Object.create(store) as CacheStore, {
    ...(engine ? { engine } : {}),
    get: async <T>(key: string): Promise<T | null> => {
      used.push(`get ${key}`);
      return store.get<T>(key);
    },
    set: async <T>(key: string, value: T, ttlMs: number): Promise<void> => {
      used.push(`set ${key}`);
      return store.set(key, value, ttlMs);
    },
  });
  return { watched, used };
}

describe('InsurerCatalogueLoader', () => {
  it('serves a fresh entry from cache without calling the upstream', async () => {
    const adapter = new ScriptedAdapter().next(ok('v1'));
    const { loader, advance } = setup(adapter);
    expect((await loader.load(insurer)).stale).toBe(false);
    advance(59_999);
    const second = await loader.load(insurer);
    expect(second).toMatchObject({ fetchedAt: 0, stale: false });
    expect(adapter.calls).toBe(1);
  });

  it('serves a stale entry at once and refreshes it in the background (stale-while-revalidate)', async () => {
    const adapter = new ScriptedAdapter().next(ok('v1'), ok('v2'));
    const { loader, advance } = setup(adapter);
    await loader.load(insurer);
    advance(60_000);
    const stale = await loader.load(insurer);
    expect(stale.stale).toBe(true);
    expect(stale.catalogue.products[0].name).toBe('v1');
    await flush();
    expect(adapter.calls).toBe(2);
    const refreshed = await loader.load(insurer);
    expect(refreshed).toMatchObject({ stale: false, fetchedAt: 60_000 });
    expect(refreshed.catalogue.products[0].name).toBe('v2');
  });

  it('keeps the catalogue it holds, the very objects, when a new load brings the same revision', async () => {
    const adapter = new ScriptedAdapter().next(ok('v1'), ok('v1'), ok('v2'));
    const { loader, advance } = setup(adapter);
    const first = await loader.load(insurer);
    advance(60_000);
    await loader.load(insurer);
    await flush();
    const same = await loader.load(insurer);
    // Asked again (a new fetch time, fresh again), but the upstream's answer had not changed.
    expect(same).toMatchObject({ fetchedAt: 60_000, stale: false });
    expect(same.catalogue).toBe(first.catalogue);
    advance(60_000);
    await loader.load(insurer);
    await flush();
    const changed = await loader.load(insurer);
    expect(changed.catalogue).not.toBe(first.catalogue);
    expect(changed.catalogue.products[0].name).toBe('v2');
    expect(adapter.calls).toBe(3);
  });

  it('keeps serving stale data while the upstream fails, until the stale window ends', async () => {
    const adapter = new ScriptedAdapter().next(ok('v1'), fail(), fail());
    const { loader, advance } = setup(adapter);
    await loader.load(insurer);
    advance(60_000);
    expect((await loader.load(insurer)).stale).toBe(true);
    await flush();
    advance(600_000 - 1);
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('v1');
    await flush();
    advance(1);
    // Past freshness + stale window: the entry is gone; the breaker (2 failures) is open now.
    await expect(loader.load(insurer)).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(adapter.calls).toBe(3);
  });

  it('makes one upstream call for concurrent misses (single-flight)', async () => {
    let release: (value: InsurerCatalogue) => void = () => undefined;
    const adapter = new ScriptedAdapter().next(() => new Promise((resolve) => (release = resolve)));
    const { loader } = setup(adapter);
    const loads = Promise.all(Array.from({ length: 10 }, () => loader.load(insurer)));
    await flush();
    release(answer('v1'));
    const results = await loads;
    expect(adapter.calls).toBe(1);
    expect(new Set(results.map((result) => result.catalogue.products[0].name))).toEqual(new Set(['v1']));
  });

  it('opens the circuit after repeated failures, then lets one trial through after the reset period', async () => {
    const adapter = new ScriptedAdapter().next(fail(), fail('TIMEOUT'), ok('back'));
    const { loader, advance } = setup(adapter);
    await expect(loader.load(insurer)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(loader.load(insurer)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(loader.load(insurer)).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(adapter.calls).toBe(2);
    advance(30_000);
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('back');
    expect(adapter.calls).toBe(3);
  });

  it('keeps loading and refreshing when the cache store fails', async () => {
    const broken: CacheStore = {
      get: async () => {
        throw new Error('redis down');
      },
      set: async () => {
        throw new Error('redis down');
      },
      delete: async () => undefined,
      ping: async () => undefined,
      close: async () => undefined,
      engine: 'redis',
    };
    const adapter = new ScriptedAdapter().next(ok('v1'), ok('v2'));
    const { loader, advance } = setup(adapter, broken);
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('v1');
    advance(60_000);
    expect(await loader.load(insurer)).toMatchObject({ stale: true });
    await flush();
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('v2');
  });

  it('serves a fresh entry it holds without reading the store, and takes a newer one another instance stored', async () => {
    // A store shared with other instances (as Redis is), played by a memory store.
    const store = new MemoryCacheStore(() => 0);
    let reads = 0;
    const counting: CacheStore = Object.assign(Object.create(store) as CacheStore, {
      engine: 'redis' as const,
      get: async <T>(key: string): Promise<T | null> => {
        reads += 1;
        return store.get<T>(key);
      },
    });
    const adapter = new ScriptedAdapter().next(ok('v1'));
    const { loader, advance } = setup(adapter, counting);
    await loader.load(insurer);
    await loader.load(insurer);
    await loader.load(insurer);
    expect(reads).toBe(1);

    // Another instance refreshed the shared store meanwhile: past freshness, this one picks that up.
    advance(60_000);
    await store.set('catalogue:v3:a', { catalogue: answer('from-other-instance'), fetchedAt: 60_000 }, 1e9);
    const picked = await loader.load(insurer);
    expect(picked).toMatchObject({ stale: false, fetchedAt: 60_000 });
    expect(picked.catalogue.products[0].name).toBe('from-other-instance');
    expect(adapter.calls).toBe(1);
  });

  it('keeps no copy of a catalogue in an in-process store: the entry it holds is the only one', async () => {
    const store = new MemoryCacheStore(() => 0);
    const { watched, used } = watch(store);
    const adapter = new ScriptedAdapter().next(ok('v1'), ok('v2'));
    const { loader, advance } = setup(adapter, watched);
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('v1');
    advance(60_000);
    expect(await loader.load(insurer)).toMatchObject({ stale: true });
    await flush();
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('v2');
    expect(used).toEqual([]);
    expect(await store.get('catalogue:v3:a')).toBeNull();
  });

  it('neither writes nor reads a shared store when catalogues are never kept (fresh and stale windows 0)', async () => {
    const { watched: shared, used } = watch(new MemoryCacheStore(() => 0), 'redis');
    const adapter = new ScriptedAdapter().next(ok('v1'), ok('v2'));
    const { loader } = setup(adapter, shared, { CATALOGUE_FRESH_SECONDS: '0', CATALOGUE_MAX_STALE_SECONDS: '0' });
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('v1');
    expect((await loader.load(insurer)).catalogue.products[0].name).toBe('v2');
    expect(adapter.calls).toBe(2);
    expect(used).toEqual([]);
    // The same store with the default windows is used: the test above is not vacuous.
    const kept = setup(new ScriptedAdapter().next(ok('v1')), shared);
    await kept.loader.load(insurer);
    expect(used).toEqual(['get catalogue:v3:a', 'set catalogue:v3:a']);
  });

  it('never calls an insurer that has no address of its own', async () => {
    const adapter = new ScriptedAdapter().next(ok('v1'));
    const { loader } = setup(adapter);
    await expect(loader.load({ ...insurer, baseUrl: null } as InsurerEntity)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(adapter.calls).toBe(0);
  });
});
