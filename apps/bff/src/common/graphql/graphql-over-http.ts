import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { EarlyAnswer } from '../http/before-fastify.js';
import { logger } from '../logger.js';
import { finishBeforeAnswer, statementsInRequest } from '../request-context.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { formatGraphQLError, requestErrorsOf } from './graphql-error.formatter.js';
import { LIMIT_ERROR_CODES, QUERY_LIMITS, countTokens, tokenLimitError } from './query-limits.js';
import {
  type CachedAnswer,
  type ResponseCache,
  etagOf,
  matchesIfNoneMatch,
  negotiateContentCoding,
  type Representation,
  representationOf,
} from './response-cache.js';
import type { RateDecision } from '../rate-limit/rate-limiter.js';
import { SHA256_HEX, sha256Hex, type TrustedDocuments } from './trusted-documents.js';

/**
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/), in front of Mercurius'
 * parser, validation cache and JIT executor (`reply.graphql`). Mercurius' own routes answer every
 * response as application/json, refuse a null `extensions` and type error paths as strings; this
 * layer negotiates the media type, checks the request parameters, and picks the status codes the
 * specification asks for (test/graphql-over-http.int-spec.ts runs graphql-http's audits against it).
 *
 * Status codes: a request that cannot be read (bad JSON, bad parameters) is 400; one that fails
 * parsing or validation is 400 for `application/graphql-response+json` and 200 for legacy
 * `application/json` (which the spec asks, as an intermediary's 4xx could pose as a GraphQL answer).
 * Refusals of server policy — query limits, body size (413), request rate (429) — are 4xx for both
 * media types: they are not about the document's validity, and clients must not retry them blindly.
 *
 * Trusted documents (trusted-documents.ts, docs/decisions/012-trusted-documents.md): before anything
 * is parsed, `extensions.persistedQuery.sha256Hash` is resolved from the manifest, and in `enforce`
 * mode a document outside it is refused. These refusals are 400 for both media types, as policy:
 * `PERSISTED_QUERY_NOT_FOUND` (a hash without text that the manifest does not hold: the client may
 * send the text beside it), `PERSISTED_QUERY_HASH_MISMATCH` (text and hash disagree) and
 * `UNTRUSTED_DOCUMENT` (enforce: a text whose hash the manifest does not hold).
 */

export const GRAPHQL_PATH = '/graphql';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const JSON_MEDIA = 'application/json';
type MediaType = typeof GRAPHQL_RESPONSE | typeof JSON_MEDIA;

export interface GraphQLHttpOptions {
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  readonly rateLimiter: RateLimiter;
  readonly requestsPerIpPerMinute: number;
  /** Outside development (see FormatOptions). */
  readonly strict: boolean;
  /** Answer `x-db-statements` (SQL statements the request ran): everywhere but production. */
  readonly countStatements: boolean;
  /** The client's documents; none given: `allow` with an empty manifest. */
  readonly trustedDocuments?: TrustedDocuments;
  /** Answers of anonymous public queries of the manifest (response-cache.ts); none: nothing kept. */
  readonly responseCache?: ResponseCache;
}

/** The parameters as the request gives them: the text, a persisted query's hash, or both. */
interface GraphQLParameters {
  readonly query?: string;
  /** `extensions.persistedQuery.sha256Hash` (version 1). */
  readonly sha256Hash?: string;
  readonly operationName?: string;
  readonly variables?: Record<string, unknown>;
}

/** The document to run, resolved and (in enforce mode) trusted. */
interface ResolvedDocument {
  readonly query: string;
  /** sha256 of the text: from the manifest, or computed when the text came without a hash. */
  readonly hash: () => string;
  /** A public query of the manifest: its anonymous answer may come from the response cache. */
  readonly publicQuery: boolean;
}

interface ExecutionAnswer {
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
  extensions?: unknown;
}

type GraphQLReply = FastifyReply & {
  graphql(
    source: string,
    context: Record<string, unknown>,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): Promise<ExecutionAnswer>;
};

/** An answer that is not an execution result: HTTP status and errors only. */
class HttpRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const mediaTypeMemo = new Map<string, MediaType | null>();

/** The media type to answer in, from the Accept header; null when the client accepts neither. */
export function negotiateMediaType(accept: string | undefined): MediaType | null {
  // No Accept header: the spec asks to assume application/json.
  if (!accept || accept.trim() === '') return JSON_MEDIA;
  const known = mediaTypeMemo.get(accept);
  if (known !== undefined) return known;
  const mediaType = negotiate(accept);
  // Clients send a handful of Accept headers: remembered, within a bound.
  if (mediaTypeMemo.size < 256) mediaTypeMemo.set(accept, mediaType);
  return mediaType;
}

