import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { type BffProcess, startBff, trustedDocumentHash } from './harness.js';

/** The H5 app as the BFF serves it: security headers, a policy that admits its own inline script, caching. */

const page = (script: string): string =>
  `<!doctype html><html><head><script>${script}</script><script defer src="/js/app.1a2b3c.js"></script></head><body><div id="app"></div></body></html>`;
const hashOf = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** A BFF serving the H5 build in `dir`, on a database of its own in memory, with no insurers. */
const h5Bff = (dir: string): Record<string, string> => ({
  PORT: '0',
  PGLITE_DATA_DIR: 'memory',
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
  SEED_DEMO_DATA: 'false',
  H5_DIST_DIR: dir,
});

const BIG_SCRIPT = `window.v=[${Array.from({ length: 500 }, (_, i) => i).join(',')}];`;

/** A GET with exactly these headers (fetch would add Accept-Encoding and decompress). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the H5 app served by the BFF', () => {
  let dir: string;
  let bff: BffProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'h5-'));
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'index.html'), page('window.a=1'));
    writeFileSync(join(dir, 'js/app.1a2b3c.js'), 'console.log(1)');
    // A precompressed asset, as the H5 build writes them (apps/miniapp/scripts/precompress-h5.mjs).
    writeFileSync(join(dir, 'js/vendor.4d5e6f.js'), BIG_SCRIPT);
    writeFileSync(join(dir, 'js/vendor.4d5e6f.js.br'), brotliCompressSync(BIG_SCRIPT));
    writeFileSync(join(dir, 'js/vendor.4d5e6f.js.gz'), gzipSync(BIG_SCRIPT));
    bff = await startBff(h5Bff(dir));
  });
  afterAll(async () => {
    await bff.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html fresh, under a policy that allows its inline script by hash and nothing else inline', async () => {
    const response = await fetch(`${bff.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src 'self' ${hashOf('window.a=1')}`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${bff.url}/js/app.1a2b3c.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('follows a rebuilt app without a restart: a new inline script gets a new hash', async () => {
    writeFileSync(join(dir, 'index.html'), page('window.b=2'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'index.html'), later, later);
    const policy = (await fetch(`${bff.url}/`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain(hashOf('window.b=2'));
    expect(policy).not.toContain(hashOf('window.a=1'));
  });

  it('sends a precompressed asset as the client accepts it, and index.html uncompressed', async () => {
    const br = await rawGet(`${bff.url}/js/vendor.4d5e6f.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toContain('accept-encoding');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT);
    const gzip = await rawGet(`${bff.url}/js/vendor.4d5e6f.js`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(`${bff.url}/js/vendor.4d5e6f.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_SCRIPT);
    const html = await rawGet(`${bff.url}/`, { 'accept-encoding': 'br' });
    expect(html.headers['content-encoding']).toBeUndefined();
    expect(html.headers['cache-control']).toBe('no-cache');
    expect(html.headers['content-security-policy']).toContain('script-src');
  });

  it('answers API requests with a policy that loads nothing', async () => {
    const response = await fetch(`${bff.url}/health`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('the H5 document with the home page’s first answer written into it (decision 020)', () => {
  const productsHash = trustedDocumentHash('Products');
  const extensions = { persistedQuery: { version: 1, sha256Hash: productsHash } };
  /** The home page's first request, as index.html names it (apps/miniapp/config/first-screen.ts). */
  const firstUrl =
    `/graphql?operationName=Products&variables=${encodeURIComponent(JSON.stringify({ first: 20, after: null, filter: {}, sort: 'SCORE' }))}` +
    `&extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
  const accept = 'application/graphql-response+json, application/json';
  const written = (html: string): string | null =>
    /<script type="application\/json" id="first-screen-answer"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? null;

  let dir: string;
  let bff: BffProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'h5-first-'));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html><head><script type="application/json" id="first-screen-answer" data-url="${firstUrl.replace(/&/g, '&amp;')}"></script><script>window.a=1</script></head><body></body></html>`,
    );
    bff = await startBff({
      ...h5Bff(dir),
      TRUSTED_DOCUMENTS: 'enforce',
      // The visitor's address is the one the proxy names; five GraphQL requests a minute each.
      TRUST_PROXY: '127.0.0.1',
      REQUEST_LIMIT_PER_IP_PER_MINUTE: '5',
    });
  });
  afterAll(async () => {
    await bff.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds what the page’s own request would get, asked as that visitor: their requests, their limit', async () => {
    // Asked directly first (by another visitor): the page's own request then finds it in the
    // response cache, as it does once the catalogue is loaded (not waiting on a cold start).
    const direct = await fetch(`${bff.url}${firstUrl}`, { headers: { accept, 'x-forwarded-for': '198.51.100.2' } });
    expect(direct.status).toBe(200);
    const visitor = { 'x-forwarded-for': '198.51.100.1' };
    const page = await fetch(`${bff.url}/`, { headers: visitor });
    expect(page.status).toBe(200);
    const text = written(await page.text());
    expect(text).toBeTruthy();
    expect(JSON.parse(text ?? '')).toEqual(await direct.json());

    // The visitor's page asked once per load, counted as their request: four more pages, then their
    // fifth request of the minute is refused, and their next page goes without (it will ask itself).
    for (let i = 0; i < 4; i++)
      expect(written(await (await fetch(`${bff.url}/`, { headers: visitor })).text())).toBeTruthy();
    expect(written(await (await fetch(`${bff.url}/`, { headers: visitor })).text())).toBe('');
    expect((await fetch(`${bff.url}${firstUrl}`, { headers: { accept, ...visitor } })).status).toBe(429);
    // Another visitor is not refused for it.
    expect(
      written(await (await fetch(`${bff.url}/`, { headers: { 'x-forwarded-for': '198.51.100.3' } })).text()),
    ).toBeTruthy();
  });
});
