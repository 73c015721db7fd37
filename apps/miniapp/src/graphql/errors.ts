import type { TransportResponse } from './transport';

/**
 * What can go wrong with a GraphQL request, as one error type with a `code` and a message fit for
 * users (Chinese), and how an HTTP answer becomes `{ data, error }`.
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

/** The result of one operation: `data` may be present (possibly partial) together with `error`. */
export interface GraphQLResult<TData> {
  data: TData | null;
  error: GraphQLClientError | null;
}

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
 * went wrong, one `GraphQLClientError` whose code is the server's `extensions.code` when it gave one.
 */
export function resultFromResponse<TData>(response: TransportResponse): GraphQLResult<TData> {
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
