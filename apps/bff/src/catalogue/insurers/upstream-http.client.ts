import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
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

const ACCEPT = 'application/json, application/xml';
const utf8 = new TextDecoder();

/** The body of an HTTP 200; 5xx is UNAVAILABLE, any other status BAD_RESPONSE. */
export function okBody(url: string, response: UpstreamResponse): string {
  if (response.status >= 500) throw new UpstreamError('UNAVAILABLE', `${url} answered HTTP ${response.status}`);
  if (response.status !== 200) throw new UpstreamError('BAD_RESPONSE', `${url} answered HTTP ${response.status}`);
  return response.body;
}

/** The one place the BFF makes HTTP calls to insurers; maps every transport failure to UpstreamError. */
@Injectable()
export class UpstreamHttpClient {
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
    const { response, bytes } = await this.send(url, signal, conditional);
    if (response.status === 304) {
      // Only a request that named an ETag may be answered 304; `held` is the entry it named.
      if (!held?.etag) throw new UpstreamError('BAD_RESPONSE', `${url} answered HTTP 304 to an unconditional request`);
      this.keep(url, held);
      return { value: held.value as T, revision: held.revision };
    }
    const revision = createHash('sha1').update(bytes).digest('base64url');
    const etag = response.headers.get('etag');
    if (response.status === 200 && held && held.revision === revision) {
      held.etag = etag;
      this.keep(url, held);
      return { value: held.value as T, revision };
    }
    const value = parse({
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: utf8.decode(bytes),
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

  private async send(
    url: string,
    signal: AbortSignal,
    headers: Readonly<Record<string, string>>,
  ): Promise<{ response: Response; bytes: Uint8Array }> {
    try {
      const response = await fetch(url, { signal, headers: { accept: ACCEPT, ...headers } });
      return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      if (signal.aborted) throw new UpstreamError('TIMEOUT', `no answer from ${url} within the time budget`);
      throw new UpstreamError('UNAVAILABLE', `${url}: ${(error as Error).message}`);
    }
  }
}
