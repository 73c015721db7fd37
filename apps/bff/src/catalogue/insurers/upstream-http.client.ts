import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { UpstreamError } from './insurer.port.js';

export interface UpstreamResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** What `getParsed` hands back: the parsed value and a name for the bytes it was parsed from. */
export interface ParsedUpstream<T> {
  readonly value: T;
  /**
   * A digest of the answer's body: equal revisions mean the upstream sent the same bytes, so the same
   * value (the loader keeps what it derived from an unchanged catalogue, docs/performance.md).
   */
  readonly revision: string;
}

interface ParsedEntry {
  /** The upstream's validator for the kept answer, sent back as `If-None-Match`; null when it sends none. */
  etag: string | null;
  readonly revision: string;
  readonly value: unknown;
}

/** URLs whose last parsed answer is kept (one entry per insurer page): far above any real catalogue. */
const MAX_PARSED_ENTRIES = 20_000;
/** Idle keep-alive sockets kept per origin (Node's default is 256). */
const MAX_FREE_SOCKETS_PER_ORIGIN = 2048;

const ACCEPT = 'application/json, application/xml';
const utf8 = new TextDecoder();

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body as it arrived, not joined: an unchanged body is dropped without another copy. */
  readonly chunks: readonly Buffer[];
  /** SHA-1 of the body, computed as it arrived. */
  readonly digest: string;
}

/** The body as sent, decompressed when the upstream compressed it. */
function decoded(response: IncomingMessage): Readable {
  switch (response.headers['content-encoding']?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(zlib.createGunzip());
    case 'deflate':
      return response.pipe(zlib.createInflate());
    case 'br':
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

const header = (headers: IncomingHttpHeaders, name: string): string | null => {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
};

/** A time budget for one insurer's load (`upstreamBudget`). */
export interface UpstreamBudget {
  readonly signal: AbortSignal;
  /** The load is over: stops the clock and gives up whatever it still has in flight. */
  release(): void;
}

/**
 * A time budget that counts the insurer's time, not this process's: when it runs out, the abort waits
 * for the event loop's next check phase (`setImmediate`), after the I/O that had already arrived is
 * read. A process busy past the budget (parsing a hundred catalogues after a start) would otherwise
 * give up answers that came in time, because timers fire before sockets are read; those insurers were
 * reported TIMEOUT and counted against their circuit breakers.
 */
export function upstreamBudget(ms: number): UpstreamBudget {
  const controller = new AbortController();
  let immediate: NodeJS.Immediate | undefined;
  const timer = setTimeout(() => {
    immediate = setImmediate(() => controller.abort(new DOMException('upstream time budget spent', 'TimeoutError')));
  }, ms);
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
      controller.abort(new DOMException('the load is over', 'AbortError'));
    },
  };
}

/** The body of an HTTP 200; 5xx is UNAVAILABLE, any other status BAD_RESPONSE. */
export function okBody(url: string, response: UpstreamResponse): string {
  if (response.status >= 500) throw new UpstreamError('UNAVAILABLE', `${url} answered HTTP ${response.status}`);
  if (response.status !== 200) throw new UpstreamError('BAD_RESPONSE', `${url} answered HTTP ${response.status}`);
  return response.body;
}

/**
 * The one place the BFF makes HTTP calls to insurers; maps every transport failure to UpstreamError.
 * Node's own `http`/`https` with keep-alive agents rather than `fetch`: a load of a hundred insurers
 * makes about 450 requests, and `fetch` (its web streams and promises) cost about twice the CPU and
 * garbage per request (docs/performance.md, Issue 11).
 */
@Injectable()
export class UpstreamHttpClient implements OnModuleDestroy {
  /**
   * Keep-alive sockets, as many kept idle per origin as a load opens: with Node's default of 256, a
   * load that asks more pages of one origin at once closed the rest and connected again next time
   * (a hundred insurers behind one sandbox: about 450 requests a load).
   */
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxFreeSockets: MAX_FREE_SOCKETS_PER_ORIGIN }),
    https: new https.Agent({ keepAlive: true, maxFreeSockets: MAX_FREE_SOCKETS_PER_ORIGIN }),
  };

  /** The last parsed HTTP 200 per URL, for conditional requests and unchanged bodies (`getParsed`). */
  private readonly parsed = new Map<string, ParsedEntry>();

  /**
   * GET whose parse is skipped when the upstream's answer has not changed since the last HTTP 200
   * from this URL: the request names the ETag that answer carried (`If-None-Match`) and a 304 reuses
   * what was parsed then; an upstream without ETags sends the whole body again, and when its SHA-1
   * equals the last one's the body is neither decoded nor parsed. `parse` sees every other answer,
   * whatever its status (it decides what is an error, e.g. with `okBody`); what it returns is kept
   * only for an HTTP 200, and nothing is kept when it throws. The kept value is shared between
   * calls: callers treat it as immutable, as the catalogue's domain objects are.
   */
  async getParsed<T>(
    url: string,
    signal: AbortSignal,
    parse: (response: UpstreamResponse) => T,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<ParsedUpstream<T>> {
    const held = this.parsed.get(url);
    const conditional = held?.etag ? { ...headers, 'if-none-match': held.etag } : headers;
    const response = await this.send(url, signal, conditional);
    if (response.status === 304) {
      // Only a request that named an ETag may be answered 304; `held` is the entry it named.
      if (!held?.etag) throw new UpstreamError('BAD_RESPONSE', `${url} answered HTTP 304 to an unconditional request`);
      this.keep(url, held);
      return { value: held.value as T, revision: held.revision };
    }
    const revision = response.digest;
    const etag = header(response.headers, 'etag');
    if (response.status === 200 && held && held.revision === revision) {
      held.etag = etag;
      this.keep(url, held);
      return { value: held.value as T, revision };
    }
    const value = parse({
      status: response.status,
      contentType: header(response.headers, 'content-type') ?? '',
      body: utf8.decode(Buffer.concat(response.chunks)),
    });
    if (response.status === 200) this.keep(url, { etag, revision, value });
    return { value, revision };
  }

  /** Keeps `entry` as the newest (a Map's order is insertion order): the oldest goes first. */
  private keep(url: string, entry: ParsedEntry): void {
    this.parsed.delete(url);
    this.parsed.set(url, entry);
    if (this.parsed.size > MAX_PARSED_ENTRIES) this.parsed.delete(this.parsed.keys().next().value as string);
  }

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private send(url: string, signal: AbortSignal, headers: Readonly<Record<string, string>>): Promise<RawAnswer> {
    return new Promise<RawAnswer>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        reject(
          signal.aborted
            ? new UpstreamError('TIMEOUT', `no answer from ${url} within the time budget`)
            : new UpstreamError('UNAVAILABLE', `${url}: ${error.message}`),
        );
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch (error) {
        return fail(error as Error);
      }
      const secure = target.protocol === 'https:';
      if (!secure && target.protocol !== 'http:') return fail(new Error(`unsupported protocol ${target.protocol}`));
      const options = {
        agent: secure ? this.agents.https : this.agents.http,
        signal,
        headers: { accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', ...headers },
      };
      const onResponse = (response: IncomingMessage): void => {
        const chunks: Buffer[] = [];
        const hash = createHash('sha1');
        const body = decoded(response);
        body.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          chunks.push(chunk);
        });
        body.on('end', () => {
          if (settled) return;
          settled = true;
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            chunks,
            digest: hash.digest('base64url'),
          });
        });
        body.on('error', fail);
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('connection closed before the body ended')));
      };
      const request = secure ? https.get(target, options, onResponse) : http.get(target, options, onResponse);
      request.on('error', fail);
    });
  }
}
