import { createSessionStore, type SessionTokens } from '../../platform/storage';
import { memoryStorage } from '../../platform/__tests__/memory-storage';
import { createGraphQLClient } from '../client';
import { MeDocument, ProductsDocument } from '../generated/graphql';
import type { Transport, TransportRequest } from '../transport';

const me = {
  id: 'acc-1',
  createdAt: '2025-01-01T00:00:00.000Z',
  identities: [],
  privacyConsent: null,
};
const later = '2099-01-01T00:00:00.000Z';

function tokens(n: number): SessionTokens {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: later,
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: later,
  };
}

function unauthenticated(reason: string) {
  return {
    statusCode: 200,
    body: { data: null, errors: [{ message: '登录已过期', extensions: { code: 'UNAUTHENTICATED', reason } }] },
  };
}

interface FakeServerOptions {
  /** What refreshSession answers instead of rotating. */
  refreshFailure?: 'REFRESH_TOKEN_INVALID' | 'network';
  /** The BFF still finds the renewed token expired (a broken clock). */
  alwaysExpired?: boolean;
  /** What `me` answers to a valid token instead of the account. */
  meFailure?: string;
}

/**
 * Plays the BFF: one valid access token at a time; refresh tokens rotate, each works once, and a
 * spent one revokes the session (as ADR 004 says). Refreshes take a few milliseconds, so concurrent
 * requests overlap them.
 */
function fakeServer(options: FakeServerOptions = {}) {
  let generation = 1;
  let validAccessToken = 'access-1';
  let revoked = false;
  const state = { refreshCalls: 0, requests: [] as { operation: string; authorization: string | undefined }[] };

  const transport: Transport = async (request: TransportRequest) => {
    const body = JSON.parse(request.body) as { operationName: string; variables: Record<string, unknown> };
    state.requests.push({ operation: body.operationName, authorization: request.headers.Authorization });
    if (body.operationName === 'RefreshSession') {
      state.refreshCalls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.refreshFailure === 'network') throw new Error('socket hang up');
      if (options.refreshFailure) return unauthenticated(options.refreshFailure);
      if (revoked || body.variables.refreshToken !== `refresh-${generation}`) {
        revoked = true;
        return unauthenticated('REFRESH_TOKEN_REUSED');
      }
      generation += 1;
      validAccessToken = `access-${generation}`;
      return {
        statusCode: 200,
        body: { data: { refreshSession: { ...tokens(generation), account: { id: 'acc-1' } } } },
      };
    }
    if (body.operationName === 'Products') {
      return { statusCode: 200, body: { data: { products: { totalCount: 0 } } } };
    }
    if (revoked) return unauthenticated('SESSION_REVOKED');
    if (!request.headers.Authorization) return unauthenticated('AUTH_REQUIRED');
    if (options.alwaysExpired || request.headers.Authorization !== `Bearer ${validAccessToken}`) {
      return unauthenticated('TOKEN_EXPIRED');
    }
    if (options.meFailure) return unauthenticated(options.meFailure);
    return { statusCode: 200, body: { data: { me, privacyPolicy: { version: '2025-01' } } } };
  };
  return {
    transport,
    state,
    /** Fifteen minutes later: the stored access token has expired (its refresh token has not). */
    expireAccessToken() {
      validAccessToken = 'none';
    },
  };
}

function setup(options: FakeServerOptions & { stored?: SessionTokens | null } = {}) {
  const server = fakeServer(options);
  const store = createSessionStore(memoryStorage());
  const stored = options.stored === undefined ? tokens(1) : options.stored;
  if (stored) store.save(stored);
  const signedOut: string[] = [];
  const client = createGraphQLClient({
    transport: server.transport,
    session: { store, onSignedOut: (reason) => signedOut.push(reason) },
  });
  return { server, store, client, signedOut };
}