function negotiate(accept: string): MediaType | null {
  const ranges = accept.split(',').map((part) => {
    const [type, ...parameters] = part.trim().toLowerCase().split(';');
    const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    return { type: type.trim(), quality: quality === undefined ? 1 : Number(quality) };
  });
  const accepted = (type: string): number =>
    Math.max(0, ...ranges.filter((range) => range.type === type).map((range) => range.quality));
  const graphqlResponse = accepted(GRAPHQL_RESPONSE);
  const json = Math.max(accepted(JSON_MEDIA), accepted('application/*'), accepted('*/*'));
  if (graphqlResponse > 0 && graphqlResponse >= json) return GRAPHQL_RESPONSE;
  if (json > 0) return JSON_MEDIA;
  return null;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request parameters, checked; a HttpRefusal (400) names what is wrong. */
export function readParameters(body: unknown): GraphQLParameters {
  const invalid = (message: string): HttpRefusal => new HttpRefusal(400, 'BAD_REQUEST', message);
  if (!isMap(body)) throw invalid('请求体须为 JSON 对象（不支持批量请求）');
  const { query, operationName, variables, extensions } = body;
  if (extensions !== undefined && extensions !== null && !isMap(extensions)) throw invalid('extensions 参数须为对象');
  const persisted = isMap(extensions) ? extensions.persistedQuery : undefined;
  let sha256Hash: string | undefined;
  if (persisted !== undefined && persisted !== null) {
    if (!isMap(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string')
      throw invalid('extensions.persistedQuery 须为 { version: 1, sha256Hash }');
    if (!SHA256_HEX.test(persisted.sha256Hash)) throw invalid('sha256Hash 须为 64 位小写十六进制');
    sha256Hash = persisted.sha256Hash;
  }
  const hasQuery = query !== undefined && query !== null;
  if (hasQuery ? typeof query !== 'string' || query.trim() === '' : sha256Hash === undefined)
    throw invalid('缺少 query 参数，或它不是字符串');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    throw invalid('operationName 参数须为字符串');
  if (variables !== undefined && variables !== null && !isMap(variables)) throw invalid('variables 参数须为对象');
  return {
    ...(typeof query === 'string' ? { query } : {}),
    ...(sha256Hash !== undefined ? { sha256Hash } : {}),
    ...(typeof operationName === 'string' ? { operationName } : {}),
    ...(isMap(variables) ? { variables } : {}),
  };
}

const NO_DOCUMENTS: TrustedDocuments = { mode: 'allow', byHash: new Map() };

/** The document a request runs, or a HttpRefusal (400) when it is unknown or not trusted. */
export function resolveDocument(
  parameters: GraphQLParameters,
  trusted: TrustedDocuments = NO_DOCUMENTS,
): ResolvedDocument {
  const { query, sha256Hash } = parameters;
  if (sha256Hash !== undefined) {
    const known = trusted.byHash.get(sha256Hash);
    if (query === undefined) {
      if (known === undefined)
        throw new HttpRefusal(400, 'PERSISTED_QUERY_NOT_FOUND', '未知的查询哈希（persistedQuery），请附上查询文本');
      return { query: known, hash: () => sha256Hash, publicQuery: trusted.publicQueries?.has(sha256Hash) ?? false };
    }
    if (known !== undefined ? known !== query : sha256Hex(query) !== sha256Hash)
      throw new HttpRefusal(400, 'PERSISTED_QUERY_HASH_MISMATCH', '查询文本与其哈希不符');
    if (known === undefined && trusted.mode === 'enforce')
      throw new HttpRefusal(400, 'UNTRUSTED_DOCUMENT', '此查询不在客户端的可信文档清单中');
    return {
      query,
      hash: () => sha256Hash,
      publicQuery: known !== undefined && (trusted.publicQueries?.has(sha256Hash) ?? false),
    };
  }
  // Text only: trusted when its hash is in the manifest (computed once, on demand in allow mode).
  const text = query as string;
  let hash: string | undefined;
  const hashOf = (): string => (hash ??= sha256Hex(text));
  if (trusted.mode === 'enforce' && !trusted.byHash.has(hashOf()))
    throw new HttpRefusal(400, 'UNTRUSTED_DOCUMENT', '此查询不在客户端的可信文档清单中');
  // In allow mode a text's hash is not computed just to find it cacheable: the client sends hashes.
  return {
    query: text,
    hash: hashOf,
    publicQuery: trusted.mode === 'enforce' && (trusted.publicQueries?.has(hashOf()) ?? false),
  };
}

/** A GET request's parameters: variables and extensions come as JSON strings. */
function readQueryString(query: Record<string, unknown>): GraphQLParameters {
  const decode = (name: string): unknown => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new HttpRefusal(400, 'BAD_REQUEST', `${name} 参数须为 JSON 字符串`);
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new HttpRefusal(400, 'BAD_REQUEST', `${name} 参数不是有效的 JSON`);
    }
  };
  return readParameters({
    query: query.query,
    operationName: query.operationName,
    variables: decode('variables'),
    extensions: decode('extensions'),
  });
}

/**
 * Cache-Control of an answer that is not a public, cached one: it may hold a person's data (or be
 * about one request), so no cache, shared or the browser's, stores it.
 */
const NOT_STORED = 'no-store';
/**
 * Cache-Control of a cached public answer: any cache may keep it but must ask again before using it,
 * which costs a 304 (the ETag) and keeps the BFF's version rule (a catalogue change drops the answer).
 */
const PUBLIC_REVALIDATED = 'public, no-cache';

function send(reply: FastifyReply, mediaType: MediaType, statusCode: number, body: ExecutionAnswer): FastifyReply {
  return reply
    .code(statusCode)
    .header('content-type', `${mediaType}; charset=utf-8`)
    .header('vary', 'accept')
    .header('cache-control', NOT_STORED)
    .send(JSON.stringify(body));
}

/** Vary of a cached answer: it depends on the media type, the content coding and being anonymous. */
const CACHED_VARY = 'accept, accept-encoding, authorization';
/** Headers of a miss that differ per request or per representation: not kept with the answer. */
const PER_REQUEST_HEADERS = new Set([
  'x-request-id',
  'content-length',
  'content-encoding',
  'etag',
  'x-response-cache',
  'x-db-statements',
]);

/**
 * The form of a cached answer in the content coding the client accepts (made on first use), with
 * what making it added counted against the cache's bound.
 */
function formFor(
  answer: CachedAnswer,
  acceptEncoding: string | undefined,
  cache: ResponseCache,
  key: string,
): Representation {
  const before = answer.size;
  const form = representationOf(answer, negotiateContentCoding(acceptEncoding));
  cache.grew(key, answer, before);
  return form;
}

/**
 * A public answer as bytes, with its ETag, in the content coding the client prefers (br, gzip, or
 * none); 304 without a body when the client already holds that form. The headers are the same
 * whether the answer comes from the handler or is answered early (`writeHit`).
 */
function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  state: 'hit' | 'miss',
  cache: ResponseCache,
  key: string,
): FastifyReply {
  const form = formFor(answer, request.headers['accept-encoding'], cache, key);
  void reply.headers(answer.headers).header('etag', form.etag).header('x-response-cache', state);
  if (matchesIfNoneMatch(request.headers['if-none-match'], form.etag)) return reply.code(304).send();
  if (form.coding !== 'identity') void reply.header('content-encoding', form.coding);
  return reply.code(200).send(form.body);
}

