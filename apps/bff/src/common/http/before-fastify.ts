/**
 * Answering a request before Fastify builds a request for it (the response cache's hits,
 * docs/decisions/013-early-response-cache.md, addendum): the HTTP server that offers it each request
 * first, and the client's address as Fastify would read it.
 */
import { type IncomingMessage, type ServerOptions, type ServerResponse, createServer } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyServerFactory } from 'fastify';

/** Answers a request before Fastify sees it; true when answered. */
export type EarlyAnswer = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Fastify's `trustProxy` setting as the config gives it (config.ts, TRUST_PROXY). */
export type TrustProxy = boolean | number | string[];

/**
 * The client's address of a request Fastify has not seen yet, as Fastify's `request.ip` gives it
 * under the same `trustProxy` (fastify/lib/request.js): the socket's address when no proxy is trusted;
 * otherwise the nearest address of `X-Forwarded-For` that is not a trusted proxy, through the same
 * `@fastify/proxy-addr`. A hop count is not trusted, as Fastify 5 does not trust it (it cannot check
 * the immediate peer). Used where a request is answered before Fastify (the response cache's early
 * answer), so it is counted under the address the routes count it under;
 * test/response-cache-early.int-spec.ts checks they agree.
 */
export function clientAddressOf(trustProxy: TrustProxy): (request: IncomingMessage) => string | undefined {
  if (trustProxy === false) return (request) => request.socket.remoteAddress;
  const trusted =
    trustProxy === true ? () => true : typeof trustProxy === 'number' ? () => false : proxyAddr.compile(trustProxy);
  return (request) => {
    const addresses = proxyAddr.all(request, trusted);
    return addresses[addresses.length - 1];
  };
}

/** What of Fastify's options its HTTP/1 server is made with (fastify/lib/server.js). */
interface HttpServerOptions {
  readonly http?: ServerOptions;
  readonly keepAliveTimeout?: number;
  readonly requestTimeout?: number;
  readonly connectionTimeout?: number;
  readonly maxRequestsPerSocket?: number;
}

/**
 * Fastify's own HTTP/1 server, made as Fastify makes it, except that every request is first offered
 * to `early()` and reaches Fastify only when that does not answer it. Should `early()` throw, the
 * error is reported and the request goes on to Fastify (or, if an answer was begun, its connection is
 * closed): one request never takes the process down.
 */
export function serverAnsweringFirst(
  early: () => EarlyAnswer | undefined,
  onError: (error: unknown) => void,
): FastifyServerFactory {
  return (handler, opts) => {
    const options = opts as HttpServerOptions;
    const server = createServer(options.http ?? {}, (request: IncomingMessage, response: ServerResponse) => {
      try {
        if (early()?.(request, response)) return;
      } catch (error) {
        onError(error);
        if (response.headersSent) {
          response.destroy();
          return;
        }
      }
      handler(request, response);
    });
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout ?? 0);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
