import { randomUUID } from 'node:crypto';
import { type RunningSandbox, startSandbox } from './server.js';
import {
  SANDBOX_APP_ID,
  SANDBOX_INSURERS,
  SANDBOX_PRODUCTS,
  SANDBOX_SIGNING_SECRETS,
  productsOf,
} from './data/catalogue.js';
import { SIGNATURE_MAX_AGE_MS, signRequest } from './insurers/request-signing.js';

const SIGNED_PATH = '/insurers/yunfan/open/v2/catalogue';

/** Headers of a signed request; override any of them to play a broken caller. */
function signedHeaders(
  overrides: { secret?: string; timestamp?: string; nonce?: string; path?: string } = {},
): Record<string, string> {
  const timestamp = overrides.timestamp ?? String(Date.now());
  const nonce = overrides.nonce ?? randomUUID();
  const secret = overrides.secret ?? SANDBOX_SIGNING_SECRETS.yunfan;
  const signature = signRequest(
    { method: 'GET', pathWithQuery: overrides.path ?? SIGNED_PATH, timestamp, nonce },
    secret,
  );
  return { 'x-app-id': SANDBOX_APP_ID, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature };
}

describe('sandbox over HTTP', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(0);
  });
  afterAll(() => sandbox.close());
  afterEach(() => fetch(`${sandbox.url}/__control/reset`, { method: 'POST' }));

  const control = (body: unknown): Promise<Response> =>
    fetch(`${sandbox.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const signedGet = (headers: Record<string, string>): Promise<Response> =>
    fetch(`${sandbox.url}${SIGNED_PATH}`, { headers });

  it('lists every insurer and its format on /health', async () => {
    const body = (await (await fetch(`${sandbox.url}/health`)).json()) as {
      status: string;
      insurers: string[];
      formats: Record<string, string>;
    };
    expect(body.status).toBe('ok');
    expect(body.insurers).toEqual(SANDBOX_INSURERS.map((insurer) => insurer.code));
    expect(new Set(Object.values(body.formats))).toEqual(new Set(['json', 'xml', 'signed-json']));
  });

  it('pages the JSON insurer until total, with its facts on every page', async () => {
    const codes: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const response = await fetch(`${sandbox.url}/insurers/kangning/api/v1/products?page=${page}&pageSize=4`);
      const body = (await response.json()) as {
        data: { insurer: { insurerName: string }; list: { productCode: string }[]; total: number };
      };
      expect(body.data.insurer.insurerName).toBe('康宁人寿');
      codes.push(...body.data.list.map((item) => item.productCode));
      if (page * 4 >= body.data.total) break;
    }
    expect(codes).toEqual(productsOf('kangning').map((product) => product.code));
  });

  it('refuses a page size over its limit', async () => {
    const response = await fetch(`${sandbox.url}/insurers/kangning/api/v1/products?pageSize=500`);
    expect(response.status).toBe(400);
  });

  it('serves the XML insurer catalogue whole, with an <insurer> element', async () => {
    const response = await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    expect(xml.match(/<product /g)).toHaveLength(productsOf('anxin').length);
    expect(xml).toContain('<registeredCapital unit="万元">1000000</registeredCapital>');
    expect(SANDBOX_PRODUCTS.length).toBeGreaterThan(productsOf('anxin').length);
  });

  describe('catalogue changes and conditional requests', () => {
    const reprice = (body: unknown): Promise<Response> =>
      fetch(`${sandbox.url}/__control/prices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const annualFens = (xml: string): number[] =>
      [...xml.matchAll(/annualFen="(\d+)"/g)].map((match) => Number(match[1]));

    it('answers 304 to an XML catalogue request naming its ETag, and the whole catalogue after a repricing', async () => {
      const url = `${sandbox.url}/insurers/anxin/catalogue.xml`;
      const first = await fetch(url);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      const before = annualFens(await first.text());

      const unchanged = await fetch(url, { headers: { 'if-none-match': etag! } });
      expect(unchanged.status).toBe(304);
      expect(await unchanged.text()).toBe('');
      const stats = (await (await fetch(`${sandbox.url}/__stats`)).json()) as { notModified: Record<string, number> };
      expect(stats.notModified).toEqual({ anxin: 1 });
      expect((await fetch(url, { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);

      expect((await reprice({ insurer: 'anxin', percent: 10 })).status).toBe(200);
      const changed = await fetch(url, { headers: { 'if-none-match': etag! } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect(annualFens(await changed.text())).toEqual(before.map((fen) => Math.round(fen * 1.1)));

      // Reset puts the listed prices back, and with them the first ETag.
      await fetch(`${sandbox.url}/__control/reset`, { method: 'POST' });
      expect((await fetch(url, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    });

    it('tags the signed-json catalogue by its content, not by the request id that differs per answer', async () => {
      const first = await signedGet(signedHeaders());
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      const second = await signedGet(signedHeaders());
      expect(second.headers.get('etag')).toBe(etag);
      expect(await second.text()).not.toBe(await first.text());
      const unchanged = await signedGet({ ...signedHeaders(), 'if-none-match': etag! });
      expect(unchanged.status).toBe(304);
      // The signature is still checked first: a forged conditional request learns nothing.
      const forged = await signedGet({ ...signedHeaders({ secret: 'wrong' }), 'if-none-match': etag! });
      expect(forged.status).toBe(401);
    });

    it('sends no ETag from the paged JSON insurer, whose pages show a repricing', async () => {
      const page = async () => {
        const response = await fetch(`${sandbox.url}/insurers/kangning/api/v1/products?page=1&pageSize=10`);
        expect(response.headers.get('etag')).toBeNull();
        const body = (await response.json()) as { data: { list: { premiumTable: { annualPremium: string }[] }[] } };
        return body.data.list.flatMap((product) => product.premiumTable.map((row) => Number(row.annualPremium)));
      };
      const before = await page();
      await reprice({ insurer: 'kangning', percent: -20 });
      const after = await page();
      expect(after).toHaveLength(before.length);
      after.forEach((yuan, index) => expect(yuan).toBeCloseTo(Math.round(before[index]! * 80) / 100, 2));
    });

    it('refuses a repricing naming an unknown insurer or a percent out of range, naming the field', async () => {
      const unknown = await reprice({ insurer: 'nobody', percent: 5 });
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { error: string }).error).toMatch(/^insurer must be one of/);
      for (const percent of [91, -91, 1.5, '5']) {
        const response = await reprice({ insurer: 'anxin', percent });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(/^percent must be an integer/);
      }
    });
  });

  describe('signed-json insurer', () => {
    it('answers a correctly signed request with the catalogue', async () => {
      const response = await signedGet(signedHeaders());
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        success: boolean;
        result: { insurer: { name: string }; products: { product_no: string }[] };
      };
      expect(body.success).toBe(true);
      expect(body.result.insurer.name).toBe('云帆人寿');
      expect(body.result.products.map((product) => product.product_no)).toEqual(
        productsOf('yunfan').map((product) => product.code),
      );
    });

    it.each([
      ['no signature headers', () => ({}), 'MISSING_SIGNATURE'],
      ['a wrong secret', () => signedHeaders({ secret: 'not-the-secret' }), 'INVALID_SIGNATURE'],
      [
        'a signature over another path',
        () => signedHeaders({ path: '/insurers/hean/open/v2/catalogue' }),
        'INVALID_SIGNATURE',
      ],
      [
        'a timestamp older than five minutes',
        () => signedHeaders({ timestamp: String(Date.now() - SIGNATURE_MAX_AGE_MS - 1000) }),
        'TIMESTAMP_EXPIRED',
      ],
      [
        'a timestamp from the future',
        () => signedHeaders({ timestamp: String(Date.now() + SIGNATURE_MAX_AGE_MS + 1000) }),
        'TIMESTAMP_EXPIRED',
      ],
      ['another app id', () => ({ ...signedHeaders(), 'x-app-id': 'someone-else' }), 'UNKNOWN_APP'],
    ])('refuses %s with 401 and a JSON error body', async (_case, headers, errorCode) => {
      // Headers are made when the test runs: timestamps made at collection time drift past the window.
      const response = await signedGet(headers());
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ success: false, error_code: errorCode, result: null });
    });

    it('refuses a replayed nonce, even with a fresh signature', async () => {
      const nonce = randomUUID();
      expect((await signedGet(signedHeaders({ nonce }))).status).toBe(200);
      const replay = await signedGet(signedHeaders({ nonce }));
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error_code: string }).error_code).toBe('NONCE_REUSED');
    });

    it('does not let a forged request use up a nonce', async () => {
      const nonce = randomUUID();
      expect((await signedGet(signedHeaders({ nonce, secret: 'forged' }))).status).toBe(401);
      expect((await signedGet(signedHeaders({ nonce }))).status).toBe(200);
    });
  });

  it('plays HTTP 500, malformed bodies and latency per insurer', async () => {
    expect((await control({ insurer: 'kangning', failureMode: 'http500' })).status).toBe(200);
    expect((await fetch(`${sandbox.url}/insurers/kangning/api/v1/products`)).status).toBe(500);
    expect((await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`)).status).toBe(200);

    await control({ insurer: 'anxin', failureMode: 'malformed' });
    const body = await (await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`)).text();
    expect(body).not.toContain('</catalogue>');

    await control({ insurer: 'anxin', latencyMs: 150 });
    const started = Date.now();
    await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('plays faults on the signed-json insurers too, before the signature is checked', async () => {
    await control({ insurer: 'yunfan', failureMode: 'malformed' });
    const malformed = await signedGet(signedHeaders());
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toContain('application/json');
    await expect(malformed.json()).rejects.toThrow();

    await control({ insurer: 'yunfan', failureMode: 'http500' });
    expect((await signedGet({})).status).toBe(500);
  });

  it('hangs until the client gives up', async () => {
    await control({ insurer: 'kangning', failureMode: 'hang' });
    await expect(
      fetch(`${sandbox.url}/insurers/kangning/api/v1/products`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
  });

  it('answers 400 naming the field for a bad control request', async () => {
    const response = await control({ insurer: 'anxin', failureMode: 'explode' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('failureMode');
  });

  it('counts upstream requests per insurer until reset', async () => {
    await fetch(`${sandbox.url}/__control/reset`, { method: 'POST' });
    await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`);
    await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`);
    const stats = (await (await fetch(`${sandbox.url}/__stats`)).json()) as { requests: Record<string, number> };
    expect(stats.requests).toEqual({ anxin: 2 });
    await fetch(`${sandbox.url}/__control/reset`, { method: 'POST' });
    expect(((await (await fetch(`${sandbox.url}/__stats`)).json()) as { requests: object }).requests).toEqual({});
  });
});
