import { createHash } from 'node:crypto';
import { productsOf } from './catalogue.js';
import type { SandboxProduct } from './types.js';

/** The largest repricing a test may play, either way (a price can fall by at most 90 %). */
export const MAX_PRICE_CHANGE_PERCENT = 90;

/**
 * Repricings played on insurers' catalogues, per sandbox: `POST /__control/prices` makes an insurer
 * sell at (100 + percent) % of its listed premiums, as an insurer that reprices would, so that tests
 * can watch a changed catalogue reach the BFF. Cleared by `/__control/reset`.
 */
export class PriceChanges {
  private readonly percents = new Map<string, number>();
  private readonly revisions = new Map<string, number>();

  set(insurerCode: string, percent: number): void {
    if ((this.percents.get(insurerCode) ?? 0) === percent) return;
    if (percent === 0) this.percents.delete(insurerCode);
    else this.percents.set(insurerCode, percent);
    this.revisions.set(insurerCode, (this.revisions.get(insurerCode) ?? 0) + 1);
  }

  reset(): void {
    for (const code of [...this.percents.keys()]) this.set(code, 0);
  }

  /** Changes whenever the insurer's prices do: what was rendered from an older revision is rendered again. */
  revisionOf(insurerCode: string): number {
    return this.revisions.get(insurerCode) ?? 0;
  }

  /** The insurer's products at their current prices. */
  productsOf(insurerCode: string): SandboxProduct[] {
    const percent = this.percents.get(insurerCode) ?? 0;
    const products = productsOf(insurerCode);
    if (percent === 0) return products;
    const priced = (fen: number): number => Math.round((fen * (100 + percent)) / 100);
    return products.map((product) => ({
      ...product,
      premiums: product.premiums.map((row) => ({
        ...row,
        annualFen: priced(row.annualFen),
        monthlyFen: row.monthlyFen === null ? null : priced(row.monthlyFen),
      })),
    }));
  }
}

/**
 * Renders an insurer's catalogue once per price revision, with a strong ETag of what it rendered: an
 * upstream that answers `If-None-Match` with 304 when nothing changed, as a static file server or a
 * careful API does.
 */
export class RenderedCatalogue {
  private held: { revision: number; body: string; etag: string } | undefined;

  constructor(
    private readonly insurerCode: string,
    private readonly prices: PriceChanges,
    private readonly render: (products: SandboxProduct[]) => string,
  ) {}

  current(): { body: string; etag: string } {
    const revision = this.prices.revisionOf(this.insurerCode);
    if (this.held?.revision !== revision) {
      const body = this.render(this.prices.productsOf(this.insurerCode));
      this.held = { revision, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    }
    return this.held;
  }
}

/** True when the request's `If-None-Match` names `etag` (or `*`). */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (typeof ifNoneMatch !== 'string') return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