/** The headers a cached answer is sent with on every hit: what the miss was sent with, bar per-request ones. */
function headersToKeep(reply: FastifyReply): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || PER_REQUEST_HEADERS.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return kept;
}

/**
 * What the early answer decided about a request, kept on Node's request so the hooks after it neither
 * count it again nor look it up again: the rate decision when the limit refused it (the routes' hook
 * answers 429 with it), and whether its lookup was final (no hit: the routes handle it).
 */
const RATE_DECISION = Symbol('rateDecision');
const LOOKED_UP = Symbol('lookedUp');
type MarkedRequest = IncomingMessage & { [RATE_DECISION]?: RateDecision; [LOOKED_UP]?: true };

export interface ResponseCacheHitOptions {
  readonly responseCache: ResponseCache;
  readonly rateLimiter: RateLimiter;
  readonly requestsPerIpPerMinute: number;
}

export interface EarlyHitOptions extends ResponseCacheHitOptions {
  /** The client's address as Fastify's `request.ip` gives it (`clientAddressOf`, trust-proxy rules). */
  readonly clientAddress: (request: IncomingMessage) => string | undefined;
  /** The request id as Fastify's `genReqId` gives it. */
  readonly requestId: (request: IncomingMessage) => string;
}

/** The per-address request limit's counter for a client, and its window. */
const requestLimitKey = (address: string | undefined): string => `request:ip:${address}`;
const REQUEST_LIMIT_WINDOW_MS = 60_000;

