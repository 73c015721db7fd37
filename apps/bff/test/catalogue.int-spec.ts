import { SANDBOX_PRODUCTS } from '@family/sandbox';
import { type GraphQLResponse, type TestStack, startStack } from './harness.js';

interface ProductsData {
  products: {
    totalCount: number;
    edges: {
      cursor: string;
      node: { id: string; name: string; priceFrom: number; insurer: { id: string; name: string } };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    errors: { code: string; message: string; insurer: { id: string } }[];
  };
}

const PRODUCTS = /* GraphQL */ `
  query Products($first: Int!, $after: String, $filter: ProductFilter) {
    products(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          priceFrom
          insurer {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      errors {
        code
        message
        insurer {
          id
        }
      }
    }
  }
`;

describe('Query.products over HTTP, real database and sandbox', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  afterEach(() => stack.resetFaults());

  it('gathers products from both insurers, normalised', async () => {
    const { status, body } = await stack.gql<ProductsData>(PRODUCTS, { first: 50 });
    expect(status).toBe(200);
    const products = body.data!.products;
    expect(products.errors).toEqual([]);
    expect(products.totalCount).toBe(SANDBOX_PRODUCTS.length);
    expect(new Set(products.edges.map((edge) => edge.node.insurer.name))).toEqual(new Set(['康宁人寿', '安信财险']));
    const prices = products.edges.map((edge) => edge.node.priceFrom);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('walks every product exactly once page by page', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const response: GraphQLResponse<ProductsData> = await stack.gql<ProductsData>(PRODUCTS, { first: 4, after });
      const page = response.body.data!.products;
      ids.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(SANDBOX_PRODUCTS.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by Chinese text and by insurer', async () => {
    const medical = await stack.gql<ProductsData>(PRODUCTS, { first: 50, filter: { text: '医疗' } });
    const names = medical.body.data!.products.edges.map((edge) => edge.node.name);
    expect(names.length).toBeGreaterThan(1);
    expect(names.every((name) => name.includes('医疗'))).toBe(true);

    const anxin = await stack.gql<ProductsData>(PRODUCTS, { first: 50, filter: { insurerId: 'anxin' } });
    expect(anxin.body.data!.products.edges.every((edge) => edge.node.insurer.id === 'anxin')).toBe(true);
  });

  it.each([
    ['http500', 'UNAVAILABLE'],
    ['malformed', 'BAD_RESPONSE'],
    ['hang', 'TIMEOUT'],
  ])('answers with the healthy insurer when the other plays %s, naming it (%s)', async (failureMode, code) => {
    await stack.fault({ insurer: 'anxin', failureMode });
    const started = Date.now();
    const { status, body } = await stack.gql<ProductsData>(PRODUCTS, { first: 50 });
    expect(status).toBe(200);
    // Within the 800 ms upstream budget plus overhead, even when an insurer never answers.
    expect(Date.now() - started).toBeLessThan(3000);
    const products = body.data!.products;
    expect(products.edges.length).toBeGreaterThan(0);
    expect(products.edges.every((edge) => edge.node.insurer.id === 'kangning')).toBe(true);
    expect(products.errors).toEqual([{ code, message: expect.stringContaining('安信财险'), insurer: { id: 'anxin' } }]);

    await stack.resetFaults();
    const recovered = await stack.gql<ProductsData>(PRODUCTS, { first: 50 });
    expect(recovered.body.data!.products.errors).toEqual([]);
    expect(recovered.body.data!.products.totalCount).toBe(SANDBOX_PRODUCTS.length);
  });

  it('names the field in a validation error and answers 200 with the error in the body', async () => {
    const { status, body } = await stack.gql<ProductsData>(PRODUCTS, { first: 500 });
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(body.errors?.[0].message).toMatch(/每页数量/);
  });

  it('answers 400 without data for a query that does not validate', async () => {
    const { status, body } = await stack.gql('{ products { nope } }');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].message).toContain('nope');
  });

  it('refuses a query deeper than the limit', async () => {
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }`;
    const { status, body } = await stack.gql(deep);
    expect(status).toBe(400);
    expect(JSON.stringify(body.errors)).toMatch(/depth/i);
  });

  it('echoes a caller request id and makes one otherwise', async () => {
    const given = await stack.gql(PRODUCTS, { first: 1 }, { 'x-request-id': 'trace-abc.123' });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123');
    const made = await stack.gql(PRODUCTS, { first: 1 }, { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /health', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('reports the database and the sandbox, and 503 when the sandbox is gone', async () => {
    const healthy = await fetch(`${stack.url}/health`);
    expect(healthy.status).toBe(200);
    const report = (await healthy.json()) as {
      status: string;
      database: { status: string; engine: string };
      sandbox: { status: string };
    };
    expect(report.status).toBe('ok');
    expect(report.database.status).toBe('ok');
    expect(report.database.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(report.sandbox.status).toBe('ok');

    await stack.sandbox.close();
    const degraded = await fetch(`${stack.url}/health`);
    expect(degraded.status).toBe(503);
    expect(((await degraded.json()) as { sandbox: { status: string } }).sandbox.status).toBe('down');
  });
});
