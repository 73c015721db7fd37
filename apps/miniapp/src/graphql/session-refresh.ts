import type { SessionStore, SessionTokens } from '../platform/storage';
import { GraphQLClientError, messages, type GraphQLResult } from './errors';
import { RefreshSessionDocument, type TypedDocumentString } from './generated/graphql';

/**
 * The signed-in side of the client: sends the stored access token, renews an expired one once per
 * request and forgets a session the server no longer accepts.
 *
 * Refreshes are single-flight: refresh tokens rotate and work once, and the BFF revokes a session
 * whose spent refresh token is shown again, so every request that finds the access token expired (or
 * starts while a refresh runs) waits for the same `refreshSession` call.
 */

/** Sends one operation with the given access token, or anonymously with null. */
export type SendOperation = <TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  accessToken: string | null,
) => Promise<GraphQLResult<TData>>;

/** Runs one operation; never rejects. */
export type ExecuteOperation = <TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
) => Promise<GraphQLResult<TData>>;

export interface SessionOptions {
  store: SessionStore;
  /** Called once when the server ends the session (the store has been cleared already). */
  onSignedOut?: (reason: string) => void;
}

/** `extensions.reason` of an `UNAUTHENTICATED` error, or null for any other outcome. */
export function unauthenticatedReason(error: GraphQLClientError | null): string | null {
  if (!error || error.code !== 'UNAUTHENTICATED') return null;
  return typeof error.extensions.reason === 'string' ? error.extensions.reason : 'AUTH_REQUIRED';
}

/** After these the session is gone for good: the client forgets it and the user is signed out. */
export const SIGNED_OUT_REASONS: ReadonlySet<string> = new Set([
  'AUTH_REQUIRED',
  'TOKEN_INVALID',
  'SESSION_REVOKED',
  'REFRESH_TOKEN_REUSED',
  'REFRESH_TOKEN_INVALID',
]);

/** An access token the server found expired: renew it once, then retry. */
export const TOKEN_EXPIRED = 'TOKEN_EXPIRED';

interface RefreshOutcome {
  tokens: SessionTokens | null;
  error: GraphQLClientError | null;
}

/** Wraps `send` so that each operation carries the session of `session.store` and keeps it fresh. */
export function withSessionRefresh(send: SendOperation, session: SessionOptions): ExecuteOperation {
  const { store } = session;
  /** The refresh in flight, shared by every request that finds the access token expired. */
  let refreshing: Promise<RefreshOutcome> | null = null;

  /** Forgets the session `used` (unless another one replaced it meanwhile) and says so once. */
  function signOut(used: SessionTokens, reason: string): void {
    const current = store.load();
    if (!current || current.refreshToken !== used.refreshToken) return;
    store.clear();
    session.onSignedOut?.(reason);
  }

  async function runRefresh(current: SessionTokens): Promise<RefreshOutcome> {
    const result = await send(RefreshSessionDocument, { refreshToken: current.refreshToken }, null);
    const renewed = result.data?.refreshSession;
    if (renewed && !result.error) {
      const tokens: SessionTokens = {
        accessToken: renewed.accessToken,
        accessTokenExpiresAt: renewed.accessTokenExpiresAt,
        refreshToken: renewed.refreshToken,
        refreshTokenExpiresAt: renewed.refreshTokenExpiresAt,
      };
      store.save(tokens);
      return { tokens, error: null };
    }
    const error = result.error ?? new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE);
    // The server refused the refresh token (spent, revoked, expired): the session is over. A network
    // failure keeps it: the next request tries again (and a token spent meanwhile ends it then).
    if (error.code === 'UNAUTHENTICATED') signOut(current, unauthenticatedReason(error) ?? 'AUTH_REQUIRED');
    return { tokens: null, error };
  }

  /**
   * Renews the session whose access token `used` carried. Single flight: while one refresh runs,
   * every caller waits for it, because presenting a refresh token twice revokes the session.
   */
  function refreshOnce(used: SessionTokens): Promise<RefreshOutcome> {
    if (refreshing) return refreshing;
    const current = store.load();
    if (!current) {
      return Promise.resolve({
        tokens: null,
        error: new GraphQLClientError('UNAUTHENTICATED', messages.UNAUTHENTICATED),
      });
    }
    // Another request renewed it after this one was sent: use the new token as it is.
    if (current.refreshToken !== used.refreshToken) return Promise.resolve({ tokens: current, error: null });
    const running = runRefresh(current).finally(() => {
      refreshing = null;
    });
    refreshing = running;
    return running;
  }

  return async function execute<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): Promise<GraphQLResult<TData>> {
    // A refresh is running: the stored access token is expired, wait for the new one.
    if (refreshing) await refreshing;
    const tokens = store.load();
    const first = await send(document, variables, tokens?.accessToken ?? null);
    if (!tokens) return first;

    const reason = unauthenticatedReason(first.error);
    if (reason === TOKEN_EXPIRED) {
      const refreshed = await refreshOnce(tokens);
      if (!refreshed.tokens) return { data: first.data, error: refreshed.error ?? first.error };
      // Retried once: a second TOKEN_EXPIRED is returned as it is, never refreshed again (no loop).
      const retried = await send(document, variables, refreshed.tokens.accessToken);
      const retriedReason = unauthenticatedReason(retried.error);
      if (retriedReason && SIGNED_OUT_REASONS.has(retriedReason)) signOut(refreshed.tokens, retriedReason);
      return retried;
    }
    if (reason && SIGNED_OUT_REASONS.has(reason)) signOut(tokens, reason);
    return first;
  };
}
