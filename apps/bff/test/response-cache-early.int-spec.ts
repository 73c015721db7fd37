import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type TestStack, startStack, trustedDocumentHash } from './harness.js';

/**
 * Response-cache hits answered early, before Fastify or in its first hook
 * (docs/decisions/013-early-response-cache.md): an anonymous GET of a public query of the manifest,
 * found from its URL alone, answered with the same bytes and headers as its miss, in the content
 * coding asked for, still counted by the per-address request limit (under the address the routes
 * count), and never for a signed-in request.
 */

const productsHash = trustedDocumentHash('Products');

/** The home page's request as the client sends it (apps/miniapp/src/graphql/client.ts). */
function productsPath(first: number): string {
  const extensions = { persistedQuery: { version: 1, sha256Hash: productsHash } };
  return (
    `/graphql?operationName=Products&variables=${encodeURIComponent(JSON.stringify({ first, sort: 'SCORE' }))}` +
    `&extensions=${encodeURIComponent(JSON.stringify(extensions))}`
  );
}

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A GET with exactly these headers (fetch would add Accept-Encoding and decompress). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${base}${path}`,
      { headers: { accept: 'application/graphql-response+json', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/**
 * The headers that must be the same on every answer of one representation (x-db-statements, a
 * per-request diagnostic outside production, counts what the miss ran).
 */
function stableHeaders(answer: RawAnswer): Record<string, unknown> {
  const {
    date,
    'x-request-id': requestId,
    'x-response-cache': state,
    'keep-alive': keepAlive,
    'x-db-statements': statements,
    ...rest
  } = answer.headers;
  void date;
  void keepAlive;
  void statements;
  expect(requestId).toMatch(/./);
  expect(state === 'hit' || state === 'miss').toBe(true);
  return rest;
}

describe('response-cache hits answered early (GET)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    expect(productsHash).toBeDefined();
    stack = await startStack({});
  });
  afterAll(() => stack?.close());

  it('answers a hit with the bytes and headers of its miss, security headers included', async () => {
    const path = productsPath(7);
    const miss = await get(stack.url, path);
    expect(miss.status).toBe(200);
    expect(miss.headers['x-response-cache']).toBe('miss');
    const hit = await get(stack.url, path);
    expect(hit.headers['x-response-cache']).toBe('hit');
    expect(hit.body.equals(miss.body)).toBe(true);
    expect(stableHeaders(hit)).toEqual(stableHeaders(miss));
    expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id']);
    expect(hit.headers['x-content-type-options']).toBe('nosniff');
    expect(hit.headers['x-frame-options']).toBe('DENY');
    expect(hit.headers['content-security-policy']).toBeDefined();
    expect(hit.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(hit.headers.vary).toBe('accept, accept-encoding, authorization');
    expect(hit.headers['cache-control']).toBe('public, no-cache');
    expect(hit.headers['content-length']).toBe(String(hit.body.length));
    expect(
      (JSON.parse(hit.body.toString()) as { data: { products: { edges: unknown[] } } }).data.products.edges,
    ).toHaveLength(7);
    // Another media type is another answer.
    const json = await get(stack.url, path, { accept: 'application/json' });
    expect(json.headers['x-response-cache']).toBe('miss');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers 304 to the ETag it gave', async () => {
    const path = productsPath(8);
    await get(stack.url, path);
    const hit = await get(stack.url, path);
    const etag = String(hit.headers.etag);
    const notModified = await get(stack.url, path, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers.vary).toBe('accept, accept-encoding, authorization');
    expect(notModified.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends br or gzip as asked, each decompressing to the same JSON, with an ETag of its own', async () => {
    const path = productsPath(20);
    const plain = await get(stack.url, path);
    const again = await get(stack.url, path);
    expect(again.headers['x-response-cache']).toBe('hit');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(stack.url, path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gzip = await get(stack.url, path, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    const etags = new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]);
    expect(etags.size).toBe(3);
    // br refused: gzip.
    const noBr = await get(stack.url, path, { 'accept-encoding': 'br;q=0, gzip' });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    // The same compressed bytes again (made once), and 304 for the compressed form's ETag.
    const brAgain = await get(stack.url, path, { 'accept-encoding': 'br' });
    expect(brAgain.body.equals(br.body)).toBe(true);
    const notModified = await get(stack.url, path, {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    });
    expect(notModified.status).toBe(304);
    // A POST of the same request is answered in the same coding from the same representation.
    const posted = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({
        operationName: 'Products',
        variables: { first: 20, sort: 'SCORE' },
        extensions: { persistedQuery: { version: 1, sha256Hash: productsHash } },
      }),
    });
    expect(await posted.text()).toBe(plain.body.toString());
  });

  it('never answers nor keeps a signed-in GET', async () => {
    const path = productsPath(9);
    await get(stack.url, path);
    const anonymous = await get(stack.url, path);
    expect(anonymous.headers['x-response-cache']).toBe('hit');
    const login = await fetch(`${stack.sandbox.url}/__platform/wechat/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'early-cache-reader' }),
    });
    const { code } = (await login.json()) as { code: string };
    const session = await stack.gql<{ login: { accessToken: string } }>(
      'mutation($code: String!) { login(platform: WECHAT, code: $code) { accessToken } }',
      { code },
    );
    const authorization = `Bearer ${session.body.data?.login.accessToken ?? ''}`;
    for (let i = 0; i < 2; i++) {
      const signedIn = await get(stack.url, path, { authorization, 'if-none-match': String(anonymous.headers.etag) });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers['x-response-cache']).toBeUndefined();
      expect(signedIn.headers.etag).toBeUndefined();
      expect(signedIn.headers['cache-control']).toBe('no-store');
    }
    // A query that is not public (the caller's own data) is not kept either, even anonymous.
    const meHash = trustedDocumentHash('Me');
    const mePath = `/graphql?operationName=Me&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: meHash } }))}`;
    await get(stack.url, mePath);
    const me = await get(stack.url, mePath);
    expect(me.headers['x-response-cache']).toBeUndefined();
    expect(me.headers['cache-control']).toBe('no-store');
  });
});

