import { Injectable } from '@nestjs/common';
import { UpstreamError } from './insurer.port.js';

export interface UpstreamResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The one place the BFF makes HTTP calls to insurers; maps every transport failure to UpstreamError. */
@Injectable()
export class UpstreamHttpClient {
  /** GET that accepts only HTTP 200: 5xx is UNAVAILABLE, any other status BAD_RESPONSE. */
  async get(
    url: string,
    signal: AbortSignal,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<UpstreamResponse> {
    const response = await this.request(url, signal, headers);
    if (response.status >= 500) throw new UpstreamError('UNAVAILABLE', `${url} answered HTTP ${response.status}`);
    if (response.status !== 200) throw new UpstreamError('BAD_RESPONSE', `${url} answered HTTP ${response.status}`);
    return response;
  }

  /** GET that hands back any HTTP status, for adapters whose upstream explains refusals in the body. */
  async request(
    url: string,
    signal: AbortSignal,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<UpstreamResponse> {
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, { signal, headers: { accept: 'application/json, application/xml', ...headers } });
      body = await response.text();
    } catch (error) {
      if (signal.aborted) throw new UpstreamError('TIMEOUT', `no answer from ${url} within the time budget`);
      throw new UpstreamError('UNAVAILABLE', `${url}: ${(error as Error).message}`);
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  }
}