/** The cache key's parts of a GET request: its raw URL says everything (document, variables, operation). */
function keyPartsOf(url: string, mediaType: MediaType, host: string | undefined): string[] {
  return ['GET', url, mediaType, host ?? ''];
}

/** How a GET of GraphQL starts: a cached answer is found from the rest of its URL. */
const GRAPHQL_GET_PREFIX = `${GRAPHQL_PATH}?`;

/** The media type of an anonymous GET of /graphql that a cached answer could serve; null otherwise. */
function cacheableGet(request: IncomingMessage): MediaType | null {
  if (
    request.method !== 'GET' ||
    request.headers.authorization !== undefined ||
    !request.url?.startsWith(GRAPHQL_GET_PREFIX)
  )
    return null;
  return negotiateMediaType(request.headers.accept);
}

/**
 * Writes a cached answer straight to the socket: 200 with the bytes of the form the client accepts,
 * or 304 when it already holds that form, with the headers its miss was sent with plus the form's
 * own and the request id (the same headers as `sendCached`).
 */
function writeHit(
  request: IncomingMessage,
  response: ServerResponse,
  entry: CachedAnswer,
  cache: ResponseCache,
  key: string,
  requestId: string,
): void {
  const form = formFor(entry, request.headers['accept-encoding'], cache, key);
  if (matchesIfNoneMatch(request.headers['if-none-match'], form.etag)) {
    const headers = (form.notModifiedHeaders ??= rawHeadersOf(entry.headers, form, 304));
    response.writeHead(304, [...headers, 'x-request-id', requestId]);
    response.end();
    return;
  }
  const headers = (form.rawHeaders ??= rawHeadersOf(entry.headers, form, 200));
  response.writeHead(200, [...headers, 'x-request-id', requestId]);
  response.end(form.body);
}

/**
 * Answers response-cache hits of anonymous GET requests before Fastify builds a request for them
 * (docs/decisions/013-early-response-cache.md and its addendum): called by the HTTP server itself
 * (`serverFactory`), it finds a hit from the raw URL, counts it by the per-address request limit, and
 * writes the headers its miss was sent with (security headers included) and the stored bytes to the
 * socket, with no promise, no router and no hook. It answers only when everything is at hand (the
 * catalogue's version kept, the counters in memory); otherwise, and for a miss or a refused hit, it
 * leaves the request to Fastify, marked so that nothing is counted or looked up twice. Without a
 * response cache, or with counters that need a promise, there is no early answer (undefined).
 */
export function responseCacheEarlyAnswer(options: EarlyHitOptions): EarlyAnswer | undefined {
  const { responseCache: cache, rateLimiter, requestsPerIpPerMinute, clientAddress, requestId } = options;
  // Counters that need a promise (Redis): every hit is left to the first hook.
  if (!cache.enabled || !rateLimiter.hitNow) return undefined;
  const hitNow = rateLimiter.hitNow.bind(rateLimiter);
  return (request, response) => {
    const mediaType = cacheableGet(request);
    if (!mediaType) return false;
    const key = cache.keyNow(keyPartsOf(request.url as string, mediaType, request.headers.host));
    if (key === undefined) return false;
    const entry = cache.get(key);
    const address = entry && clientAddress(request);
    if (!entry || address === undefined) {
      (request as MarkedRequest)[LOOKED_UP] = true;
      return false;
    }
    const counted = hitNow(requestLimitKey(address), requestsPerIpPerMinute, REQUEST_LIMIT_WINDOW_MS);
    if (!counted.allowed) {
      (request as MarkedRequest)[RATE_DECISION] = counted;
      (request as MarkedRequest)[LOOKED_UP] = true;
      return false;
    }
    writeHit(request, response, entry, cache, key, requestId(request));
    return true;
  };
}

/**
 * Answers, from the first `onRequest` hook, the response-cache hits the early answer could not: when
 * the catalogue's version must be computed or the counters are in Redis (promises). Register it on the
 * root instance before any other hook. A hit is counted by the per-address request limit (a refused
 * one goes on to the routes' hook, which answers 429 without counting it again) and written as the
 * early answer writes it (Fastify's reply is hijacked, so the request log, at info level, does not
 * list it).
 */
