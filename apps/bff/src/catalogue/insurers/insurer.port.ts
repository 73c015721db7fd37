import type { InsurerFacts, Product } from '@family/domain';
import type { InsurerWireFormat } from '../entities/insurer.entity.js';

/** Where and how to reach one insurer's catalogue. */
export interface InsurerEndpoint {
  readonly id: string;
  readonly name: string;
  readonly wireFormat: InsurerWireFormat;
  readonly url: string;
  /** Signing secret for upstreams that require signed requests; null for the others. */
  readonly secret: string | null;
}

/**
 * The one port every insurer sits behind. An adapter translates its upstream's wire format into the
 * domain model; a new upstream format is a new adapter and nothing else.
 */
export interface InsurerAdapter {
  readonly wireFormat: InsurerWireFormat;
  fetchCatalogue(endpoint: InsurerEndpoint, signal: AbortSignal): Promise<InsurerCatalogue>;
}

/** What one insurer publishes: facts about itself and its products, in the domain model. */
export interface CatalogueContent {
  readonly insurer: InsurerFacts;
  readonly products: readonly Product[];
}

/** A catalogue as an adapter fetched it. */
export interface InsurerCatalogue extends CatalogueContent {
  /**
   * Names the upstream answer(s) it was parsed from (digests of their bodies, UpstreamHttpClient):
   * equal revisions mean an unchanged catalogue, so what was derived from it can be kept.
   */
  readonly revision: string;
}

export const INSURER_ADAPTERS = Symbol('INSURER_ADAPTERS');

export type UpstreamErrorCode = 'TIMEOUT' | 'UNAVAILABLE' | 'BAD_RESPONSE' | 'CIRCUIT_OPEN';

/** An upstream failed; `detail` is for logs (never shown to users, never holds personal data). */
export class UpstreamError extends Error {
  constructor(
    readonly code: UpstreamErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'UpstreamError';
  }
}
