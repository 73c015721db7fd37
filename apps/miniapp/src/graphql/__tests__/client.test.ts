import { createHash } from 'node:crypto';
import { memoryStorage } from '../../platform/__tests__/memory-storage';
import { createSessionStore } from '../../platform/storage';
import { createGraphQLClient, documentHashOf } from '../client';
import { GraphQLClientError } from '../errors';
import { ProductsDocument, TypedDocumentString } from '../generated/graphql';
import type { Transport, TransportRequest, TransportResponse } from '../transport';

const variables = { first: 20, after: null, filter: null };
const products = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null }, errors: [] };

function fixedTransport(statusCode: number, body: unknown, seen: TransportRequest[] = []): Transport {
  return async (req) => {
    seen.push(req);
    return { statusCode, body };
  };
}

describe('createGraphQLClient', () => {
  it('POSTs the document hash (persisted query), variables and operationName as JSON, without the text', async () => {
    const seen: TransportRequest[] = [];
    const client = createGraphQLClient({
      endpoint: 'https://api.example.test/graphql',
      transport: fixedTransport(200, { data: { products } }, seen),
      getAuthHeader: () => ({ Authorization: 'Bearer t' }),
    });
    const result = await client.execute(ProductsDocument, variables);
    expect(result).toEqual({ data: { products }, error: null });
    expect(seen[0]?.url).toBe('https://api.example.test/graphql');
    expect(seen[0]?.headers).toMatchObject({ 'content-type': 'application/json', Authorization: 'Bearer t' });
    const body = JSON.parse(seen[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body.operationName).toBe('Products');
    expect(body.variables).toEqual(variables);
    expect(body.query).toBeUndefined();
    const hash = createHash('sha256').update(ProductsDocument.toString(), 'utf8').digest('hex');
    expect(documentHashOf(ProductsDocument)).toBe(hash);
    expect(body.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: hash } });
  });

  it('sends an anonymous query by hash as GET, its parameters in the URL, without a body', async () => {
    const seen: TransportRequest[] = [];
    const client = createGraphQLClient({
      endpoint: 'https://api.example.test/graphql',
      transport: fixedTransport(200, { data: { products } }, seen),
      getQueries: true,
    });
    const result = await client.execute(ProductsDocument, variables);
    expect(result).toEqual({ data: { products }, error: null });
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.body).toBe('');
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    const url = new URL(seen[0]?.url ?? '');
    expect(url.origin + url.pathname).toBe('https://api.example.test/graphql');
    expect(url.searchParams.get('operationName')).toBe('Products');
    expect(JSON.parse(url.searchParams.get('variables') ?? '')).toEqual(variables);
    expect(JSON.parse(url.searchParams.get('extensions') ?? '')).toEqual({
      persistedQuery: { version: 1, sha256Hash: documentHashOf(ProductsDocument) },
    });
    expect(url.searchParams.get('query')).toBeNull();
  });

  it('POSTs an anonymous query whose URL would be too long', async () => {
    const seen: TransportRequest[] = [];
    const client = createGraphQLClient({
      transport: fixedTransport(200, { data: { products } }, seen),
      getQueries: true,
    });
    await client.execute(ProductsDocument, { ...variables, filter: { text: 'x'.repeat(3000) } });
    expect(seen[0]?.method ?? 'POST').toBe('POST');
    expect(JSON.parse(seen[0]?.body ?? '{}')).toMatchObject({ operationName: 'Products' });
  });

  it('POSTs a signed-in query and a mutation even with getQueries', async () => {
    const seen: TransportRequest[] = [];
    const client = createGraphQLClient({
      transport: fixedTransport(200, { data: { products } }, seen),
      getAuthHeader: () => ({ Authorization: 'Bearer t' }),
      getQueries: true,
    });
    await client.execute(ProductsDocument, variables);
    expect(seen[0]?.method ?? 'POST').toBe('POST');
    const mutation = new TypedDocumentString<{ logout: boolean }, Record<string, never>>('mutation Logout { logout }', {
      hash: 'a'.repeat(64),
    });
    await createGraphQLClient({ transport: fixedTransport(200, { data: {} }, seen), getQueries: true }).execute(
      mutation,
      {},
    );
    expect(seen[1]?.method ?? 'POST').toBe('POST');
  });

  it('POSTs the text of a document without a hash', async () => {
    const seen: TransportRequest[] = [];
    const client = createGraphQLClient({ transport: fixedTransport(200, { data: { ping: true } }, seen) });
    const document = new TypedDocumentString<{ ping: boolean }, Record<string, never>>('query Ping { ping }');
    await client.execute(document, {});
    const body = JSON.parse(seen[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toEqual({ query: 'query Ping { ping }', variables: {}, operationName: 'Ping' });
  });

  it('sends the text beside the hash once when the server does not know the hash', async () => {
    const seen: TransportRequest[] = [];
    const answers = [
      {
        statusCode: 400,
        body: { errors: [{ message: 'unknown', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] },
      },
      { statusCode: 200, body: { data: { products } } },
    ];
    const client = createGraphQLClient({
      transport: async (req) => {
        seen.push(req);
        return answers.shift() ?? { statusCode: 500, body: null };
      },
    });
    await expect(client.execute(ProductsDocument, variables)).resolves.toEqual({ data: { products }, error: null });
    expect(seen).toHaveLength(2);
    const retry = JSON.parse(seen[1]?.body ?? '{}') as Record<string, unknown>;
    expect(String(retry.query)).toContain('query Products(');
    expect(retry.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: documentHashOf(ProductsDocument) } });
  });

  it('parses a JSON string body', async () => {
    const client = createGraphQLClient({ transport: fixedTransport(200, JSON.stringify({ data: { products } })) });
    await expect(client.request(ProductsDocument, variables)).resolves.toEqual({ products });
  });

  it('maps a non-2xx answer to HTTP', async () => {
    const client = createGraphQLClient({ transport: fixedTransport(502, '<html>Bad Gateway</html>') });
    const { data, error } = await client.execute(ProductsDocument, variables);
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect(error?.code).toBe('HTTP');
    expect(error?.status).toBe(502);
    expect(error?.message).toMatch(/服务暂时不可用/);
  });

  it('hands the headers to the error mapping: 429 with retry-after', async () => {
    const client = createGraphQLClient({
      transport: async () => ({
        statusCode: 429,
        headers: { 'retry-after': '20' },
        body: JSON.stringify({ errors: [{ message: 'Too many requests', extensions: { code: 'TOO_MANY_REQUESTS' } }] }),
      }),
    });
    const { error } = await client.execute(ProductsDocument, variables);
    expect(error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 20,
      message: '操作过于频繁，请 20 秒后再试',
    });
    await expect(client.request(ProductsDocument, variables)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('uses the server code and keeps partial data with GraphQL errors', async () => {
    const client = createGraphQLClient({
      transport: fixedTransport(200, {
        data: { products },
        errors: [{ message: 'Boom', path: ['products'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      }),
    });
    const { data, error } = await client.execute(ProductsDocument, variables);
    expect(data).toEqual({ products });
    expect(error?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.message).toBe('服务出错了，请稍后重试');
    expect(error?.graphQLErrors[0]?.message).toBe('Boom');
    await expect(client.request(ProductsDocument, variables)).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('shows a Chinese server message as it is', async () => {
    const client = createGraphQLClient({
      transport: fixedTransport(400, {
        errors: [{ message: '参数 first 不能超过 100', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    });
    const { error } = await client.execute(ProductsDocument, variables);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toBe('参数 first 不能超过 100');
  });

  it('maps transport failures to NETWORK', async () => {
    const client = createGraphQLClient({
      transport: async () => {
        throw new Error('socket hang up');
      },
    });
    const { error } = await client.execute(ProductsDocument, variables);
    expect(error?.code).toBe('NETWORK');
    expect(error?.message).toBe('网络连接失败，请检查网络后重试');
  });

  describe('settled', () => {
    /** Answers received before anyone asked, by URL, taken as `accept` decides (like H5's first screen). */
    function received(answers: Map<string, TransportResponse>) {
      return (url: string, accept: (response: TransportResponse) => boolean) => {
        const answer = answers.get(url);
        if (!answer || !accept(answer)) return undefined;
        answers.delete(url);
        return answer;
      };
    }
    const endpoint = 'https://api.example.test/graphql';

    /** The GET URL `execute` sends for the query (read off a transport). */
    async function getUrlSent(): Promise<string> {
      const seen: TransportRequest[] = [];
      await createGraphQLClient({
        endpoint,
        getQueries: true,
        transport: fixedTransport(200, { data: { products } }, seen),
      }).execute(ProductsDocument, variables);
      expect(seen[0]?.method).toBe('GET');
      return seen[0]?.url ?? '';
    }

    it('takes an answer already received for the very GET URL execute would send, once', async () => {
      const answers = new Map([
        [await getUrlSent(), { statusCode: 200, body: JSON.stringify({ data: { products } }) }],
      ]);
      const seen: TransportRequest[] = [];
      const client = createGraphQLClient({
        endpoint,
        getQueries: true,
        transport: fixedTransport(200, { data: { products } }, seen),
        takeSettledAnswer: received(answers),
      });
      expect(client.settled(ProductsDocument, { ...variables, first: 10 })).toBeUndefined();
      expect(client.settled(ProductsDocument, variables)).toEqual({ data: { products }, error: null });
      expect(answers.size).toBe(0);
      expect(client.settled(ProductsDocument, variables)).toBeUndefined();
      expect(seen).toHaveLength(0);
    });

    it('leaves an answer with an error for execute', async () => {
      const url = await getUrlSent();
      const refused = {
        statusCode: 200,
        body: JSON.stringify({
          errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
        }),
      };
      const answers = new Map([[url, refused]]);
      const client = createGraphQLClient({ endpoint, getQueries: true, takeSettledAnswer: received(answers) });
      expect(client.settled(ProductsDocument, variables)).toBeUndefined();
      expect(answers.get(url)).toBe(refused);
      answers.set(url, { statusCode: 503, body: JSON.stringify({ data: { products } }) });
      expect(client.settled(ProductsDocument, variables)).toBeUndefined();
      expect(answers.size).toBe(1);
    });

    it('takes nothing for a client that would not send the query anonymously by GET', async () => {
      const url = await getUrlSent();
      const answer = { statusCode: 200, body: JSON.stringify({ data: { products } }) };
      const answers = new Map([[url, answer]]);
      const takeSettledAnswer = received(answers);
      const store = createSessionStore(memoryStorage());
      store.save({
        accessToken: 'a',
        accessTokenExpiresAt: new Date(Date.now() + 60_000).toISOString(),
        refreshToken: 'r',
        refreshTokenExpiresAt: new Date(Date.now() + 600_000).toISOString(),
      });
      for (const client of [
        createGraphQLClient({ endpoint, takeSettledAnswer }),
        createGraphQLClient({ endpoint, getQueries: true, session: { store }, takeSettledAnswer }),
        createGraphQLClient({ endpoint, getQueries: true, getAuthHeader: () => undefined, takeSettledAnswer }),
      ]) {
        expect(client.settled(ProductsDocument, variables)).toBeUndefined();
      }
      expect(answers.size).toBe(1);
      store.clear();
      const signedOut = createGraphQLClient({ endpoint, getQueries: true, session: { store }, takeSettledAnswer });
      expect(signedOut.settled(ProductsDocument, variables)?.data).toEqual({ products });
    });
  });
});