describe('GraphQL client sessions', () => {
  it('sends the access token when signed in, and nothing otherwise', async () => {
    const signedIn = setup();
    await expect(signedIn.client.request(MeDocument, {})).resolves.toMatchObject({ me: { id: 'acc-1' } });
    expect(signedIn.server.state.requests).toEqual([{ operation: 'Me', authorization: 'Bearer access-1' }]);

    const anonymous = setup({ stored: null });
    await anonymous.client.execute(ProductsDocument, { first: 1, after: null, filter: null });
    expect(anonymous.server.state.requests).toEqual([{ operation: 'Products', authorization: undefined }]);
  });

  it('refreshes an expired access token once and retries the request', async () => {
    const { server, store, client, signedOut } = setup();
    server.expireAccessToken();
    const { data, error } = await client.execute(MeDocument, {});
    expect(error).toBeNull();
    expect(data?.me.id).toBe('acc-1');
    expect(server.state.refreshCalls).toBe(1);
    expect(server.state.requests.map((r) => `${r.operation} ${r.authorization ?? '-'}`)).toEqual([
      'Me Bearer access-1',
      'RefreshSession -',
      'Me Bearer access-2',
    ]);
    // The rotated tokens are kept: the next request needs no refresh.
    expect(store.load()).toEqual(tokens(2));
    await client.request(MeDocument, {});
    expect(server.state.refreshCalls).toBe(1);
    expect(signedOut).toEqual([]);
  });

  it('shares one refresh between concurrent requests (a second one would revoke the session)', async () => {
    const { server, store, client } = setup();
    server.expireAccessToken();
    const results = await Promise.all([
      client.execute(MeDocument, {}),
      client.execute(MeDocument, {}),
      client.execute(MeDocument, {}),
    ]);
    expect(results.map((result) => result.error)).toEqual([null, null, null]);
    expect(server.state.refreshCalls).toBe(1);
    expect(store.load()?.refreshToken).toBe('refresh-2');
  });

  it('lets a request that starts during a refresh wait for it instead of sending the old token', async () => {
    const { server, client } = setup();
    server.expireAccessToken();
    const first = client.execute(MeDocument, {});
    // Let the first request reach its refresh, then start another one.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const second = client.execute(MeDocument, {});
    await expect(Promise.all([first, second])).resolves.toEqual([
      expect.objectContaining({ error: null }),
      expect.objectContaining({ error: null }),
    ]);
    expect(server.state.refreshCalls).toBe(1);
    expect(server.state.requests.filter((r) => r.operation === 'Me').map((r) => r.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
      'Bearer access-2',
    ]);
  });

  it('clears the session when the refresh is refused, and does not loop', async () => {
    const { server, store, client, signedOut } = setup({ refreshFailure: 'REFRESH_TOKEN_INVALID' });
    server.expireAccessToken();
    const { data, error } = await client.execute(MeDocument, {});
    expect(data).toBeNull();
    expect(error?.code).toBe('UNAUTHENTICATED');
    expect(error?.extensions.reason).toBe('REFRESH_TOKEN_INVALID');
    expect(server.state.requests.map((r) => r.operation)).toEqual(['Me', 'RefreshSession']);
    expect(store.load()).toBeNull();
    expect(signedOut).toEqual(['REFRESH_TOKEN_INVALID']);

    // Signed out now: the next request goes out anonymous and refreshes nothing.
    const next = await client.execute(MeDocument, {});
    expect(next.error?.extensions.reason).toBe('AUTH_REQUIRED');
    expect(server.state.refreshCalls).toBe(1);
    expect(signedOut).toEqual(['REFRESH_TOKEN_INVALID']);
  });

  it('clears the session once when concurrent requests share a refused refresh', async () => {
    const { server, store, client, signedOut } = setup({ refreshFailure: 'REFRESH_TOKEN_INVALID' });
    server.expireAccessToken();
    await Promise.all([client.execute(MeDocument, {}), client.execute(MeDocument, {})]);
    expect(server.state.refreshCalls).toBe(1);
    expect(store.load()).toBeNull();
    expect(signedOut).toEqual(['REFRESH_TOKEN_INVALID']);
  });

  it('keeps the session when the refresh fails on the network', async () => {
    const { server, store, client, signedOut } = setup({ refreshFailure: 'network' });
    server.expireAccessToken();
    const { error } = await client.execute(MeDocument, {});
    expect(error?.code).toBe('NETWORK');
    expect(store.load()).toEqual(tokens(1));
    expect(signedOut).toEqual([]);
  });

  it('retries only once when the renewed token is found expired again', async () => {
    const { server, client } = setup({ alwaysExpired: true });
    const { error } = await client.execute(MeDocument, {});
    expect(error?.extensions.reason).toBe('TOKEN_EXPIRED');
    expect(server.state.requests.map((r) => r.operation)).toEqual(['Me', 'RefreshSession', 'Me']);
  });

  it('signs out when the server revoked the session', async () => {
    const { store, client, signedOut } = setup({ meFailure: 'SESSION_REVOKED' });
    const { error } = await client.execute(MeDocument, {});
    expect(error?.code).toBe('UNAUTHENTICATED');
    expect(store.load()).toBeNull();
    expect(signedOut).toEqual(['SESSION_REVOKED']);
  });

  it('keeps the session for other errors', async () => {
    const { store, client, signedOut } = setup({ meFailure: 'LOGIN_CODE_INVALID' });
    await client.execute(MeDocument, {});
    expect(store.load()).toEqual(tokens(1));
    expect(signedOut).toEqual([]);
  });
});
