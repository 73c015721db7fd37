import Taro from '@tarojs/taro';
import { sessionStore, type SessionStore, type SessionTokens } from '../platform/storage';
import { RefreshSessionDocument, type TypedDocumentString } from './generated/graphql';

/**
 * A small typed GraphQL client over `Taro.request` (mini-programs have no `fetch`).
 *
 * - POSTs JSON `{ query, variables, operationName }`.
 * - Maps network failures, timeouts, non-2xx answers and GraphQL `errors` into one
 *   `GraphQLClientError` with a `code` and a user-facing Chinese message.
 * - Keeps partial `data` when the server sends both `data` and `errors`.
 * - With a session store: sends `Authorization: Bearer <access token>`, renews an expired access
 *   token once per request (one refresh at a time for all requests: refresh tokens work once) and
 *   forgets a session the server no longer accepts.
 */

/** Codes produced by the client itself; any other code comes from the server's `extensions.code`. */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'HTTP' | 'BAD_RESPONSE';
export type GraphQLClientErrorCode = ClientErrorCode | (string & Record<never, never>);

/** One entry of a GraphQL response's `errors` list. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: unknown; [key: string]: unknown };
}

export interface GraphQLClientErrorOptions {
  /** HTTP status, when an HTTP answer arrived. */
  status?: number;
  /** The GraphQL `errors` of the answer, if any. */
  graphQLErrors?: readonly GraphQLErrorEntry[];
  /** Technical detail for logs (never shown to users). */
  detail?: string;
}

