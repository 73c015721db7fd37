import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { MemoryRateLimiter, type RateLimiter } from '../rate-limit/rate-limiter.js';
import {
  negotiateMediaType,
  readParameters,
  registerGraphQLOverHttp,
  resolveDocument,
  responseCacheEarlyAnswer,
} from './graphql-over-http.js';
import { ResponseCache } from './response-cache.js';
import { sha256Hex, type TrustedDocuments } from './trusted-documents.js';

/** The HTTP layer alone, on a bare Fastify with a stand-in for Mercurius' `reply.graphql`. */
async function server(rateLimiter: RateLimiter): Promise<FastifyInstance> {
  const fastify = Fastify();
  fastify.decorateReply('graphql', async () => ({ data: { ok: true } }));
  await registerGraphQLOverHttp(fastify, {
    bodyLimit: 1024,
    rateLimiter,
    requestsPerIpPerMinute: 5,
    strict: true,
    countStatements: false,
  });
  return fastify;
}

const limiter = (hit: RateLimiter['hit']): RateLimiter => ({
  hit,
  peek: async () => ({ count: 0, retryAfterMs: 0 }),
  close: async () => undefined,
});
/** A real request over HTTP (Fastify's inject needs an ESM-only module jest cannot load). */
async function ask(fastify: FastifyInstance): Promise<{ statusCode: number; headers: Headers; body: unknown }> {
  const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    return { statusCode: response.status, headers: response.headers, body: await response.json() };
  } finally {
    await fastify.close();
  }
}

describe('GraphQL over HTTP', () => {
  it('answers 429 with Retry-After when the address is over its limit', async () => {
    const fastify = await server(limiter(async () => ({ allowed: false, retryAfterMs: 12_300 })));
    const response = await ask(fastify);
    expect(response.statusCode).toBe(429);
    expect(response.headers.get('retry-after')).toBe('13');
    expect(response.body).toMatchObject({
      errors: [{ extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 13 } }],
    });
  });

  it('keeps answering when the limit’s counters cannot be reached', async () => {
    const fastify = await server(
      limiter(async () => {
        throw new Error('redis down');
      }),
    );
    const response = await ask(fastify);
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ data: { ok: true } });
  });

  it('negotiates the media type from Accept, preferring graphql-response+json', () => {
    expect(negotiateMediaType(undefined)).toBe('application/json');
    expect(negotiateMediaType('application/graphql-response+json, application/json')).toBe(
      'application/graphql-response+json',
    );
    expect(negotiateMediaType('application/json;q=0.9, application/graphql-response+json;q=0.5')).toBe(
      'application/json',
    );
    expect(negotiateMediaType('*/*')).toBe('application/json');
    expect(negotiateMediaType('text/html')).toBeNull();
  });

  it('reads the parameters, naming what is wrong', () => {
    expect(readParameters({ query: '{ a }', variables: null, extensions: null, operationName: null })).toEqual({
      query: '{ a }',
    });
    expect(() => readParameters([{ query: '{ a }' }])).toThrow(/批量/);
    expect(() => readParameters({ query: '{ a }', variables: [1] })).toThrow(/variables/);
  });

  it('reads a persisted query’s hash, with or without the text', () => {
    const hash = sha256Hex('{ a }');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    expect(readParameters({ extensions })).toEqual({ sha256Hash: hash });
    expect(readParameters({ query: '{ a }', extensions })).toEqual({ query: '{ a }', sha256Hash: hash });
    expect(() => readParameters({ extensions: { persistedQuery: { version: 2, sha256Hash: hash } } })).toThrow(
      /persistedQuery/,
    );
    expect(() => readParameters({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ABC' } } })).toThrow(
      /sha256Hash/,
    );
    expect(() => readParameters({ extensions: {} })).toThrow(/query/);
  });
});

