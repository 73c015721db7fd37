import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TestStack, startStack } from './harness.js';

/**
 * The response cache (src/common/graphql/response-cache.ts): anonymous answers of the client's public
 * queries, asked by hash, kept as bytes with an ETag, dropped when an insurer's data changes, and
 * never used for a signed-in request.
 */

const manifest = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '../../../packages/schema/trusted-documents.json'),
    'utf8',
  ),
) as Record<string, string>;
const hashOf = (operation: string): string => {
  const hash = Object.keys(manifest).find((key) => new RegExp(`^\\s*${operation}\\b`).test(manifest[key] ?? ''));
  if (!hash) throw new Error(`no trusted document for ${operation}`);
  return hash;
};
const productsPage = {
  operationName: 'Products',
  variables: { first: 20, sort: 'SCORE' },
  extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('query Products') } },
};

describe('the response cache', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Catalogues fresh for 3 s and never served stale: a failing insurer changes the data at once.
    stack = await startStack({ CATALOGUE_FRESH_SECONDS: '3', CATALOGUE_MAX_STALE_SECONDS: '0' });
  });
  afterAll(() => stack?.close());

  async function post(body: object, headers: Record<string, string> = {}) {
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  it('serves an anonymous products page again from the same bytes, with its ETag, and 304 for it', async () => {
    const first = await post(productsPage);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-response-cache')).toBe('miss');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const second = await post(productsPage);
    expect(second.headers.get('x-response-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    // Any cache may keep a public answer but must revalidate it (the ETag) before each use.
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect(second.headers.get('cache-control')).toBe('public, no-cache');
    expect((JSON.parse(second.text) as { data: { products: { edges: unknown[] } } }).data.products.edges).toHaveLength(
      20,
    );

    const notModified = await post(productsPage, { 'if-none-match': etag ?? '' });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    // Other variables are another answer.
    const other = await post({ ...productsPage, variables: { first: 5, sort: 'SCORE' } });
    expect(other.headers.get('x-response-cache')).toBe('miss');
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('never answers a signed-in request from it, nor keeps its answer', async () => {
    const anonymous = await post(productsPage);
    const login = await fetch(`${stack.sandbox.url}/__platform/wechat/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'cache-reader' }),
    });
    const { code } = (await login.json()) as { code: string };
    const session = await stack.gql<{ login: { accessToken: string } }>(
      'mutation($code: String!) { login(platform: WECHAT, code: $code) { accessToken } }',
      { code },
    );
    const authorization = `Bearer ${session.body.data?.login.accessToken ?? ''}`;
    const signedIn = await post(productsPage, { authorization, 'if-none-match': anonymous.headers.get('etag') ?? '' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('x-response-cache')).toBeNull();
    expect(signedIn.headers.get('etag')).toBeNull();
    // A signed-in answer is never stored by any cache, shared or the browser's.
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    expect((JSON.parse(signedIn.text) as { data: { products: unknown } }).data.products).toBeTruthy();
  });

  it('gives a new ETag once an insurer’s data changes, and no 304 for the old one', async () => {
    const before = await post(productsPage);
    const etag = before.headers.get('etag') ?? '';
    await stack.fault({ insurer: 'anxin', failureMode: 'http500' });
    try {
      // Past freshness the catalogue is fetched again: anxin fails, its products leave the page.
      await new Promise((resolve) => setTimeout(resolve, 3200));
      const after = await post(productsPage, { 'if-none-match': etag });
      expect(after.status).toBe(200);
      expect(after.headers.get('x-response-cache')).toBe('miss');
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(after.text).not.toBe(before.text);
    } finally {
      await stack.resetFaults();
    }
  });

  it('does not keep what is not a public query of the manifest: text in development, mutations', async () => {
    const text = await post({ query: manifest[hashOf('query Products')], variables: { first: 20, sort: 'SCORE' } });
    expect(text.status).toBe(200);
    expect(text.headers.get('x-response-cache')).toBeNull();
    const me = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('query Me') } } });
    expect(me.headers.get('x-response-cache')).toBeNull();
  });
});
