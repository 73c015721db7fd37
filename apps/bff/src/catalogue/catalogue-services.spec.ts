import { type InsurerFacts, type Product, makeInsurerFacts, makeProduct } from '@family/domain';
import { MemoryCacheStore } from '../common/cache/memory-cache.store.js';
import type { Clock } from '../common/clock.js';
import { loadConfig } from '../config/config.js';
import { CatalogueSnapshotService } from './catalogue-snapshot.service.js';
import type { InsurerEntity } from './entities/insurer.entity.js';
import { InsurerCatalogueLoader } from './insurer-catalogue.loader.js';
import {
  type InsurerAdapter,
  type InsurerCatalogue,
  type InsurerEndpoint,
  UpstreamError,
} from './insurers/insurer.port.js';
import type { InsurerRepository } from './insurer.repository.js';
import { CatalogueSearchService } from './search/catalogue-search.service.js';
import { ProductListingService } from './product-listing.service.js';
import { QuoteService } from './quote.service.js';

const insurer = (id: string, wireFormat: InsurerEntity['wireFormat'] = 'json-paged'): InsurerEntity =>
  ({
    id,
    name: `${id}保险`,
    wireFormat,
    baseUrl: `https://${id}.insurer.example/api/`,
    endpointPath: `/${id}`,
    enabled: true,
  }) as InsurerEntity;

const product = (insurerId: string, code: string, priceFrom: number, overrides: Partial<Product> = {}): Product =>
  makeProduct({ id: `${insurerId}:${code}`, insurerId, name: `${code} 医疗`, priceFrom, ...overrides });

let revisions = 0;
/** A new catalogue: a revision of its own, as an upstream that changed would give. */
const catalogue = (id: string, products: Product[], facts: Partial<InsurerFacts> = {}): InsurerCatalogue => ({
  insurer: makeInsurerFacts({ id, name: `${id}保险`, ...facts }),
  products,
  revision: `${id}#${++revisions}`,
});

/** Answers per insurer id; a function may throw to play a failing upstream. */
class FakeAdapter implements InsurerAdapter {
  readonly wireFormat = 'json-paged' as const;
  readonly calls: InsurerEndpoint[] = [];
  constructor(private readonly answers: Record<string, () => Promise<InsurerCatalogue>>) {}
  fetchCatalogue(endpoint: InsurerEndpoint): Promise<InsurerCatalogue> {
    this.calls.push(endpoint);
    return this.answers[endpoint.id]();
  }
}

function build(insurers: InsurerEntity[], adapter: InsurerAdapter, env: Record<string, string> = {}) {
  let now = 1_800_000_000_000;
  const clock: Clock = { now: () => now };
  const config = loadConfig({ INSURER_SECRETS: 'b=s3cret', ...env });
  const repository = { findEnabled: async () => insurers } as unknown as InsurerRepository;
  const loader = new InsurerCatalogueLoader([adapter], new MemoryCacheStore(() => now), clock, config);
  const snapshots = new CatalogueSnapshotService(repository, loader, clock);
  const listing = new ProductListingService(snapshots, new CatalogueSearchService(loadConfig({})));
  const quotes = new QuoteService(snapshots, clock);
  return {
    snapshots,
    service: {
      listProducts: listing.listProducts.bind(listing),
      getProduct: listing.getProduct.bind(listing),
      compare: listing.compare.bind(listing),
      quote: quotes.quote.bind(quotes),
    },
    advance: (ms: number) => (now += ms),
  };
}

