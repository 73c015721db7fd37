import { randomBytes } from 'node:crypto';
import { SANDBOX_INSURERS, productsOf, sandboxInsurerSecretsSetting, startSandbox } from '@family/sandbox';
import { type TestStack, startBff, startStack } from './harness.js';

/** C8 through the sandbox's real fault control: slow, failing and broken insurers. */

interface ProductsData {
  products: {
    edges: { node: { insurer: { id: string } } }[];
    errors: { code: string; insurer: { id: string } }[];
    freshness: { insurer: { id: string }; ageSeconds: number; stale: boolean }[];
    dataAgeSeconds: number;
  };
}

const PRODUCTS = `{ products(first: 50, sort: PRICE) {
  edges { node { insurer { id } } }
  errors { code insurer { id } }
  freshness { insurer { id } ageSeconds stale }
  dataAgeSeconds
} }`;

const insurersIn = (data: ProductsData): Set<string> =>
  new Set(data.products.edges.map((edge) => edge.node.insurer.id));
/** Per-insurer time budget in this suite: room for a loaded CI machine, far below a hang. */
const BUDGET_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests one full catalogue load makes to an insurer: pages of 10 for the JSON format, else one. */
const requestsPerLoad = (code: string, format: string): number =>
  format === 'json' ? Math.ceil(productsOf(code).length / 10) : 1;

describe('resilience with the cache off: every query asks every insurer', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({
      UPSTREAM_TIMEOUT_MS: String(BUDGET_MS),
      CATALOGUE_FRESH_SECONDS: '0',
      CATALOGUE_MAX_STALE_SECONDS: '0',
      CIRCUIT_FAILURE_THRESHOLD: '2',
      CIRCUIT_RESET_SECONDS: '1',
    });
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    await stack.resetFaults();
    await sleep(1100); // let any circuit opened by a test close again
  });

  it('answers within the budget with the healthy insurers when one hangs, one fails and one is malformed, and recovers', async () => {
    await stack.fault({ insurer: 'anxin', failureMode: 'hang' });
    await stack.fault({ insurer: 'kangning', failureMode: 'http500' });
    await stack.fault({ insurer: 'yunfan', failureMode: 'malformed' });
    const started = Date.now();
    const { status, body } = await stack.gql<ProductsData>(PRODUCTS);
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    // The hanging insurer must not hold the answer much past the per-insurer budget.
    expect(elapsed).toBeGreaterThanOrEqual(BUDGET_MS - 50);
    expect(elapsed).toBeLessThan(BUDGET_MS + 1000);
    const data = body.data!;
    expect(data.products.errors.map((error) => [error.insurer.id, error.code]).sort()).toEqual([
      ['anxin', 'TIMEOUT'],
      ['kangning', 'UNAVAILABLE'],
      ['yunfan', 'BAD_RESPONSE'],
    ]);
    const listed = insurersIn(data);
    expect(listed.size).toBeGreaterThanOrEqual(7);
    for (const failed of ['anxin', 'kangning', 'yunfan']) expect(listed.has(failed)).toBe(false);

    await stack.resetFaults();
    const recovered = (await stack.gql<ProductsData>(PRODUCTS)).body.data!;
    expect(recovered.products.errors).toEqual([]);
    for (const back of ['anxin', 'kangning', 'yunfan']) expect(insurersIn(recovered).has(back)).toBe(true);
  });

  it('stops calling an insurer whose circuit opened, then tries again after the reset period', async () => {
    await stack.fault({ insurer: 'kangning', failureMode: 'http500' });
    for (let i = 0; i < 2; i++) {
      const { body } = await stack.gql<ProductsData>(PRODUCTS);
      expect(body.data!.products.errors).toEqual([{ code: 'UNAVAILABLE', insurer: { id: 'kangning' } }]);
    }
    const before = (await stack.upstreamRequests()).kangning;
    const open = (await stack.gql<ProductsData>(PRODUCTS)).body.data!;
    expect(open.products.errors).toEqual([{ code: 'CIRCUIT_OPEN', insurer: { id: 'kangning' } }]);
    expect((await stack.upstreamRequests()).kangning).toBe(before);

    await stack.fault({ insurer: 'kangning', failureMode: 'none' });
    await sleep(1100);
    const closed = (await stack.gql<ProductsData>(PRODUCTS)).body.data!;
    expect(closed.products.errors).toEqual([]);
    expect(insurersIn(closed).has('kangning')).toBe(true);
  });

  it('makes one upstream load per insurer for concurrent queries (single-flight)', async () => {
    await stack.resetFaults();
    for (const insurer of SANDBOX_INSURERS) await stack.fault({ insurer: insurer.code, latencyMs: 300 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => stack.gql<ProductsData>(PRODUCTS)));
    expect(answers.every((answer) => answer.body.data!.products.errors.length === 0)).toBe(true);
    const requests = await stack.upstreamRequests();
    for (const insurer of SANDBOX_INSURERS) {
      expect([insurer.code, requests[insurer.code]]).toEqual([
        insurer.code,
        requestsPerLoad(insurer.code, insurer.format),
      ]);
    }
  });
});

