import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_SIGNING_SECRETS, signRequest } from '@family/sandbox';
import { fixture } from './fixtures.js';
import { type InsurerEndpoint, UpstreamError } from './insurer.port.js';
import {
  SIGNED_JSON_APP_ID,
  SignedJsonInsurerAdapter,
  parseSignedJsonResponse,
  signedRequestHeaders,
} from './signed-json.adapter.js';
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

const ok = (name: string): { status: number; body: string } => ({ status: 200, body: fixture(name) });

describe('signed-json adapter contract', () => {
  it('reads a recorded catalogue, premium matrix and facts per 10,000 policies into the domain', () => {
    const { insurer, products } = parseSignedJsonResponse('yunfan', ok('signed-json.catalogue.json'));
    expect(insurer).toEqual({
      id: 'yunfan',
      name: '云帆人寿',
      registeredCapitalYuan: 2_000_000_000,
      complaintRate: 0.0007,
      solvencyRatio: 231,
      riskRating: 'AA',
      averageClaimDays: 1.4,
      onlineClaimRate: 0.98,
    });
    expect(products).toHaveLength(12);
    const [first] = products;
    expect(first.id).toBe('yunfan:YF-MED-01');
    expect(first.category).toBe('MEDICAL');
    // Matrix: 2 plans × 2 social-insurance statuses × the age bands.
    const bands = new Set(first.premiums.map((rate) => `${rate.minAge}-${rate.maxAge}`));
    expect(first.premiums).toHaveLength(2 * 2 * bands.size);
    expect(first.priceFrom).toBe(Math.min(...first.premiums.map((rate) => rate.annual)));
    expect(products.every((product) => product.coverage.length > 0 && product.exclusions.length > 0)).toBe(true);
  });

  it('skips unreadable products (unknown line, ragged matrix, negative premium, no code, not an object)', () => {
    const { products } = parseSignedJsonResponse('yunfan', ok('signed-json.broken-items.json'));
    expect(products.map((product) => product.id)).toEqual(['yunfan:OK-1']);
  });

  it('fails a recorded 401 as UNAVAILABLE, naming the upstream error code for the logs', () => {
    const error = failure(() =>
      parseSignedJsonResponse('yunfan', { status: 401, body: fixture('signed-json.unauthorized.json') }),
    );
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.detail).toContain('INVALID_SIGNATURE');
  });

  it.each([
    ['a truncated body', ok('signed-json.truncated.json'), 'BAD_RESPONSE'],
    ['an error envelope', ok('signed-json.error-envelope.json'), 'BAD_RESPONSE'],
    ['another format', ok('json-paged.page1.json'), 'BAD_RESPONSE'],
    ['HTTP 404', { status: 404, body: '' }, 'BAD_RESPONSE'],
    ['HTTP 503', { status: 503, body: 'Service Unavailable' }, 'UNAVAILABLE'],
    ['HTTP 401 without a JSON body', { status: 401, body: 'Unauthorized' }, 'UNAVAILABLE'],
  ])('fails %s as %s', (_case, response, code) => {
    expect(failure(() => parseSignedJsonResponse('yunfan', response)).code).toBe(code);
  });

  it('signs exactly as the sandbox verifies', () => {
    const input = {
      method: 'GET',
      pathWithQuery: '/insurers/yunfan/open/v2/catalogue?x=1',
      timestamp: '1764000000000',
      nonce: 'abc-12345',
    };
    const headers = signedRequestHeaders(input, 'secret');
    expect(headers).toEqual({
      'X-App-Id': SIGNED_JSON_APP_ID,
      'X-Timestamp': '1764000000000',
      'X-Nonce': 'abc-12345',
      'X-Signature': signRequest(input, 'secret'),
    });
    expect(headers['X-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('SignedJsonInsurerAdapter', () => {
  let server: Server;
  let baseUrl: string;
  const received: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push({ url: request.url ?? '', headers: request.headers });
      response.writeHead(200, { 'content-type': 'application/json' }).end(fixture('signed-json.catalogue.json'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (received.length = 0));

  const endpoint = (secret: string | null): InsurerEndpoint => ({
    id: 'yunfan',
    name: '云帆人寿',
    wireFormat: 'signed-json',
    url: `${baseUrl}/insurers/yunfan/open/v2/catalogue`,
    secret,
  });
  const adapter = new SignedJsonInsurerAdapter(new UpstreamHttpClient());

  it('sends a fresh signature over method, path, timestamp and nonce with every request', async () => {
    const secret = SANDBOX_SIGNING_SECRETS.yunfan;
    await adapter.fetchCatalogue(endpoint(secret), AbortSignal.timeout(2000));
    await adapter.fetchCatalogue(endpoint(secret), AbortSignal.timeout(2000));
    expect(received).toHaveLength(2);
    for (const { url, headers } of received) {
      const input = {
        method: 'GET',
        pathWithQuery: url,
        timestamp: String(headers['x-timestamp']),
        nonce: String(headers['x-nonce']),
      };
      expect(headers['x-app-id']).toBe(SIGNED_JSON_APP_ID);
      expect(headers['x-signature']).toBe(signRequest(input, secret));
      expect(Math.abs(Date.now() - Number(input.timestamp))).toBeLessThan(5000);
    }
    expect(received[0].headers['x-nonce']).not.toBe(received[1].headers['x-nonce']);
  });

  it('fails an insurer without a secret as UNAVAILABLE without calling it', async () => {
    await expect(adapter.fetchCatalogue(endpoint(null), AbortSignal.timeout(2000))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: expect.stringContaining('INSURER_SECRETS'),
    });
    expect(received).toHaveLength(0);
  });
});