describe('trusted documents', () => {
  const text = '{ a }';
  const hash = sha256Hex(text);
  const other = '{ b }';
  const manifest = (mode: TrustedDocuments['mode']): TrustedDocuments => ({ mode, byHash: new Map([[hash, text]]) });
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('enforce: runs the manifest’s documents, by hash or by text, and nothing else', () => {
    const trusted = manifest('enforce');
    expect(resolveDocument({ sha256Hash: hash }, trusted).query).toBe(text);
    expect(resolveDocument({ query: text }, trusted).hash()).toBe(hash);
    expect(codeOf(() => resolveDocument({ query: other }, trusted))).toBe('UNTRUSTED_DOCUMENT');
    expect(codeOf(() => resolveDocument({ query: other, sha256Hash: sha256Hex(other) }, trusted))).toBe(
      'UNTRUSTED_DOCUMENT',
    );
    expect(codeOf(() => resolveDocument({ sha256Hash: sha256Hex(other) }, trusted))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(codeOf(() => resolveDocument({ query: other, sha256Hash: hash }, trusted))).toBe(
      'PERSISTED_QUERY_HASH_MISMATCH',
    );
  });

  it('allow: runs any text, checks a hash sent beside it, and resolves the manifest’s hashes', () => {
    const trusted = manifest('allow');
    expect(resolveDocument({ query: other }, trusted).hash()).toBe(sha256Hex(other));
    expect(resolveDocument({ query: other, sha256Hash: sha256Hex(other) }, trusted).query).toBe(other);
    expect(resolveDocument({ sha256Hash: hash }, trusted).query).toBe(text);
    expect(codeOf(() => resolveDocument({ query: other, sha256Hash: hash }, trusted))).toBe(
      'PERSISTED_QUERY_HASH_MISMATCH',
    );
    expect(codeOf(() => resolveDocument({ sha256Hash: sha256Hex(other) }, trusted))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('response-cache hits answered before Fastify', () => {
  const PATH = '/graphql?operationName=Products&variables=%7B%7D';
  const ACCEPT = 'application/graphql-response+json';
  const body = Buffer.from(JSON.stringify({ data: { products: { edges: [] } } }));

  /**
   * A plain HTTP server that offers each request to the early answer first, as the BFF's server does,
   * and answers 418 itself for what falls through (noting the request id the routes would then use).
   */
  async function serve(
    rateLimiter: RateLimiter,
    options: { version?: string; limit?: number } = {},
  ): Promise<{ url: string; fellThrough: string[]; close: () => Promise<void> }> {
    const cache = new ResponseCache({
      version: async () => 'v1',
      currentVersion: () => options.version,
      ttlMs: 60_000,
      maxEntries: 10,
    });
    const early = responseCacheEarlyAnswer({
      responseCache: cache,
      rateLimiter,
      requestsPerIpPerMinute: options.limit ?? 100,
      // The address the tests pick, as a trusted proxy would give it.
      clientAddress: (request) => String(request.headers['x-client'] ?? request.socket.remoteAddress),
      requestId: () => 'early-id',
    });
    const fellThrough: string[] = [];
    const server = createServer((request, response) => {
      if (early?.(request, response)) return;
      fellThrough.push(request.url ?? '');
      response.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const key = await cache.keyOf(['GET', PATH, ACCEPT, `127.0.0.1:${port}`]);
    cache.set(key, body, undefined, { 'content-type': `${ACCEPT}; charset=utf-8`, 'x-frame-options': 'DENY' });
    return {
      url: `http://127.0.0.1:${port}`,
      fellThrough,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }

  const get = (url: string, headers: Record<string, string> = {}, path = PATH): Promise<Response> =>
    fetch(`${url}${path}`, { headers: { accept: ACCEPT, ...headers } });

  it('answers a hit with its stored bytes and headers, a 304 to its ETag, and nothing else', async () => {
    const server = await serve(new MemoryRateLimiter(), { version: 'v1' });
    try {
      const hit = await get(server.url, { 'accept-encoding': 'identity' });
      expect(hit.status).toBe(200);
      expect(Buffer.from(await hit.arrayBuffer()).equals(body)).toBe(true);
      expect(hit.headers.get('x-frame-options')).toBe('DENY');
      expect(hit.headers.get('x-response-cache')).toBe('hit');
      expect(hit.headers.get('x-request-id')).toBe('early-id');
      expect(hit.headers.get('content-length')).toBe(String(body.length));
      const etag = hit.headers.get('etag') ?? '';
      const notModified = await get(server.url, { 'accept-encoding': 'identity', 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get('etag')).toBe(etag);
      expect(notModified.headers.get('x-frame-options')).toBe('DENY');
      expect(server.fellThrough).toEqual([]);
      // Left to Fastify: another URL, a signed-in request, a POST, an unacceptable media type.
      expect((await get(server.url, {}, `${PATH}&x=1`)).status).toBe(418);
      expect((await get(server.url, { authorization: 'Bearer x' })).status).toBe(418);
      expect((await fetch(`${server.url}${PATH}`, { method: 'POST', headers: { accept: ACCEPT } })).status).toBe(418);
      expect((await get(server.url, { accept: 'text/html' })).status).toBe(418);
      expect(server.fellThrough).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('counts hits per client address and leaves a refused one to the routes', async () => {
    const server = await serve(new MemoryRateLimiter(), { version: 'v1', limit: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await get(server.url, { 'x-client': '203.0.113.7' })).status);
      statuses.push((await get(server.url, { 'x-client': '203.0.113.8' })).status);
      expect(statuses).toEqual([200, 200, 418, 200]);
    } finally {
      await server.close();
    }
  });

  it('leaves to Fastify’s hook what needs a promise: the version to compute, counters in Redis', async () => {
    const unknownVersion = await serve(new MemoryRateLimiter());
    const asyncCounters = await serve(
      limiter(async () => ({ allowed: true, retryAfterMs: 0 })),
      { version: 'v1' },
    );
    try {
      expect((await get(unknownVersion.url)).status).toBe(418);
      expect((await get(asyncCounters.url)).status).toBe(418);
    } finally {
      await unknownVersion.close();
      await asyncCounters.close();
    }
  });
});