describe('stale-while-revalidate', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ CATALOGUE_FRESH_SECONDS: '1', CATALOGUE_MAX_STALE_SECONDS: '600' });
  });
  afterAll(() => stack.close());

  it('keeps serving an insurer’s last answer, marked stale with its age, while the insurer is down', async () => {
    const warm = (await stack.gql<ProductsData>(PRODUCTS)).body.data!;
    expect(warm.products.freshness.every((entry) => !entry.stale)).toBe(true);

    await stack.fault({ insurer: 'anxin', failureMode: 'http500' });
    await sleep(1200);
    const served = (await stack.gql<ProductsData>(PRODUCTS)).body.data!;
    expect(served.products.errors).toEqual([]);
    expect(insurersIn(served).has('anxin')).toBe(true);
    const anxin = served.products.freshness.find((entry) => entry.insurer.id === 'anxin')!;
    expect(anxin.stale).toBe(true);
    expect(anxin.ageSeconds).toBeGreaterThanOrEqual(1);
    expect(served.products.dataAgeSeconds).toBeGreaterThanOrEqual(1);

    // The background refresh of a healthy insurer brings fresh data for the next query.
    await sleep(300);
    const next = (await stack.gql<ProductsData>(PRODUCTS)).body.data!;
    expect(next.products.freshness.find((entry) => entry.insurer.id === 'kangning')!.stale).toBe(false);
    expect(next.products.freshness.find((entry) => entry.insurer.id === 'anxin')!.stale).toBe(true);
  });
});

const withRedis = process.env.REDIS_URL ? describe : describe.skip;

withRedis('a cache shared through Redis by two BFF instances', () => {
  it('serves the second instance from what the first one loaded, without upstream calls', async () => {
    const sandbox = await startSandbox(0);
    const env = {
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      SANDBOX_URL: sandbox.url,
      INSURER_SECRETS: sandboxInsurerSecretsSetting(),
      REDIS_URL: process.env.REDIS_URL ?? '',
      REDIS_KEY_PREFIX: `shared-${randomBytes(4).toString('hex')}:`,
    };
    const first = await startBff(env);
    const second = await startBff(env);
    try {
      const query = (url: string) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: PRODUCTS }),
        }).then((response) => response.json() as Promise<{ data: ProductsData }>);
      await query(first.url);
      await fetch(`${sandbox.url}/__control/reset`, { method: 'POST' });
      const fromCache = await query(second.url);
      expect(fromCache.data.products.errors).toEqual([]);
      expect(insurersIn(fromCache.data).size).toBeGreaterThanOrEqual(10);
      const stats = (await (await fetch(`${sandbox.url}/__stats`)).json()) as { requests: object };
      expect(stats.requests).toEqual({});
    } finally {
      await first.stop();
      await second.stop();
      await sandbox.close();
    }
  });
});
