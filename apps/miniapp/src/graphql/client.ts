import Taro from '@tarojs/taro';
import type { TypedDocumentString } from './generated/graphql';

/**
 * A small typed GraphQL client over `Taro.request` (mini-programs have no `fetch`).
 *
 * - POSTs JSON `{ query, variables, operationName }`.
 * - Maps network failures, timeouts, non-2xx answers and GraphQL `errors` into one
 *   `GraphQLClientError` with a `code` and a user-facing Chinese message.
 * - Keeps partial `data` when the server sends both `data` and `errors`.
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
  /**
   * Hook point for authentication (not built yet): return extra headers, e.g.
   * `{ Authorization: 'Bearer <session token>' }`, or `undefined` for none. Called before every request.
   */
  getAuthHeader?: () => Record<string, string> | undefined | Promise<Record<string, string> | undefined>;
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

  async function execute<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): Promise<GraphQLResult<TData>> {
    const query = document.toString();
    const url = options.endpoint ?? defaultEndpoint();
    try {
      const authHeaders = options.getAuthHeader ? await options.getAuthHeader() : undefined;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...authHeaders,
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

/** The app-wide client. Attach a session token later via `getAuthHeader`. */
export const graphqlClient = createGraphQLClient();