export function registerResponseCacheHits(fastify: FastifyInstance, options: ResponseCacheHitOptions): void {
  const cache = options.responseCache;
  if (!cache.enabled) return;
  const { rateLimiter, requestsPerIpPerMinute } = options;

  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw as MarkedRequest;
    if (raw[LOOKED_UP]) return done();
    const mediaType = cacheableGet(raw);
    if (!mediaType) return done();
    const parts = keyPartsOf(request.url, mediaType, request.headers.host);
    void (async () => {
      const key = cache.keyNow(parts) ?? (await cache.keyOf(parts));
      const entry = cache.get(key);
      if (!entry) return false;
      const counted = rateLimiter.hitNow
        ? rateLimiter.hitNow(requestLimitKey(request.ip), requestsPerIpPerMinute, REQUEST_LIMIT_WINDOW_MS)
        : await rateLimiter
            .hit(requestLimitKey(request.ip), requestsPerIpPerMinute, REQUEST_LIMIT_WINDOW_MS)
            .catch(() => ({ allowed: true, retryAfterMs: 0 }));
      if (!counted.allowed) {
        raw[RATE_DECISION] = counted;
        return false;
      }
      writeHit(raw, reply.hijack().raw, entry, cache, key, request.id);
      return true;
    })().then(
      (answered) => {
        if (!answered) done();
      },
      (error: Error) => done(error),
    );
    return undefined;
  });
}

/**
 * The headers of one form of a cached answer, as a flat list for `writeHead` (request id left out):
 * a 200's name the body's length and coding, a 304's (no body) do not.
 */
function rawHeadersOf(kept: Readonly<Record<string, string>>, form: Representation, status: 200 | 304): string[] {
  const headers = Object.entries(kept).flat();
  headers.push('etag', form.etag, 'x-response-cache', 'hit');
  if (status === 304) return headers;
  if (form.coding !== 'identity') headers.push('content-encoding', form.coding);
  headers.push('content-length', String(form.body.length));
  return headers;
}

function refusalBody(code: string, message: string, extensions: Record<string, unknown> = {}): ExecutionAnswer {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** What Fastify itself refused before our handler ran: body too big, bad JSON, wrong content type. */
function fastifyRefusal(error: FastifyError): HttpRefusal {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 application/json 发送 GraphQL 请求');
    default:
      if (error.statusCode === 400 || error instanceof SyntaxError) {
        return new HttpRefusal(400, 'BAD_REQUEST', '请求体不是有效的 JSON');
      }
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return new HttpRefusal(error.statusCode, 'BAD_REQUEST', '请求无法处理');
      }
      logger.error({ err: error }, 'GraphQL request failed outside execution');
      return new HttpRefusal(500, 'INTERNAL_SERVER_ERROR', '服务暂时不可用，请稍后再试');
  }
}