describe('catalogue snapshot, listing and quote services', () => {
  const healthy = new FakeAdapter({
    a: async () => catalogue('a', [product('a', 'A1', 300), product('a', 'A2', 100)]),
    b: async () => catalogue('b', [product('b', 'B1', 200, { name: '旅行无忧', category: 'TRAVEL' })]),
  });

  it('merges insurers, sorts by price, and calls each insurer at its own address with its secret', async () => {
    const { service } = build([insurer('a'), insurer('b')], healthy);
    const { page, snapshot } = await service.listProducts({}, 'PRICE', 10, null);
    expect(page.items.map((item) => item.node.id)).toEqual(['a:A2', 'b:B1', 'a:A1']);
    expect(snapshot.failures).toEqual([]);
    expect(healthy.calls.find((call) => call.id === 'a')).toMatchObject({
      url: 'https://a.insurer.example/api/a',
      secret: null,
    });
    expect(healthy.calls.find((call) => call.id === 'b')?.secret).toBe('s3cret');
  });

  it('scores every product and sorts by score, highest first, by default order SCORE', async () => {
    const { service } = build([insurer('a'), insurer('b')], healthy);
    const { page, snapshot } = await service.listProducts({}, 'SCORE', 10, null);
    const composites = page.items.map((item) => snapshot.scores.get(item.node.id)?.composite ?? -1);
    expect(composites.every((score) => score >= 0)).toBe(true);
    expect(composites).toEqual([...composites].sort((x, y) => y - x));
  });

  it('leaves out the products of an insurer that fails the qualification gate (C7)', async () => {
    const adapter = new FakeAdapter({
      a: async () => catalogue('a', [product('a', 'A1', 300)]),
      small: async () => catalogue('small', [product('small', 'S1', 50)], { registeredCapitalYuan: 999_999_999 }),
    });
    const { service } = build([insurer('a'), insurer('small')], adapter);
    const { page, snapshot } = await service.listProducts({}, 'PRICE', 10, null);
    expect(page.items.map((item) => item.node.id)).toEqual(['a:A1']);
    expect([...snapshot.insurers.keys()]).toEqual(['a']);
    await expect(service.getProduct('small:S1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('returns the healthy insurers and names each failed one with its code', async () => {
    const adapter = new FakeAdapter({
      a: async () => {
        throw new TypeError('socket hang up');
      },
      b: async () => {
        throw new UpstreamError('BAD_RESPONSE', 'truncated');
      },
      c: async () => catalogue('c', [product('c', 'C1', 100)]),
    });
    const { service } = build([insurer('a'), insurer('b'), insurer('c')], adapter);
    const { page, snapshot } = await service.listProducts({}, 'PRICE', 10, null);
    expect(page.items.map((item) => item.node.id)).toEqual(['c:C1']);
    expect(snapshot.failures).toEqual([
      { insurer: { id: 'a', name: 'a保险' }, code: 'UNAVAILABLE' },
      { insurer: { id: 'b', name: 'b保险' }, code: 'BAD_RESPONSE' },
    ]);
    await expect(service.getProduct('b:B1')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('names a catalogue version that holds while the data does, and changes with any insurer’s data', async () => {
    let price = 100;
    let failing = false;
    const adapter = new FakeAdapter({
      a: async () => catalogue('a', [product('a', 'A1', 300)]),
      b: async () => {
        if (failing) throw new UpstreamError('BAD_RESPONSE', 'truncated');
        return catalogue('b', [product('b', 'B1', price)]);
      },
    });
    const { snapshots, advance } = build([insurer('a'), insurer('b')], adapter, {
      CATALOGUE_FRESH_SECONDS: '60',
      CATALOGUE_MAX_STALE_SECONDS: '0',
    });
    const first = await snapshots.version();
    const calls = adapter.calls.length;
    advance(30_000);
    expect(await snapshots.version()).toBe(first);
    expect(adapter.calls.length).toBe(calls);
    // Past freshness both are fetched again: new data versions.
    price = 150;
    advance(31_000);
    const second = await snapshots.version();
    expect(second).not.toBe(first);
    expect(await snapshots.version()).toBe(second);
    // An insurer failing changes it too, and it is asked again on the next call.
    failing = true;
    advance(61_000);
    const third = await snapshots.version();
    expect(third).toContain('b:b保险!BAD_RESPONSE');
    failing = false;
    expect(await snapshots.version()).not.toBe(third);
  });

  it('shares one load and one built snapshot among the requests that arrive while it is taken (single-flight)', async () => {
    const pending: Array<() => void> = [];
    const later = <T>(answer: () => T): Promise<T> =>
      new Promise<T>((resolve, reject) =>
        pending.push(() => {
          try {
            resolve(answer());
          } catch (error) {
            reject(error as Error);
          }
        }),
      );
    const adapter = new FakeAdapter({
      a: () => later(() => catalogue('a', [product('a', 'A1', 300), product('a', 'A2', 100)])),
      b: () =>
        later(() => {
          throw new UpstreamError('BAD_RESPONSE', 'truncated');
        }),
    });
    // Uncached: every request asks every insurer (the benchmark's "uncached" BFF).
    const { snapshots, service } = build([insurer('a'), insurer('b')], adapter, {
      CATALOGUE_FRESH_SECONDS: '0',
      CATALOGUE_MAX_STALE_SECONDS: '0',
    });
    const counted = snapshots as unknown as { take: () => Promise<unknown> };
    const take = counted.take.bind(snapshots);
    let builds = 0;
    counted.take = () => ((builds += 1), take());
    const settle = async (): Promise<void> => {
      // Let the loads reach the adapter, then answer every call made so far.
      while (pending.length < 2) await new Promise((resolve) => setImmediate(resolve));
      pending.splice(0).forEach((answer) => answer());
    };

    const concurrent = [
      ...Array.from({ length: 5 }, () => snapshots.snapshot()),
      ...Array.from({ length: 5 }, () => service.listProducts({}, 'PRICE', 10, null)),
    ];
    await settle();
    const answers = await Promise.all(concurrent);
    expect(adapter.calls.map((call) => call.id).sort()).toEqual(['a', 'b']);
    expect(builds).toBe(1);
    const shared = answers[0];
    for (const answer of answers.slice(1, 5)) expect(answer).toBe(shared);
    const listings = answers.slice(5) as Array<Awaited<ReturnType<typeof service.listProducts>>>;
    for (const listing of listings) {
      expect(listing.snapshot).toBe(shared);
      expect(listing).toBe(listings[0]);
    }
    // Each request sees the shared load's partial result: the products that came, the insurer that failed.
    expect(listings[0].page.items.map((item) => item.node.id)).toEqual(['a:A2', 'a:A1']);
    expect(listings[0].snapshot.failures).toEqual([{ insurer: { id: 'b', name: 'b保险' }, code: 'BAD_RESPONSE' }]);

    // A request after the load completed never gets its data: it takes a new snapshot, asking again.
    const after = snapshots.snapshot();
    await settle();
    expect(await after).not.toBe(shared);
    expect(adapter.calls).toHaveLength(4);
    expect(builds).toBe(2);
  });

  it('asks the slowest insurer first, by how long each took last time; one never asked counts as the slowest', async () => {
    // Each insurer answers after its own time on the test clock, in that order; `c` fails, slowly.
    const took: Record<string, number> = { a: 50, b: 400, c: 300, d: 120 };
    const waiting: { id: string; answer: () => void }[] = [];
    const answer = (id: string) => () =>
      new Promise<void>((resolve) => waiting.push({ id, answer: resolve })).then(() => {
        if (id === 'c') throw new UpstreamError('TIMEOUT', 'slow');
        return catalogue(id, [product(id, `${id.toUpperCase()}1`, 100)]);
      });
    const adapter = new FakeAdapter({ a: answer('a'), b: answer('b'), c: answer('c'), d: answer('d') });
    const { snapshots, advance } = build([insurer('a'), insurer('b'), insurer('c'), insurer('d')], adapter, {
      CATALOGUE_FRESH_SECONDS: '0',
      CATALOGUE_MAX_STALE_SECONDS: '0',
      CIRCUIT_FAILURE_THRESHOLD: '10', // `c` keeps being asked
    });
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    const asked = async (): Promise<string[]> => {
      adapter.calls.length = 0;
      const taking = snapshots.snapshot();
      for (let turn = 0; waiting.length < 4 && turn < 100; turn++) await flush();
      let elapsed = 0;
      for (const { id, answer } of waiting.splice(0).sort((x, y) => took[x.id] - took[y.id])) {
        advance(took[id] - elapsed);
        elapsed = took[id];
        answer();
        await flush();
      }
      expect((await taking).products.map((item) => item.insurerId)).toEqual(['a', 'b', 'd']);
      return adapter.calls.map((call) => call.id);
    };

    expect(await asked()).toEqual(['a', 'b', 'c', 'd']);
    expect(await asked()).toEqual(['b', 'c', 'd', 'a']);
    took.a = 500;
    await asked();
    expect(await asked()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('asks in groups of 1, 2, 4, … with a turn of the event loop after each, so each group’s requests leave first', async () => {
    // The event loop's turns, counted while a snapshot is taken; the turn each request was made in.
    let turn = 0;
    let counting: NodeJS.Immediate | undefined;
    const count = (): void => {
      turn += 1;
      counting = setImmediate(count);
    };
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const madeIn: Record<string, number> = {};
    const answers = Object.fromEntries(
      ids.map((id) => [
        id,
        async () => {
          madeIn[id] = turn;
          return catalogue(id, [product(id, `${id.toUpperCase()}1`, 100)]);
        },
      ]),
    );
    const adapter = new FakeAdapter(answers);
    const { snapshots, advance } = build(
      ids.map((id) => insurer(id)),
      adapter,
      { CATALOGUE_FRESH_SECONDS: '60' },
    );
    const take = async (): Promise<number[]> => {
      counting = setImmediate(count);
      await snapshots.snapshot();
      clearImmediate(counting);
      const first = Math.min(...Object.values(madeIn));
      return ids.map((id) => madeIn[id] - first);
    };

    // Never asked: all count as the slowest, asked in the list's order.
    expect(await take()).toEqual([0, 1, 1, 2, 2, 2, 2, 3, 3]);
    expect(adapter.calls.map((call) => call.id)).toEqual(ids);

    // Held fresh in memory: nothing to ask, and no turn taken (the snapshot is built before one).
    const first = await Promise.race([
      snapshots.snapshot().then(() => 'snapshot'),
      new Promise((resolve) => setImmediate(() => resolve('a turn'))),
    ]);
    expect(first).toBe('snapshot');
    expect(adapter.calls).toHaveLength(ids.length);

    // Past freshness: asked again, in groups again.
    advance(60_000);
    expect(await take()).toEqual([0, 1, 1, 2, 2, 2, 2, 3, 3]);
    expect(adapter.calls).toHaveLength(2 * ids.length);
  });

  it('computes a listing once per catalogue signature: an unchanged catalogue asked again lists from what was computed', async () => {
    const a = catalogue('a', [product('a', 'A1', 300), product('a', 'A2', 100)]);
    let b = catalogue('b', [product('b', 'B1', 200)]);
    // Each request asks both insurers (nothing kept fresh); `a` and `b` answer the same revisions.
    const adapter = new FakeAdapter({ a: async () => a, b: async () => b });
    const { service } = build([insurer('a'), insurer('b')], adapter, {
      CATALOGUE_FRESH_SECONDS: '0',
      CATALOGUE_MAX_STALE_SECONDS: '0',
    });
    const first = await service.listProducts({}, 'SCORE', 10, null);
    const second = await service.listProducts({}, 'SCORE', 10, null);
    expect(adapter.calls).toHaveLength(4);
    expect(second.snapshot).not.toBe(first.snapshot);
    expect(second.snapshot.signature).toBe(first.snapshot.signature);
    expect(second.page).toBe(first.page);
    expect(second.snapshot.scores).toBe(first.snapshot.scores);

    // One insurer's catalogue changes: a new signature, computed again.
    b = catalogue('b', [product('b', 'B1', 50)]);
    const third = await service.listProducts({}, 'PRICE', 10, null);
    const fourth = await service.listProducts({}, 'SCORE', 10, null);
    expect(third.snapshot.signature).not.toBe(first.snapshot.signature);
    expect(third.page.items[0]?.node.priceFrom).toBe(50);
    expect(fourth.page).not.toBe(first.page);
  });

  it('filters by insurer, text, age and budget', async () => {
    const { service } = build([insurer('a'), insurer('b')], healthy);
    const ids = async (filter: object): Promise<string[]> =>
      (await service.listProducts(filter, 'PRICE', 10, null)).page.items.map((item) => item.node.id);
    expect(await ids({ insurerId: 'b' })).toEqual(['b:B1']);
    expect(await ids({ text: '旅行' })).toEqual(['b:B1']);
    expect(await ids({ age: 61 })).toEqual([]);
    expect(await ids({ budget: 200 })).toEqual(['a:A2', 'b:B1']);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 51 }, 'first'],
    [{ after: 'garbage!' }, 'after'],
    [{ filter: { text: '医'.repeat(51) } }, 'filter.text'],
    [{ filter: { age: -1 } }, 'filter.age'],
    [{ filter: { budget: -5 } }, 'filter.budget'],
  ])('refuses %p naming the field %s', async (args, field) => {
    const { service } = build([insurer('a'), insurer('b')], healthy);
    const { first = 10, after = null, filter = {} } = args as { first?: number; after?: string; filter?: object };
    await expect(service.listProducts(filter, 'PRICE', first, after)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('refuses a cursor from another sort order', async () => {
    const { service } = build([insurer('a'), insurer('b')], healthy);
    const { page } = await service.listProducts({}, 'PRICE', 1, null);
    await expect(service.listProducts({}, 'NAME', 1, page.endCursor)).rejects.toMatchObject({ field: 'after' });
  });

  describe('compare', () => {
    it.each([[['a:A1']], [['a:A1', 'a:A1']], [['a:A1', 'a:A2', 'b:B1', 'x:1', 'y:2']]])(
      'refuses %p: 2–4 different products',
      async (ids) => {
        const { service } = build([insurer('a'), insurer('b')], healthy);
        await expect(service.compare(ids)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
      },
    );

    it('aligns the products in the order asked', async () => {
      const { service } = build([insurer('a'), insurer('b')], healthy);
      const { products, comparison } = await service.compare(['b:B1', 'a:A2']);
      expect(products.map((item) => item.id)).toEqual(['b:B1', 'a:A2']);
      expect(comparison.coverage.length).toBeGreaterThan(0);
    });
  });

  describe('quote', () => {
    const base = { productId: 'a:A1', socialInsurance: true, plan: 'basic', frequency: 'ANNUAL' as const };

    it('prices an eligible person, from an age or from a birth date counted on China’s date', async () => {
      const { service } = build([insurer('a'), insurer('b')], healthy);
      const byAge = await service.quote({ ...base, age: 30 });
      expect(byAge).toMatchObject({ age: 30, perPayment: 21800, paymentsPerYear: 1, yearlyTotal: 21800 });
      // The fake clock stands at 2027-01-15 (UTC); someone born on 1996-01-15 is 31 that day in China.
      const byBirth = await service.quote({ ...base, birthDate: '1996-01-15', frequency: 'MONTHLY' });
      expect(byBirth).toMatchObject({ age: 31, perPayment: 1900, paymentsPerYear: 12, yearlyTotal: 22800 });
    });

    it('says every reason a person is not eligible, each naming its field', async () => {
      const { service } = build([insurer('a'), insurer('b')], healthy);
      await expect(service.quote({ ...base, age: 65, plan: 'gold' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.age',
        details: {
          reasons: [
            expect.objectContaining({ code: 'AGE_ABOVE_MAX', field: 'input.age' }),
            expect.objectContaining({ code: 'PLAN_UNKNOWN', field: 'input.plan' }),
          ],
        },
      });
    });

    it.each([
      [{ age: null, birthDate: null }, 'input.age'],
      [{ age: 130 }, 'input.age'],
      [{ birthDate: '2023-02-30' }, 'input.birthDate'],
      [{ birthDate: '2099-01-01' }, 'input.birthDate'],
    ])('refuses %p naming %s', async (input, field) => {
      const { service } = build([insurer('a'), insurer('b')], healthy);
      await expect(service.quote({ ...base, ...input })).rejects.toMatchObject({ field });
    });
  });
});
