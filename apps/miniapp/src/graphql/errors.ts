import type { TransportResponse } from './transport';

/**
 * What can go wrong with a GraphQL request, as one error type with a `code` and a message fit for
 * users (Chinese), and how an HTTP answer becomes `{ data, error }`.
 */

/**
 * Codes produced by the client itself (the last three from the HTTP status: 400, 413, 429); any other
 * code comes from the server's `extensions.code`.
 */
export type ClientErrorCode =
  'NETWORK' | 'TIMEOUT' | 'HTTP' | 'BAD_RESPONSE' | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'TOO_MANY_REQUESTS';
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
  /** Seconds to wait before trying again; by default the first GraphQL error's `extensions.retryAfterSeconds`. */
  retryAfterSeconds?: number | null;
}

export class GraphQLClientError extends Error {
  readonly code: GraphQLClientErrorCode;
  readonly status: number | undefined;
  readonly graphQLErrors: readonly GraphQLErrorEntry[];
  readonly detail: string | undefined;
  /** `extensions` of the first GraphQL error (e.g. `code`, `field`, `reasons`); empty when none. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /**
   * Seconds to wait before trying again, when the server said (HTTP 429 `retry-after`, or
   * `extensions.retryAfterSeconds`); null otherwise.
   */
  readonly retryAfterSeconds: number | null;

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
    this.retryAfterSeconds =
      options.retryAfterSeconds !== undefined
        ? options.retryAfterSeconds
        : positiveSeconds(this.extensions.retryAfterSeconds);
  }
}

export function isGraphQLClientError(value: unknown): value is GraphQLClientError {
  return value instanceof GraphQLClientError || (value instanceof Error && value.name === 'GraphQLClientError');
}

/** The result of one operation: `data` may be present (possibly partial) together with `error`. */
export interface GraphQLResult<TData> {
  data: TData | null;
  error: GraphQLClientError | null;
}

/** A positive number of seconds, rounded up; null for anything else. */
function positiveSeconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

export const messages = {
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '请求超时，请稍后重试',
  HTTP: '服务暂时不可用，请稍后重试',
  BAD_RESPONSE: '服务返回的数据有误，请稍后重试',
  BAD_REQUEST: '请求有误，请升级到最新版本后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过多，请精简后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  UPSTREAM_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  CONFLICT: '该账号已被绑定',
  FORBIDDEN: '没有权限进行此操作',
  BAD_USER_INPUT: '请求参数有误',
  GRAPHQL_VALIDATION_FAILED: '请求有误，请升级到最新版本',
  DEFAULT: '服务出错了，请稍后重试',
} as const;

const CJK = /[\u4e00-\u9fff]/;

/** 45 → "45 秒", 600 → "10 分钟" */
function formatWait(seconds: number): string {
  return seconds <= 90 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** A message fit for users: the server's own message when it is Chinese, else one by code. */
function userMessageFor(code: string, serverMessage: string | undefined, retryAfterSeconds: number | null): string {
  if (serverMessage && CJK.test(serverMessage)) return serverMessage;
  if (code === 'TOO_MANY_REQUESTS' && retryAfterSeconds !== null) {
    return `操作过于频繁，请 ${formatWait(retryAfterSeconds)}后再试`;
  }
  if (code in messages) return messages[code as keyof typeof messages];
  return messages.DEFAULT;
}

/** The code an HTTP status stands for, when the answer is not a success. */
function codeForStatus(status: number): ClientErrorCode {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  return 'HTTP';
}

/** 413 and 429 say what happened whatever the body says; otherwise the server's code is more precise. */
function errorCode(status: number, serverCode: string | null): string {
  if (status >= 200 && status < 300) return serverCode ?? 'GRAPHQL';
  if (status === 413 || status === 429) return codeForStatus(status);
  return serverCode ?? codeForStatus(status);
}

/** A response header, whatever the case of its name (WeChat keeps the server's, H5 lower-cases). */
function headerValue(headers: TransportResponse['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** `retry-after` as seconds from `now`: either delta-seconds or an HTTP date; null when absent or past. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return positiveSeconds(Number(text));
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : positiveSeconds((date - now) / 1000);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A failure's text for logs: an Error's message, or a platform's `errMsg` / `errorMessage`. */
export function describeFailure(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (isRecord(value) && typeof value.errMsg === 'string') return value.errMsg;
  if (isRecord(value) && typeof value.errorMessage === 'string') return value.errorMessage;
  return String(value);
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

/**
 * Turns an HTTP answer into the operation's result: its `data` (possibly partial) and, when anything
 * went wrong, one `GraphQLClientError`:
 *
 * - 2xx with GraphQL `errors`: the server's `extensions.code` (`GRAPHQL` when it gave none);
 * - 413 and 429: `PAYLOAD_TOO_LARGE` and `TOO_MANY_REQUESTS` whatever the body says, with the seconds
 *   of `retry-after` (or `extensions.retryAfterSeconds`) in `retryAfterSeconds` and the message;
 * - any other non-2xx: the server's `extensions.code` when the body is a GraphQL answer (e.g. a 400
 *   `GRAPHQL_VALIDATION_FAILED`), else `BAD_REQUEST` for 400 and `HTTP` for the rest.
 *
 * The message is the server's when it is Chinese, else one of `messages`.
 */
export function resultFromResponse<TData>(response: TransportResponse, now: number = Date.now()): GraphQLResult<TData> {
  const status = response.statusCode;
  const ok = status >= 200 && status < 300;
  const payload = parseBody(response.body);
  // GraphQL-over-HTTP servers answer 4xx/5xx with a GraphQL body too: prefer its errors.
  const graphQLBody = isRecord(payload) && ('data' in payload || 'errors' in payload) ? payload : null;

  if (ok && graphQLBody === null) {
    return {
      data: null,
      error: new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE, {
        status,
        detail: 'the answer is not a GraphQL response',
      }),
    };
  }

  const data = graphQLBody && isRecord(graphQLBody.data) ? (graphQLBody.data as TData) : null;
  const graphQLErrors = toErrorEntries(graphQLBody?.errors);
  const first = graphQLErrors[0];
  if (ok && first === undefined) {
    if (data !== null) return { data, error: null };
    return {
      data: null,
      error: new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE, {
        status,
        detail: 'the answer has neither data nor errors',
      }),
    };
  }

  const serverCode =
    typeof first?.extensions?.code === 'string' && first.extensions.code !== '' ? first.extensions.code : null;
  const code = errorCode(status, serverCode);
  const retryAfterSeconds =
    parseRetryAfter(headerValue(response.headers, 'retry-after'), now) ??
    positiveSeconds(first?.extensions?.retryAfterSeconds);
  const detail = [
    ok ? null : `HTTP ${status}`,
    graphQLErrors.length > 0 ? graphQLErrors.map((e) => e.message).join('; ') : null,
  ]
    .filter((part): part is string => part !== null)
    .join(': ');
  return {
    data,
    error: new GraphQLClientError(code, userMessageFor(code, first?.message, retryAfterSeconds), {
      status,
      graphQLErrors,
      detail,
      retryAfterSeconds,
    }),
  };
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
