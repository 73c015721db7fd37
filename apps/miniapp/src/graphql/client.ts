import { sessionStore } from '../platform/storage';
import {
  describeFailure,
  GraphQLClientError,
  isGraphQLClientError,
  messages,
  resultFromResponse,
  type GraphQLResult,
} from './errors';
import { takeSettledFirstScreenAnswer } from './first-screen';
import type { TypedDocumentString } from './generated/graphql';
import { withSessionRefresh, type ExecuteOperation, type SendOperation, type SessionOptions } from './session-refresh';
import { taroTransport, type Transport, type TransportResponse } from './transport';

/**
 * A small typed GraphQL client, composed of:
 *
 * - `transport.ts`: the HTTP POST over `Taro.request` (mini-programs have no `fetch`);
 * - `errors.ts`: network failures, timeouts, non-2xx answers and GraphQL `errors` mapped into one
 *   `GraphQLClientError` with a `code` and a Chinese message; partial `data` is kept;
 * - `session-refresh.ts`: with a session store, `Authorization: Bearer <access token>`, one shared
 *   refresh of an expired access token, and sign-out when the server ends the session.
 *
 * Trusted documents (docs/decisions/012-trusted-documents.md): a generated document carries the
 * sha256 of its text (`__meta__.hash`), and the client sends only that hash, as
 * `extensions.persistedQuery` (Apollo's automatic persisted queries, version 1), without the text.
 * Should the server not know the hash (`PERSISTED_QUERY_NOT_FOUND`: a BFF built from older
 * documents), the request is sent once more with the text beside the hash; a production BFF still
 * refuses a document it does not trust.
 *
 * With `getQueries` (the app-wide client), an anonymous query by hash is sent as GET, its parameters in the URL (GraphQL over HTTP allows GET
 * for queries): the BFF answers a response-cache hit from the URL alone, before reading anything
 * else (docs/decisions/013-early-response-cache.md). Mutations, signed-in requests and requests
 * carrying the text are POSTed.
 */

export interface GraphQLClientOptions {
  /** GraphQL endpoint URL. Defaults to `defaultEndpoint()`. */
  endpoint?: string;
  /** Request timeout in milliseconds. Default 10 s. */
  timeoutMs?: number;
  /** Extra headers before every request, or `undefined` for none. */
  getAuthHeader?: () => Record<string, string> | undefined | Promise<Record<string, string> | undefined>;
  /**
   * The signed-in session: its access token goes into `Authorization`, and the client refreshes and
   * clears it (see `session-refresh.ts`). Without it, requests are anonymous.
   */
  session?: SessionOptions;
  /** Replaces `Taro.request`, e.g. in tests. */
  transport?: Transport;
  /**
   * Send anonymous queries by hash as GET (the app-wide client does): a cached answer is then found
   * from the URL alone. Default false: everything is POSTed.
   */
  getQueries?: boolean;
  /**
   * An answer already received for a GET URL, taken when `accept` takes it (`settled`). Defaults to
   * H5's first screen (the request index.html started: graphql/first-screen.ts); replaced in tests.
   */
  takeSettledAnswer?: (url: string, accept: (response: TransportResponse) => boolean) => TransportResponse | undefined;
}

export interface GraphQLClient {
  /**
   * Runs an operation. Never rejects: failures come back as `error`, and `data` holds whatever
   * the server answered (possibly partial, possibly null).
   */
  execute: ExecuteOperation;
  /** Like `execute`, but rejects with `GraphQLClientError` unless the answer had data and no errors. */
  request<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: TVariables): Promise<TData>;
  /**
   * The answer to an anonymous query that is already here, without waiting, or undefined: on H5 the
   * home page's first products page, when index.html's request for it has completed before the page
   * renders. Only an answer with data and no error is taken (anything else stays for `execute`, which
   * handles it as usual); once taken, it is gone, and `execute` sends a new request.
   */
  settled<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): GraphQLResult<TData> | undefined;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The endpoint for the current platform: the H5 build is served by the BFF itself, so it uses the
 * same-origin relative `/graphql`; mini-programs need an absolute URL, `TARO_APP_API_URL`, set at
 * build time (.env.development for development builds; a release build stops without an https one,
 * see config/release-url.ts).
 */
export function defaultEndpoint(): string {
  if (process.env.TARO_ENV === 'h5') return '/graphql';
  return process.env.TARO_APP_API_URL ?? '';
}

export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

/** Longest URL sent as GET; a longer one (large variables) is POSTed. */
export const MAX_GET_URL_LENGTH = 2000;