export class GraphQLClientError extends Error {
  readonly code: GraphQLClientErrorCode;
  readonly status: number | undefined;
  readonly graphQLErrors: readonly GraphQLErrorEntry[];
  readonly detail: string | undefined;
  /** `extensions` of the first GraphQL error (e.g. `code`, `field`, `reasons`); empty when none. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: GraphQLClientErrorCode, message: string, options: GraphQLClientErrorOptions = {}) {
    super(message);
    // Keep `instanceof` working when the class is transpiled to ES5 for mini-programs.
    Object.setPrototypeOf(this, GraphQLClientError.prototype);
    this.name = 'GraphQLClientError';
    this.code = code;
    this.status = options.status;
    this.graphQLErrors = options.graphQLErrors ?? [];
    this.detail = options.detail;
    this.extensions = this.graphQLErrors[0]?.extensions ?? {};
  }
}

export function isGraphQLClientError(value: unknown): value is GraphQLClientError {
  return value instanceof GraphQLClientError || (value instanceof Error && value.name === 'GraphQLClientError');
}

/** One reason the server refused an input (`BAD_USER_INPUT`), tied to the input field it is about. */
export interface InputErrorReason {
  /** e.g. `AGE_ABOVE_MAX`; `BAD_USER_INPUT` when the server gave only a field. */
  code: string;
  /** The argument path the server names, e.g. `input.age`; null when it names none. */
  field: string | null;
  /** User-facing message in Chinese. */
  message: string;
}

/**
 * Every input reason of a `BAD_USER_INPUT` answer: `extensions.reasons[]` when the server lists them,
 * otherwise one reason from `extensions.field` and the error's message. Empty for any other error.
 */
export function inputErrorReasons(error: GraphQLClientError): InputErrorReason[] {
  const reasons: InputErrorReason[] = [];
  for (const entry of error.graphQLErrors) {
    const extensions = entry.extensions ?? {};
    if (extensions.code !== 'BAD_USER_INPUT') continue;
    const listed = Array.isArray(extensions.reasons) ? extensions.reasons.filter(isRecord) : [];
    if (listed.length > 0) {
      for (const reason of listed) {
        reasons.push({
          code: typeof reason.code === 'string' ? reason.code : 'BAD_USER_INPUT',
          field: typeof reason.field === 'string' ? reason.field : null,
          message: typeof reason.message === 'string' ? reason.message : entry.message,
        });
      }
    } else {
      reasons.push({
        code: 'BAD_USER_INPUT',
        field: typeof extensions.field === 'string' ? extensions.field : null,
        message: entry.message,
      });
    }
  }
  return reasons;
}

/** The result of one operation: `data` may be present (possibly partial) together with `error`. */
export interface GraphQLResult<TData> {
  data: TData | null;
  error: GraphQLClientError | null;
}

/** What the transport hands back: an HTTP status and the (possibly already parsed) body. */
export interface TransportResponse {
  statusCode: number;
  body: unknown;
}

export interface TransportRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Sends one HTTP request. Rejects with a `GraphQLClientError` ('NETWORK' or 'TIMEOUT') on failure. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface GraphQLClientOptions {
  /** GraphQL endpoint URL. Defaults to `defaultEndpoint()`. */
  endpoint?: string;
  /** Request timeout in milliseconds. Default 10 s. */
  timeoutMs?: number;
  /** Extra headers before every request, or `undefined` for none. */
  getAuthHeader?: () => Record<string, string> | undefined | Promise<Record<string, string> | undefined>;
  /**
   * The signed-in session: its access token goes into `Authorization`, and the client refreshes and
   * clears it (see `SIGNED_OUT_REASONS`). Without it, requests are anonymous.
   */
  session?: {
    store: SessionStore;
    /** Called once when the server ends the session (the store has been cleared already). */
    onSignedOut?: (reason: string) => void;
  };
  /** Replaces `Taro.request`, e.g. in tests. */
  transport?: Transport;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export const messages = {
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '请求超时，请稍后重试',
  HTTP: '服务暂时不可用，请稍后重试',
  BAD_RESPONSE: '服务返回的数据有误，请稍后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  UPSTREAM_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  CONFLICT: '该账号已被绑定',
  FORBIDDEN: '没有权限进行此操作',
  BAD_USER_INPUT: '请求参数有误',
  GRAPHQL_VALIDATION_FAILED: '请求有误，请升级到最新版本',
  DEFAULT: '服务出错了，请稍后重试',
} as const;

/**
 * The endpoint for the current platform: the H5 build is served by the BFF itself, so it uses the
 * same-origin relative `/graphql`; mini-programs need an absolute URL from `TARO_APP_API_URL`.
 */
export function defaultEndpoint(): string {
  if (process.env.TARO_ENV === 'h5') return '/graphql';
  return process.env.TARO_APP_API_URL ?? 'http://localhost:3000/graphql';
}

const CJK = /[\u4e00-\u9fff]/;

/** A message fit for users: the server's own message when it is Chinese, else one by code. */
function userMessageFor(code: string, serverMessage: string | undefined): string {
  if (serverMessage && CJK.test(serverMessage)) return serverMessage;
  if (code in messages) return messages[code as keyof typeof messages];
  return messages.DEFAULT;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toErrorEntries(value: unknown): GraphQLErrorEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((item): GraphQLErrorEntry => {
    if (!isRecord(item)) return { message: String(item) };
    const entry: GraphQLErrorEntry = { message: typeof item.message === 'string' ? item.message : '' };
    if (Array.isArray(item.path)) {
      entry.path = item.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    }
    if (isRecord(item.extensions)) entry.extensions = item.extensions;
    return entry;
  });
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (isRecord(value) && typeof value.errMsg === 'string') return value.errMsg;
  if (isRecord(value) && typeof value.errorMessage === 'string') return value.errorMessage;
  return String(value);
}

/** The default transport: `Taro.request`, with a timer as a safety net around the platform timeout. */
export const taroTransport: Transport = ({ url, body, headers, timeoutMs }) =>
  new Promise<TransportResponse>((resolve, reject) => {
    let settled = false;
    // Declared first: some platforms call `success`/`fail` synchronously.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      fn();
    };
    const timeoutError = (): GraphQLClientError =>
      new GraphQLClientError('TIMEOUT', messages.TIMEOUT, { detail: `no answer within ${timeoutMs} ms` });

    const task = Taro.request<unknown, string>({
      url,
      method: 'POST',
      data: body,
      header: headers,
      timeout: timeoutMs,
      dataType: 'json',
      success: (res) => finish(() => resolve({ statusCode: res.statusCode, body: res.data })),
      fail: (err) =>
        finish(() => {
          const detail = describe(err);
          reject(
            /timeout|timed out|超时/i.test(detail)
              ? timeoutError()
              : new GraphQLClientError('NETWORK', messages.NETWORK, { detail }),
          );
        }),
    });
    // `success`/`fail` settle the promise; swallow the task's own rejection to avoid an unhandled one.
    task.catch(() => undefined);

    if (settled) return;
    timer = setTimeout(() => {
      finish(() => reject(timeoutError()));
      try {
        task.abort();
      } catch {
        // Aborting is best effort.
      }
    }, timeoutMs + 500);
  });

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

export interface GraphQLClient {
  /**
   * Runs an operation. Never rejects: failures come back as `error`, and `data` holds whatever
   * the server answered (possibly partial, possibly null).
   */
  execute<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): Promise<GraphQLResult<TData>>;
  /** Like `execute`, but rejects with `GraphQLClientError` unless the answer had data and no errors. */
  request<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: TVariables): Promise<TData>;
}

/** `query Products(...)` → `Products` */
function operationNameOf(query: string): string | undefined {
  const match = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query);
  return match?.[1];
}

