import Fastify, { type FastifyInstance } from 'fastify';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { negotiateMediaType, readParameters, registerGraphQLOverHttp, resolveDocument } from './graphql-over-http.js';
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