/**
 * The GET URL of an anonymous query by hash (`operationName`, `variables`, `extensions` as JSON in
 * the query string, in that order, so equal requests have equal URLs), or null when it must be POSTed.
 */
export function getUrlOf(
  endpoint: string,
  query: string,
  operationName: string | undefined,
  variables: unknown,
  extensions: unknown,
): string | null {
  if (!/^\s*query\b/.test(query)) return null;
  const parameters = [
    ...(operationName ? [`operationName=${encodeURIComponent(operationName)}`] : []),
    `variables=${encodeURIComponent(JSON.stringify(variables ?? {}))}`,
    `extensions=${encodeURIComponent(JSON.stringify(extensions))}`,
  ];
  const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}${parameters.join('&')}`;
  return url.length <= MAX_GET_URL_LENGTH ? url : null;
}

/** The sha256 of the document's text, as codegen put it in `__meta__`; undefined for a hand-made one. */
export function documentHashOf<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
): string | undefined {
  const hash = document.__meta__?.hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** `query Products(...)` → `Products` */
function operationNameOf(query: string): string | undefined {
  const match = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query);
  return match?.[1];
}

/** The `extensions` of a request by hash (Apollo's persisted-query extension, version 1). */
function persistedQueryExtensions(hash: string): { persistedQuery: { version: number; sha256Hash: string } } {
  return { persistedQuery: { version: 1, sha256Hash: hash } };
}

/** A GET has no body, so no content type. */
function withoutContentType(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
}

export function createGraphQLClient(options: GraphQLClientOptions = {}): GraphQLClient {
  const transport = options.transport ?? taroTransport;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** One HTTP round trip, with the given access token (or none). */
  const send: SendOperation = async <TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
    accessToken: string | null,
  ): Promise<GraphQLResult<TData>> => {
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
      const operationName = operationNameOf(query);
      const hash = documentHashOf(document);
      if (hash === undefined) {
        const body = JSON.stringify({ query, variables, operationName });
        return resultFromResponse<TData>(await transport({ url, body, headers, timeoutMs }));
      }
      const extensions = persistedQueryExtensions(hash);
      const anonymous = !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
      const getUrl =
        options.getQueries && anonymous ? getUrlOf(url, query, operationName, variables, extensions) : null;
      const byHash = resultFromResponse<TData>(
        await transport(
          getUrl !== null
            ? { url: getUrl, method: 'GET', body: '', headers: withoutContentType(headers), timeoutMs }
            : { url, body: JSON.stringify({ variables, operationName, extensions }), headers, timeoutMs },
        ),
      );
      if (byHash.error?.code !== PERSISTED_QUERY_NOT_FOUND) return byHash;
      const body = JSON.stringify({ query, variables, operationName, extensions });
      return resultFromResponse<TData>(await transport({ url, body, headers, timeoutMs }));
    } catch (error) {
      if (isGraphQLClientError(error)) return { data: null, error };
      return {
        data: null,
        error: new GraphQLClientError('NETWORK', messages.NETWORK, { detail: describeFailure(error) }),
      };
    }
  };

  const execute: ExecuteOperation = options.session
    ? withSessionRefresh(send, options.session)
    : (document, variables) => send(document, variables, null);

  async function request<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const result = await execute(document, variables);
    if (result.error) throw result.error;
    if (result.data === null) throw new GraphQLClientError('BAD_RESPONSE', messages.BAD_RESPONSE);
    return result.data;
  }

  const takeSettledAnswer = options.takeSettledAnswer ?? takeSettledFirstScreenAnswer;
  function settled<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
  ): GraphQLResult<TData> | undefined {
    // Only what `send` would ask by GET: anonymous (no session, no extra headers) and by hash.
    if (!options.getQueries || options.getAuthHeader || options.session?.store.load()) return undefined;
    const hash = documentHashOf(document);
    if (hash === undefined) return undefined;
    const query = document.toString();
    const url = options.endpoint ?? defaultEndpoint();
    const getUrl = getUrlOf(url, query, operationNameOf(query), variables, persistedQueryExtensions(hash));
    if (getUrl === null) return undefined;
    let result: GraphQLResult<TData> | undefined;
    takeSettledAnswer(getUrl, (response) => {
      const candidate = resultFromResponse<TData>(response);
      if (candidate.error !== null || candidate.data === null) return false;
      result = candidate;
      return true;
    });
    return result;
  }

  return { execute, request, settled };
}

/** The app-wide client, carrying the session kept in Taro storage. */
export const graphqlClient = createGraphQLClient({ session: { store: sessionStore }, getQueries: true });