/** Registers POST and GET /graphql. Mercurius must be registered with `routes: false`. */
export async function registerGraphQLOverHttp(fastify: FastifyInstance, options: GraphQLHttpOptions): Promise<void> {
  await fastify.register(async (scope) => {
    const mediaTypeOf = (request: FastifyRequest): MediaType =>
      negotiateMediaType(request.headers.accept) ?? JSON_MEDIA;

    // Before the body is read: a refused request costs nothing but a counter.
    scope.addHook('onRequest', async (request, reply) => {
      const mediaType = negotiateMediaType(request.headers.accept);
      if (!mediaType) {
        return send(
          reply,
          JSON_MEDIA,
          406,
          refusalBody('NOT_ACCEPTABLE', '请接受 application/json 或 application/graphql-response+json'),
        );
      }
      const decision =
        (request.raw as MarkedRequest)[RATE_DECISION] ??
        (await options.rateLimiter
          .hit(requestLimitKey(request.ip), options.requestsPerIpPerMinute, REQUEST_LIMIT_WINDOW_MS)
          // The blanket limit protects the service; with its counters unreachable (Redis down) the
          // service keeps answering rather than refusing everyone. Sign-in keeps its own limits.
          .catch((error: Error) => {
            logger.warn({ detail: error.message }, 'request limit unavailable; request let through');
            return { allowed: true, retryAfterMs: 0 };
          }));
      if (!decision.allowed) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        return send(
          reply.header('retry-after', String(seconds)),
          mediaType,
          429,
          refusalBody('TOO_MANY_REQUESTS', `请求过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds }),
        );
      }
      return undefined;
    });

    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      const refusal = fastifyRefusal(error);
      return send(reply, mediaTypeOf(request), refusal.statusCode, refusalBody(refusal.code, refusal.message));
    });

    const execute = async (
      request: FastifyRequest,
      reply: FastifyReply,
      read: () => GraphQLParameters,
      method: 'GET' | 'POST',
    ) => {
      const mediaType = mediaTypeOf(request);
      let parameters: GraphQLParameters;
      let document: ResolvedDocument;
      try {
        parameters = read();
        document = resolveDocument(parameters, options.trustedDocuments);
      } catch (error) {
        if (!(error instanceof HttpRefusal)) throw error;
        return send(reply, mediaType, error.statusCode, refusalBody(error.code, error.message));
      }
      // Over the token limit: refused before the parser builds anything (it would, up to the limit).
      if (countTokens(document.query, QUERY_LIMITS.tokens) > QUERY_LIMITS.tokens) {
        const refusal = formatGraphQLError(tokenLimitError(), { strict: options.strict });
        return send(reply, mediaType, 400, { errors: [refusal] });
      }
      const cache = options.responseCache;
      const cacheKey =
        cache?.enabled && document.publicQuery && request.headers.authorization === undefined
          ? await cache.keyOf(
              method === 'GET'
                ? keyPartsOf(request.url, mediaType, request.headers.host)
                : [
                    document.hash(),
                    parameters.operationName ?? '',
                    JSON.stringify(parameters.variables ?? {}),
                    mediaType,
                    request.headers.host ?? '',
                  ],
            )
          : null;
      if (cache && cacheKey !== null) {
        const cached = cache.get(cacheKey);
        if (cached) return sendCached(request, reply, cached, 'hit', cache, cacheKey);
      }
      try {
        const result = await (reply as GraphQLReply).graphql(
          document.query,
          { req: request },
          parameters.variables,
          parameters.operationName,
        );
        // What the operation left to finish before answering (the audit trail's one insert of what
        // it read). Failing it fails the answer: data read but not recorded is not sent.
        try {
          await finishBeforeAnswer();
        } catch (error) {
          logger.error({ detail: (error as Error).message }, 'work before answering failed; answer withheld');
          return send(reply, mediaType, 500, refusalBody('INTERNAL_SERVER_ERROR', '服务暂时不可用，请稍后再试'));
        }
        if (options.countStatements) void reply.header('x-db-statements', String(statementsInRequest()));
        // Executed: 200 with data (null when a non-null root field failed) and the errors beside it.
        const answer = { data: result.data ?? null, ...(result.errors?.length ? { errors: result.errors } : {}) };
        if (cache && cacheKey !== null && !answer.errors) {
          const body = Buffer.from(JSON.stringify(answer));
          void reply
            .header('content-type', `${mediaType}; charset=utf-8`)
            .header('vary', CACHED_VARY)
            .header('cache-control', PUBLIC_REVALIDATED);
          const stored = cache.set(cacheKey, body, etagOf(body), headersToKeep(reply));
          return sendCached(request, reply, stored, 'miss', cache, cacheKey);
        }
        return send(reply, mediaType, 200, answer);
      } catch (error) {
        return sendRequestError(reply, mediaType, error as Error, options.strict);
      }
    };

    scope.post(GRAPHQL_PATH, { bodyLimit: options.bodyLimit }, (request, reply) =>
      execute(request, reply, () => readParameters(request.body), 'POST'),
    );
    scope.get(GRAPHQL_PATH, (request, reply) =>
      execute(request, reply, () => readQueryString(request.query as Record<string, unknown>), 'GET'),
    );
  });
}

/** The request failed before execution: parse, validation, variables, limits, or a GET mutation. */
function sendRequestError(reply: FastifyReply, mediaType: MediaType, error: Error, strict: boolean): FastifyReply {
  if ((error as { code?: string }).code === 'MER_ERR_METHOD_NOT_ALLOWED') {
    return send(
      reply.header('allow', 'POST'),
      mediaType,
      405,
      refusalBody('METHOD_NOT_ALLOWED', 'GET 请求只能执行查询，变更请用 POST'),
    );
  }
  const wrapped = error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
  const nested = requestErrorsOf(wrapped);
  const errors = (nested.length > 0 ? nested : [wrapped]).map((entry) => formatGraphQLError(entry, { strict }));
  const codes = errors.map((entry) => String(entry.extensions?.code));
  const statusCode = codes.includes('INTERNAL_SERVER_ERROR')
    ? 500
    : codes.some((code) => LIMIT_ERROR_CODES.has(code)) || mediaType === GRAPHQL_RESPONSE
      ? 400
      : 200;
  return send(reply, mediaType, statusCode, { errors });
}
