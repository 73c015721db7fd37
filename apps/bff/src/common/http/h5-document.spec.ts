import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerH5Document, withFirstAnswer } from './h5-document.js';

const URL = '/graphql?operationName=Products&variables=%7B%7D';
const block = (url: string, content = ''): string =>
  `<script type="application/json" id="first-screen-answer" data-url="${url.replace(/&/g, '&amp;')}">${content}</script>`;
const page = (body: string): string =>
  `<!doctype html><html><head>${body}<script>window.started=1</script></head><body><div id="app"></div></body></html>`;

/** The JSON text inside the page's block, as index.html's script reads it (`textContent`). */
function written(html: string): string | null {
  const match = /<script\s+type="application\/json"\s+id="first-screen-answer"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  return match ? match[1] : null;
}

describe('the H5 document with its first answer (decision 020)', () => {
  describe('withFirstAnswer', () => {
    it('writes the answer into the block, where no insurer’s text can close it or open a comment', () => {
      const answer = JSON.stringify({
        data: { products: [{ name: '</script><script>alert(1)</script><!-- 安心' }] },
      });
      const html = withFirstAnswer(page(block(URL)), answer);
      const text = written(html) ?? '';
      expect(text).not.toMatch(/</);
      expect(JSON.parse(text)).toEqual(JSON.parse(answer));
      // The rest of the page is as it was.
      expect(html.replace(text, '')).toBe(page(block(URL)));
      expect(html.match(/<\/script>/g)).toHaveLength(2);
    });

    it('finds the block however its tag is laid out (the template is formatted)', () => {
      const tag = `<script\n      type="application/json"\n      id="first-screen-answer"\n      data-url="${URL}"\n    ></script>`;
      const html = withFirstAnswer(page(tag), '{"data":{}}');
      expect(html).toBe(page(tag.replace('></script>', '>{"data":{}}</script>')));
    });

    it('leaves a page without a block as it is', () => {
      expect(withFirstAnswer(page(''), '{"data":{}}')).toBe(page(''));
    });
  });

  describe('served at / and /index.html', () => {
    let dir: string;
    let fastify: FastifyInstance;
    let base: string;
    /** What the page's first request gets: an HTTP 200's body, or null, after `delayMs`. */
    let answer: { body: string | null; delayMs: number; fails?: boolean };
    let asked: { url: string; ip: string; host: string | undefined }[];

    /** A GET with exactly these headers (fetch would add Accept-Encoding and decompress). */
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
        (resolve, reject) => {
          httpRequest(`${base}${path}`, { headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
            );
          })
            .on('error', reject)
            .end();
        },
      );

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'h5-document-'));
      writeFileSync(join(dir, 'index.html'), page(block(URL)));
      answer = { body: JSON.stringify({ data: { products: { edges: [] } } }), delayMs: 0 };
      asked = [];
      fastify = Fastify({ trustProxy: true });
      registerH5Document(fastify, dir, {
        waitMs: 25,
        firstAnswer: async (url, request) => {
          asked.push({ url, ip: request.ip, host: request.headers.host });
          await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
          if (answer.fails) throw new Error('down');
          return answer.body;
        },
      });
      base = await fastify.listen({ port: 0, host: '127.0.0.1' });
    });
    afterEach(async () => {
      await fastify.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes the answer to the page’s first request, asked for this visitor', async () => {
      const response = await get('/', { host: 'app.example.com', 'x-forwarded-for': '203.0.113.7' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(written(response.body.toString())).toBe(answer.body);
      // The URL as the block names it (unescaped), for the visitor's address and Host.
      expect(asked).toEqual([{ url: URL, ip: '203.0.113.7', host: 'app.example.com' }]);
      expect(written((await get('/index.html')).body.toString())).toBe(answer.body);
    });

    it('leaves the block empty when the answer is late, missing or failed; the page is served all the same', async () => {
      answer.delayMs = 300;
      const started = Date.now();
      const late = await get('/');
      expect(Date.now() - started).toBeLessThan(250);
      expect(late.status).toBe(200);
      expect(written(late.body.toString())).toBe('');
      answer = { body: null, delayMs: 0 };
      expect(written((await get('/')).body.toString())).toBe('');
      answer = { body: '{}', delayMs: 0, fails: true };
      expect(written((await get('/')).body.toString())).toBe('');
    });

    it('names each page by its bytes: a new answer, a new ETag; the same, a 304', async () => {
      const first = await get('/');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^".+"$/);
      const again = await get('/', { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      answer.body = JSON.stringify({ data: { products: { edges: [{ node: { id: 'a:1' } }] } } });
      const changed = await get('/', { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(written(changed.body.toString())).toBe(answer.body);
    });

    it('compresses the page as the client accepts, once it is worth it', async () => {
      answer.body = JSON.stringify({ data: { products: { edges: Array.from({ length: 200 }, (_, i) => ({ i })) } } });
      const br = await get('/', { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toBe('accept-encoding');
      const html = brotliDecompressSync(br.body).toString('utf8');
      expect(written(html)).toBe(answer.body);
      const gzip = await get('/', { 'accept-encoding': 'gzip' });
      expect(gunzipSync(gzip.body).toString('utf8')).toBe(html);
      const plain = await get('/');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(html);
      expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    });

    it('follows a rebuilt page, and asks nothing for a page without a block', async () => {
      writeFileSync(join(dir, 'index.html'), page(''));
      const later = new Date(Date.now() + 5_000);
      utimesSync(join(dir, 'index.html'), later, later);
      const response = await get('/');
      expect(response.body.toString()).toBe(page(''));
      expect(asked).toEqual([]);
    });

    it('draws the answer’s first products into the skeleton the page asks it for (decision 021)', async () => {
      const skeleton =
        '<div id="first-screen-skeleton" data-products="1" data-product-url="#/product?id=" aria-hidden="true">' +
        '<div class="first-screen-card"></div></div>';
      writeFileSync(join(dir, 'index.html'), page(block(URL)).replace('</body>', `${skeleton}</body>`));
      const later = new Date(Date.now() + 5_000);
      utimesSync(join(dir, 'index.html'), later, later);
      const node = {
        id: 'p1',
        name: '安心百万医疗',
        categoryLabel: '百万医疗',
        priceFrom: 12800,
        insurer: { name: '安信财险' },
        score: null,
      };
      answer = {
        body: JSON.stringify({ data: { products: { edges: [{ node }, { node: { ...node, id: 'p2' } }] } } }),
        delayMs: 0,
      };
      const html = (await get('/')).body.toString();
      expect(written(html)).toBe(answer.body);
      expect(html.match(/<a class="first-screen-product"[^>]*>/g)).toEqual([
        '<a class="first-screen-product" tabindex="-1" href="#/product?id=p1">',
      ]);
      expect(html).toContain('安信财险');
      expect(html).not.toContain('first-screen-card');
      // Late: the placeholders stay, as the block stays empty.
      answer.delayMs = 300;
      expect((await get('/')).body.toString()).toContain('<div class="first-screen-card"></div>');
    });

    it('answers 404 while there is no index.html (an app being rebuilt)', async () => {
      rmSync(join(dir, 'index.html'));
      expect((await get('/')).status).toBe(404);
      writeFileSync(join(dir, 'index.html'), page(block(URL)));
      expect((await get('/')).status).toBe(200);
    });

    it('admits the page’s inline script by its hash, and not the data block, which never runs', async () => {
      const policy = String((await get('/')).headers['content-security-policy']);
      const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      expect(policy).toContain(`script-src 'self' ${hashOf('window.started=1')};`);
    });
  });
});