export function createGraphQLClient(options: GraphQLClientOptions = {}): GraphQLClient {
  const transport = options.transport ?? taroTransport;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const session = options.session;
  /** The refresh in flight, shared by every request that finds the access token expired. */
  let refreshing: Promise<RefreshOutcome> | null = null;

  /** One HTTP round trip, with the given access token (or none). */
  async function send<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
    accessToken: string | null,
  ): Promise<GraphQLResult<TData>> {
    const query = document.toString();
    const url = options.endpoint ?? defaultEndpoint();
    try {
      const authHeaders = options.getAuthHeader ? await options.getAuthHeader() : undefined;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...authHeaders,
        ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
      };
      const body = JSON.stringify({ query, variables, operationName: operationNameOf(query) });
      const response = await transport({ url, body, headers, timeoutMs });
      const payload = parseBody(response.body);
      const ok = response.statusCode >= 200 && response.statusCode < 300;

      // GraphQL-over-HTTP servers may answer 4xx/5xx with a GraphQL body: prefer its errors.
      const hasGraphQLBody = isRecord(payload) && ('data' in payload || 'errors' in payload);
      if (!ok && !hasGraphQLBody) {
        return {
          data: null,
          error: new GraphQLClientError('HTTP', messages.HTTP, {
            status: response.statusCode,
            detail: `HTTP ${response.statusCode}`,
          }),
        };
      }
      if (!isRecord(payload) || !hasGraphQLBody) {
        return {
          data: null,
          error: new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE, {
            status: response.statusCode,
            detail: 'the answer is not a GraphQL response',
          }),
        };
      }

      const data = isRecord(payload.data) ? (payload.data as TData) : null;
      const graphQLErrors = toErrorEntries(payload.errors);
      if (graphQLErrors.length > 0) {
        const first = graphQLErrors[0];
        const serverCode = first?.extensions?.code;
        const code = typeof serverCode === 'string' && serverCode !== '' ? serverCode : ok ? 'GRAPHQL' : 'HTTP';
        return {
          data,
          error: new GraphQLClientError(code, userMessageFor(code, first?.message), {
            status: response.statusCode,
            graphQLErrors,
            detail: graphQLErrors.map((e) => e.message).join('; '),
          }),
        };
      }
      if (data === null) {
        return {
          data: null,
          error: new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE, {
            status: response.statusCode,
            detail: 'the answer has neither data nor errors',
          }),
        };
      }
      return { data, error: null };
    } catch (error) {
      if (isGraphQLClientError(error)) return { data: null, error };
      return {
        data: null,
        error: new GraphQLClientError('NETWORK', messages.NETWORK, { detail: describe(error) }),
      };
    }
  }

  /** Forgets the session `used` (unless another one replaced it meanwhile) and says so once. */
  function signOut(store: SessionStore, used: SessionTokens, reason: string): void {
    const current = store.load();
    if (!current || current.refreshToken !== used.refreshToken) return;
    store.clear();
    session?.onSignedOut?.(reason);
  }

  async function runRefresh(store: SessionStore, current: SessionTokens): Promise<RefreshOutcome> {
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
    if (error.code === 'UNAUTHENTICATED') signOut(store, current, unauthenticatedReason(error) ?? 'AUTH_REQUIRED');
    return { tokens: null, error };
  }

  /**
   * Renews the session whose access token `used` carried. Single flight: while one refresh runs,
   * every caller waits for it, because presenting a refresh token twice revokes the session.
   */
  function refreshOnce(store: SessionStore, used: SessionTokens): Promise<RefreshOutcome> {
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
    const running = runRefresh(store, current).finally(() => {
      refreshing = null;
    });
    refreshing = running;
    return running;
  }

  async function execute<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): Promise<GraphQLResult<TData>> {
    if (!session) return send(document, variables, null);
    const { store } = session;
    // A refresh is running: the stored access token is expired, wait for the new one.
    if (refreshing) await refreshing;
    const tokens = store.load();
    const first = await send(document, variables, tokens?.accessToken ?? null);
    if (!tokens) return first;

    const reason = unauthenticatedReason(first.error);
    if (reason === TOKEN_EXPIRED) {
      const refreshed = await refreshOnce(store, tokens);
      if (!refreshed.tokens) return { data: first.data, error: refreshed.error ?? first.error };
      // Retried once: a second TOKEN_EXPIRED is returned as it is, never refreshed again (no loop).
      const retried = await send(document, variables, refreshed.tokens.accessToken);
      const retriedReason = unauthenticatedReason(retried.error);
      if (retriedReason && SIGNED_OUT_REASONS.has(retriedReason)) signOut(store, refreshed.tokens, retriedReason);
      return retried;
    }
    if (reason && SIGNED_OUT_REASONS.has(reason)) signOut(store, tokens, reason);
    return first;
  }

  async function request<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const result = await execute(document, variables);
    if (result.error) throw result.error;
    if (result.data === null) throw new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE);
    return result.data;
  }

  return { execute, request };
}

/** The app-wide client, carrying the session kept in Taro storage. */
export const graphqlClient = createGraphQLClient({ session: { store: sessionStore } });
