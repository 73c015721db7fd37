import Fastify, { type FastifyInstance } from 'fastify';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { negotiateMediaType, readParameters, registerGraphQLOverHttp } from './graphql-over-http.js';

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
});
