import { assessInsurer } from '@family/domain';
import { SANDBOX_INSURERS, SANDBOX_PRODUCTS, productsOf } from '@family/sandbox';
import { type GraphQLResponse, type TestStack, startStack } from './harness.js';

/** What the sandbox lists that the qualification gate (C7) lets through. */
const QUALIFIED = SANDBOX_INSURERS.filter(
  (insurer) => assessInsurer({ id: insurer.code, name: insurer.name, ...insurer.facts }).qualified,
);
const EXCLUDED = SANDBOX_INSURERS.filter((insurer) => !QUALIFIED.includes(insurer));
const LISTED_PRODUCTS = SANDBOX_PRODUCTS.filter((product) =>
  QUALIFIED.some((insurer) => insurer.code === product.insurerCode),
);

interface Edge {
  cursor: string;
  node: { id: string; name: string; priceFrom: number; category: string; insurer: { id: string; name: string } };
}
interface ProductsData {
  products: {
    totalCount: number;
    edges: Edge[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    errors: { code: string; message: string; insurer: { id: string } }[];
    freshness: { insurer: { id: string }; ageSeconds: number; stale: boolean }[];
    dataAgeSeconds: number;
  };
}

const PRODUCTS = /* GraphQL */ `
  query Products($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {
    products(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          priceFrom
          category
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
      freshness {
        insurer {
          id
        }
        ageSeconds
        stale
      }
      dataAgeSeconds
    }
  }
`;

async function walk(stack: TestStack, variables: Record<string, unknown>): Promise<Edge[]> {
  const edges: Edge[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const response: GraphQLResponse<ProductsData> = await stack.gql<ProductsData>(PRODUCTS, {
      first: 50,
      ...variables,
      after,
    });
    const page = response.body.data!.products;
    edges.push(...page.edges);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return edges;
}

describe('the catalogue over HTTP, real database and sandbox', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('gathers every qualified insurer through all three formats, and leaves out the one that fails the gate', async () => {
    expect(QUALIFIED.length).toBeGreaterThanOrEqual(10);
    expect(EXCLUDED.length).toBeGreaterThanOrEqual(1);
    const edges = await walk(stack, { sort: 'PRICE' });
    expect(edges).toHaveLength(LISTED_PRODUCTS.length);
    expect(new Set(edges.map((edge) => edge.node.id)).size).toBe(edges.length);
    expect(new Set(edges.map((edge) => edge.node.insurer.id))).toEqual(
      new Set(QUALIFIED.map((insurer) => insurer.code)),
    );
    expect(new Set(QUALIFIED.map((insurer) => insurer.format))).toEqual(new Set(['json', 'xml', 'signed-json']));
    const prices = edges.map((edge) => edge.node.priceFrom);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(new Set(edges.map((edge) => edge.node.category)).size).toBeGreaterThanOrEqual(7);
  });

  it('pages by score (highest first) and by name without repeats', async () => {
    for (const sort of ['SCORE', 'NAME']) {
      const edges = await walk(stack, { sort });
      expect(edges).toHaveLength(LISTED_PRODUCTS.length);
      expect(new Set(edges.map((edge) => edge.node.id)).size).toBe(edges.length);
    }
    const { body } = await stack.gql<{ products: { edges: { node: { score: { composite: number } } }[] } }>(
      '{ products(first: 50) { edges { node { score { composite } } } } }',
    );
    const composites = body.data!.products.edges.map((edge) => edge.node.score.composite);
    expect(composites).toEqual([...composites].sort((a, b) => b - a));
  });

  it('filters by category, Chinese text, insurer, age and budget', async () => {
    const medical = await walk(stack, { filter: { text: '医疗' } });
    expect(medical.length).toBeGreaterThan(5);
    // 医疗 reads as medical cover (docs/search.md): 百万医疗 and 惠民保, and products named 医疗.
    expect(
      medical.every((edge) => /医疗/.test(edge.node.name) || ['MEDICAL', 'HUIMINBAO'].includes(edge.node.category)),
    ).toBe(true);

    const cancer = await walk(stack, { filter: { category: 'CANCER' } });
    expect(cancer.length).toBe(LISTED_PRODUCTS.filter((product) => product.category === 'CANCER').length);

    const anxin = await walk(stack, { filter: { insurerId: 'anxin' } });
    expect(anxin).toHaveLength(productsOf('anxin').length);

    const cheapForSixty = await walk(stack, { filter: { age: 60, budget: 30_000 } });
    const sixty = LISTED_PRODUCTS.filter((product) =>
      product.premiums.some((rate) => 60 >= rate.minAge && 60 <= rate.maxAge && rate.annualFen <= 30_000),
    );
    expect(cheapForSixty.map((edge) => edge.node.id).sort()).toEqual(
      sixty.map((product) => `${product.insurerCode}:${product.code}`).sort(),
    );
  });

  it('shows a product in detail: exclusions, waiting period, renewal, and five explained scores', async () => {
    const [first] = await walk(stack, { sort: 'SCORE' });
    const { body } = await stack.gql<{
      product: {
        exclusions: string[];
        waitingPeriodDays: number;
        guaranteedRenewalYears: number;
        coverage: { key: string; sumInsured: number }[];
        plans: { key: string }[];
        score: {
          composite: number;
          goldPick: boolean;
          dimensions: { label: string; score: number; inputs: { contribution: number }[] }[];
        };
      };
    }>(
      `query($id: ID!) { product(id: $id) { exclusions waitingPeriodDays guaranteedRenewalYears coverage { key sumInsured }
        plans { key } score { composite goldPick dimensions { label score inputs { contribution } } } } }`,
      { id: first.node.id },
    );
    const product = body.data!.product;
    expect(product.exclusions.length).toBeGreaterThan(0);
    expect(product.coverage.length).toBeGreaterThan(0);
    expect(product.score.dimensions.map((dimension) => dimension.label)).toEqual([
      '性价比',
      '投保门槛',
      '保障范围',
      '服务理赔',
      '公司经营',
    ]);
    for (const dimension of product.score.dimensions) {
      const sum = dimension.inputs.reduce((total, input) => total + input.contribution, 0);
      expect(dimension.score).toBe(Math.max(0, Math.min(100, Math.round(sum))));
    }
  });

  it('answers NOT_FOUND for an unknown product and for one of an excluded insurer', async () => {
    const excluded = SANDBOX_PRODUCTS.find((product) => product.insurerCode === EXCLUDED[0].code)!;
    for (const id of ['nobody:X', `${excluded.insurerCode}:${excluded.code}`]) {
      const { body } = await stack.gql('query($id: ID!) { product(id: $id) { id } }', { id });
      expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('lists the qualified insurers with their facts', async () => {
    const { body } = await stack.gql<{
      insurers: { insurers: { id: string; facts: { registeredCapitalYuan: number } }[] };
    }>('{ insurers { insurers { id facts { registeredCapitalYuan complaintRate riskRating } } errors { code } } }');
    const insurers = body.data!.insurers.insurers;
    expect(insurers.map((insurer) => insurer.id).sort()).toEqual(QUALIFIED.map((insurer) => insurer.code).sort());
    expect(insurers.every((insurer) => insurer.facts.registeredCapitalYuan >= 1e9)).toBe(true);
  });

  it('compares two products with aligned coverage and marked differences, and refuses one or five', async () => {
    const medical = await walk(stack, { filter: { category: 'MEDICAL' }, sort: 'PRICE' });
    const ids = [medical[0].node.id, medical[medical.length - 1].node.id];
    const { body } = await stack.gql<{
      compareProducts: {
        products: { id: string }[];
        coverage: { values: (string | null)[]; differs: boolean }[];
        attributes: { key: string; differs: boolean; best: number[] }[];
      };
    }>(
      `query($ids: [ID!]!) { compareProducts(ids: $ids) { products { id } coverage { key label values differs best }
        attributes { key label values differs best } } }`,
      { ids },
    );
    const comparison = body.data!.compareProducts;
    expect(comparison.products.map((product) => product.id)).toEqual(ids);
    expect(comparison.coverage.every((row) => row.values.length === 2)).toBe(true);
    expect(comparison.attributes.some((row) => row.differs && row.best.length > 0)).toBe(true);

    for (const wrong of [[ids[0]], [...medical.slice(0, 5).map((edge) => edge.node.id)]]) {
      const refused = await stack.gql('query($ids: [ID!]!) { compareProducts(ids: $ids) { products { id } } }', {
        ids: wrong,
      });
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    }
  });

  it('quotes a concrete person and says why an ineligible one cannot be insured', async () => {
    const medical = SANDBOX_PRODUCTS.find(
      (product) => product.category === 'MEDICAL' && QUALIFIED.some((insurer) => insurer.code === product.insurerCode),
    )!;
    const id = `${medical.insurerCode}:${medical.code}`;
    const plan = medical.plans[0].key;
    const rate = medical.premiums.find(
      (row) => row.plan === plan && row.socialInsurance && 30 >= row.minAge && 30 <= row.maxAge,
    )!;
    const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { age perPayment paymentsPerYear yearlyTotal product { id } } }`;
    const { body } = await stack.gql<{ quote: { perPayment: number; yearlyTotal: number } }>(QUOTE, {
      input: { productId: id, age: 30, socialInsurance: true, plan, frequency: 'ANNUAL' },
    });
    expect(body.data!.quote).toMatchObject({
      perPayment: rate.annualFen,
      paymentsPerYear: 1,
      yearlyTotal: rate.annualFen,
    });

    const tooOld = await stack.gql(QUOTE, {
      input: {
        productId: id,
        age: medical.maxAge + 1,
        socialInsurance: true,
        plan: 'no-such-plan',
        frequency: 'ANNUAL',
      },
    });
    expect(tooOld.status).toBe(200);
    const error = tooOld.body.errors![0];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.age' });
    expect((error.extensions!.reasons as { field: string }[]).map((reason) => reason.field)).toEqual([
      'input.age',
      'input.plan',
    ]);
    expect(error.message).toContain(String(medical.maxAge + 1));

    const badDate = await stack.gql(QUOTE, {
      input: { productId: id, birthDate: '1990-02-30', socialInsurance: true, plan, frequency: 'ANNUAL' },
    });
    expect(badDate.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.birthDate' });
  });

  it('names the field in a validation error and answers 200 with the error in the body', async () => {
    const { status, body } = await stack.gql<ProductsData>(PRODUCTS, { first: 500 });
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(body.errors?.[0].message).toMatch(/每页数量/);
  });

  it('answers 400 without data for a query that does not validate, without suggesting field names', async () => {
    const invalid = await stack.gql('{ products { nope } }');
    expect(invalid.status).toBe(400);
    expect(invalid.body.data).toBeUndefined();
    expect(invalid.body.errors?.[0].message).toContain('nope');
    const typo = await stack.gql('{ prodcts { totalCount } }');
    expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('refuses introspection outside development', async () => {
    const introspection = await stack.gql('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0].message).toMatch(/introspection/i);
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

  it('reports the database, the cache and the sandbox in words, and 503 when the sandbox is gone', async () => {
    const healthy = await fetch(`${stack.url}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ok', database: 'ok', cache: 'ok', sandbox: 'ok' });

    await stack.sandbox.close();
    const degraded = await fetch(`${stack.url}/health`);
    expect(degraded.status).toBe(503);
    expect(await degraded.json()).toEqual({ status: 'degraded', database: 'ok', cache: 'ok', sandbox: 'down' });
  });
});