describe('the per-address request limit counts early hits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ REQUEST_LIMIT_PER_IP_PER_MINUTE: '4' });
  });
  afterAll(() => stack?.close());

  it('answers 429 once hits alone exceed it', async () => {
    const path = productsPath(20);
    const states: (string | number)[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await get(stack.url, path);
      states.push(answer.status === 200 ? String(answer.headers['x-response-cache']) : answer.status);
      if (answer.status === 429) {
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
      }
    }
    expect(states).toEqual(['miss', 'hit', 'hit', 'hit', 429, 429]);
  });
});

describe('behind a trusted proxy, early hits are counted under the address the routes count', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ REQUEST_LIMIT_PER_IP_PER_MINUTE: '4', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => stack?.close());

  it('shares one count between the miss (the routes) and the hits (before Fastify) of a client', async () => {
    const path = productsPath(20);
    const from = (client: string): Promise<RawAnswer> => get(stack.url, path, { 'x-forwarded-for': client });
    const states: (string | number)[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await from('203.0.113.7');
      states.push(answer.status === 200 ? String(answer.headers['x-response-cache']) : answer.status);
    }
    expect(states).toEqual(['miss', 'hit', 'hit', 'hit', 429]);
    // Another client behind the same proxy has a count of its own; the proxy's own address is not it.
    const other = await from('203.0.113.8');
    expect(other.status).toBe(200);
    expect(other.headers['x-response-cache']).toBe('hit');
    // A forwarded chain is read as Fastify reads it: the nearest address the proxy did not vouch for.
    const chained = await from('198.51.100.1, 203.0.113.7');
    expect(chained.status).toBe(429);
  });
});
