import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { registerGraphiql } from './common/graphql/graphiql.js';
import {
  registerGraphQLOverHttp,
  registerResponseCacheHits,
  responseCacheEarlyAnswer,
} from './common/graphql/graphql-over-http.js';
import { QUERY_LIMITS } from './common/graphql/query-limits.js';
import { ResponseCache } from './common/graphql/response-cache.js';
import { DEFAULT_MANIFEST_PATH, loadTrustedDocuments } from './common/graphql/trusted-documents.js';
import { CatalogueSnapshotService } from './catalogue/catalogue-snapshot.service.js';
import { type EarlyAnswer, clientAddressOf, serverAnsweringFirst } from './common/http/before-fastify.js';
import { API_CONTENT_SECURITY_POLICY, appContentSecurityPolicy } from './common/http/content-security-policy.js';
import { registerH5Document } from './common/http/h5-document.js';
import { NestPinoLogger, configureLogger } from './common/logger.js';
import { RATE_LIMITER, type RateLimiter } from './common/rate-limit/rate-limiter.js';
import { finishBeforeAnswer, runWithRequestId } from './common/request-context.js';

const REQUEST_ID_HEADER = 'x-request-id';
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** Any body outside /graphql (which has its own, smaller limit); no route here takes more. */
const DEFAULT_BODY_LIMIT = 16 * 1024;

/** Keep a caller's request id when it looks like one, so logs join up across services. */
function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/** Builds the whole BFF (used by main.ts and by the integration tests). Call `listen` to serve. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = configureLogger(config.logLevel);
  // Set once the response cache exists (below): the HTTP server offers it every request first.
  let answerEarly: EarlyAnswer | undefined;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: DEFAULT_BODY_LIMIT,
    // The client's address behind the load balancers named by TRUST_PROXY (rate limits, logs).
    // (Fastify takes a hop count too; its type leaves numbers out.)
    trustProxy: config.trustProxy as boolean | string | string[],
    genReqId: (request: { headers: IncomingHttpHeaders }) => requestIdOf(request.headers),
    // Fastify's own HTTP/1 server (fastify/lib/server.js), with response-cache hits answered before
    // Fastify builds a request for them (docs/decisions/013-early-response-cache.md, addendum).
    serverFactory: serverAnsweringFirst(
      () => answerEarly,
      (error) => logger.error({ err: error }, 'response cache: early answer failed; left to Fastify'),
    ),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new NestPinoLogger(),
    bufferLogs: false,
    // Bodies are parsed by Fastify with the limits above, not by Nest's own parsers.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const catalogue = app.get(CatalogueSnapshotService, { strict: false });
  const rateLimiter = app.get<RateLimiter>(RATE_LIMITER);
  const responseCache = new ResponseCache({
    version: () => catalogue.version(),
    currentVersion: () => catalogue.versionNow(),
    // Catalogues never kept (CATALOGUE_FRESH_SECONDS=0): every request has a new version, so nothing
    // stored could be served, and computing the version would load every insurer a second time.
    ttlMs: config.catalogueFreshMs > 0 ? config.responseCache.ttlMs : 0,
    maxEntries: config.responseCache.maxEntries,
    maxBytes: config.responseCache.maxBytes,
  });
  // Before Fastify, and else in the first of all hooks: a response-cache hit asked by GET is answered
  // from its URL alone, counted by the request limit, with the headers its miss had
  // (docs/decisions/013-early-response-cache.md).
  answerEarly = responseCacheEarlyAnswer({
    responseCache,
    rateLimiter,
    requestsPerIpPerMinute: config.requestLimitPerIpPerMinute,
    clientAddress: clientAddressOf(config.trustProxy),
    requestId: (request) => requestIdOf(request.headers),
  });
  registerResponseCacheHits(fastify, {
    responseCache,
    rateLimiter,
    requestsPerIpPerMinute: config.requestLimitPerIpPerMinute,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    runWithRequestId(request.id, done);
  });
  // Work a request left to finish before answering (the audit trail's insert of what it read): the
  // GraphQL route finishes it itself before it answers; this catches any other route, whose answer
  // fails if that work does.
  fastify.addHook('onSend', async (_request, _reply, payload) => {
    await finishBeforeAnswer();
    return payload;
  });
  // nosniff, frame and referrer rules on every answer; API answers may not be framed or run anything.
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await registerGraphQLOverHttp(fastify, {
    bodyLimit: QUERY_LIMITS.bodyBytes,
    rateLimiter,
    requestsPerIpPerMinute: config.requestLimitPerIpPerMinute,
    strict: config.strict,
    countStatements: config.nodeEnv !== 'production',
    // Enforce without a readable manifest stops the start: nothing could run.
    trustedDocuments: loadTrustedDocuments(
      config.trustedDocuments.manifestPath ?? DEFAULT_MANIFEST_PATH,
      config.trustedDocuments.mode,
      (detail) => logger.warn({ detail }, 'trusted documents: no manifest; hashes cannot be resolved'),
    ),
    responseCache,
  });
  if (!config.strict) await registerGraphiql(fastify);
  if (config.h5DistDir) {
    if (!existsSync(config.h5DistDir)) {
      logger.warn({ dir: config.h5DistDir }, 'H5 build not found; the app will not be served at /');
    } else {
      const h5DistDir = config.h5DistDir;
      // The document, with the home page's first answer written into it (decision 020).
      registerH5Document(fastify, h5DistDir);
      await fastify.register(fastifyStatic, {
        root: h5DistDir,
        prefix: '/',
        // index.html is the route above's, at / and /index.html.
        index: false,
        // Files are looked up per request, so a rebuilt H5 app is served without a restart.
        wildcard: true,
        // The build writes .br and .gz beside its scripts and styles (apps/miniapp/scripts/
        // precompress-h5.mjs): sent as the client accepts them, with Vary: Accept-Encoding.
        preCompressed: true,
        setHeaders: (reply, path) => {
          // Hashed assets never change. An HTML file (index.html is the route above's; the build has
          // no other) is fetched fresh, under its own policy. (A precompressed file ends in .br or .gz.)
          const html = path.endsWith('.html');
          void reply.header('cache-control', html ? 'no-cache' : 'public, max-age=31536000, immutable');
          if (html) void reply.header('content-security-policy', appContentSecurityPolicy(path));
        },
      });
    }
  }
  app.enableShutdownHooks();
  return app;
}
