import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './fixtures.js';
import { UpstreamError } from './insurer.port.js';
import { JsonPagedInsurerAdapter, parseJsonPage } from './json-paged.adapter.js';
import { UpstreamHttpClient } from './upstream-http.client.js';

function failure(parse: () => unknown): UpstreamError {
  try {
    parse();
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected an UpstreamError');
}

describe('JSON paged adapter contract', () => {
  it('reads a recorded page into domain products and the insurer facts', () => {
    const page = parseJsonPage('kangning', fixture('json-paged.page1.json'));
    expect(page.total).toBe(12);
    expect(page.products).toHaveLength(10);
    expect(page.insurer).toEqual({
      id: 'kangning',
      name: '康宁人寿',
      registeredCapitalYuan: 5_800_000_000,
      complaintRate: 0.0009,
      solvencyRatio: 218,
      riskRating: 'AA',
      averageClaimDays: 2.6,
      onlineClaimRate: 0.91,
    });
    const [first] = page.products;
    expect(first).toMatchObject({
      id: 'kangning:KN-MED-01',
      insurerId: 'kangning',
      name: '康宁e生保 百万医疗',
      category: 'MEDICAL',
      deductible: 1_000_000,
      waitingPeriodDays: 30,
      guaranteedRenewalYears: 0,
      minAge: 0,
      maxAge: 60,
      maxOccupationClass: 4,
      plans: [
        { key: 'basic', name: '基础版' },
        { key: 'upgraded', name: '升级版' },
      ],
    });
    expect(first.coverage[0]).toEqual({
      key: 'general-medical',
      name: '一般医疗保险金',
      sumInsured: 300_000_000,
      note: '年免赔额10000元；经社保结算的按100%赔付，未经社保结算的按60%赔付',
    });
    expect(first.premiums).toContainEqual({
      plan: 'basic',
      socialInsurance: false,
      minAge: 18,
      maxAge: 25,
      annual: expect.any(Number),
      monthly: expect.any(Number),
    });
    expect(first.priceFrom).toBe(Math.min(...first.premiums.map((rate) => rate.annual)));
    expect(first.healthQuestions.length).toBeGreaterThan(0);
    expect(first.exclusions.length).toBeGreaterThan(0);
    expect(new Set(page.products.map((product) => product.category))).toEqual(
      new Set(['MEDICAL', 'CRITICAL_ILLNESS', 'TERM_LIFE', 'CANCER']),
    );
  });

  it('reads the last page, whose products offer no monthly payment where the upstream says null', () => {
    const page = parseJsonPage('kangning', fixture('json-paged.page2.json'));
    expect(page.products.map((product) => product.id)).toEqual(['kangning:KN-ACC-01', 'kangning:KN-ACC-02']);
    const monthlyOffered = page.products.map((product) => product.premiums.every((rate) => rate.monthly !== null));
    expect(monthlyOffered).toContain(false);
  });

  it('skips the items it cannot read and keeps the rest', () => {
    const page = parseJsonPage('x', fixture('json-paged.broken-items.json'));
    expect(page.products.map((product) => product.id)).toEqual(['x:OK-1']);
    expect(page.products[0].priceFrom).toBe(Math.min(...page.products[0].premiums.map((rate) => rate.annual)));
  });

  it.each([
    'json-paged.truncated.json',
    'json-paged.error-envelope.json',
    'json-paged.no-insurer.json',
    'xml.catalogue.xml',
  ])('fails %s as BAD_RESPONSE', (name) => {
    expect(failure(() => parseJsonPage('x', fixture(name))).code).toBe('BAD_RESPONSE');
  });
});

/**
 * A paged upstream over real HTTP whose catalogue length a test sets. It holds each page 1 for a
 * moment and writes down which pages had been asked for by the time it answered it.
 */
describe('JsonPagedInsurerAdapter: the pages of a known catalogue in one round trip', () => {
  const recorded = JSON.parse(fixture('json-paged.page1.json')) as {
    data: { insurer: unknown; list: Record<string, unknown>[] };
  };
  const item = recorded.data.list[0];
  let server: Server;
  let url: string;
  let total = 25;
  let failing = new Set<number>();
  let asked: number[] = [];
  const askedBeforeFirstAnswered: number[][] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const page = Number(new URL(request.url ?? '/', 'http://upstream').searchParams.get('page'));
      asked.push(page);
      const answer = (): void => {
        if (failing.has(page)) {
          response.writeHead(500).end('Internal Server Error');
          return;
        }
        const list = Array.from({ length: total }, (_, index) => ({ ...item, productCode: `P-${index + 1}` })).slice(
          (page - 1) * 10,
          page * 10,
        );
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            code: 0,
            message: 'ok',
            data: { insurer: recorded.data.insurer, list, page, pageSize: 10, total },
          }),
        );
      };
      if (page !== 1) return answer();
      setTimeout(() => {
        askedBeforeFirstAnswered.push([...asked].sort((a, b) => a - b));
        answer();
      }, 60);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/products`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  const adapter = new JsonPagedInsurerAdapter(new UpstreamHttpClient());
  const load = async () => {
    asked = [];
    askedBeforeFirstAnswered.length = 0;
    const endpoint = { id: 'x', name: 'x保险', wireFormat: 'json-paged' as const, url, secret: null };
    const catalogue = await adapter.fetchCatalogue(endpoint, AbortSignal.timeout(3000));
    return { ids: catalogue.products.map((product) => product.id), asked: [...asked].sort((a, b) => a - b) };
  };
  const ids = (n: number) => Array.from({ length: n }, (_, index) => `x:P-${index + 1}`);

  it('asks the first page alone the first time, then every page at once; follows the catalogue as it grows and shrinks', async () => {
    total = 25;
    expect(await load()).toEqual({ ids: ids(25), asked: [1, 2, 3] });
    expect(askedBeforeFirstAnswered).toEqual([[1]]);

    expect(await load()).toEqual({ ids: ids(25), asked: [1, 2, 3] });
    expect(askedBeforeFirstAnswered).toEqual([[1, 2, 3]]);

    // Grown by a page: the known three at once, the fourth once the first page names it.
    total = 35;
    expect(await load()).toEqual({ ids: ids(35), asked: [1, 2, 3, 4] });
    expect(askedBeforeFirstAnswered).toEqual([[1, 2, 3]]);

    // Shrunk to two pages: four were asked, what the first page does not name is dropped.
    total = 12;
    expect(await load()).toEqual({ ids: ids(12), asked: [1, 2, 3, 4] });
    expect(await load()).toEqual({ ids: ids(12), asked: [1, 2] });
    expect(askedBeforeFirstAnswered).toEqual([[1, 2]]);
  });

  it('ignores a failure of a page past the end, and fails on a page the catalogue needs', async () => {
    total = 30;
    await load(); // three pages known
    total = 20;
    failing = new Set([3]);
    expect((await load()).ids).toEqual(ids(20));

    failing = new Set([2]);
    await expect(load()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    failing = new Set([1]);
    await expect(load()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    failing = new Set();
    expect((await load()).ids).toEqual(ids(20));
  });
});
