import { Injectable } from '@nestjs/common';
import type { CatalogueSnapshot } from '../catalogue-snapshot.service.js';
import { CatalogueSearchIndex } from './catalogue-search.index.js';

/**
 * Holds the search index beside the catalogue snapshot: built on the first search after any insurer's
 * data changed (the snapshot's signature names every insurer's data version) and reused until then.
 */
@Injectable()
export class CatalogueSearchService {
  private memo: { signature: string; index: CatalogueSearchIndex } | null = null;
  private builds = 0;

  indexFor(snapshot: CatalogueSnapshot): CatalogueSearchIndex {
    if (this.memo?.signature === snapshot.signature) return this.memo.index;
    const insurerNames = new Map([...snapshot.insurers].map(([id, insurer]) => [id, insurer.name]));
    const index = new CatalogueSearchIndex(snapshot.products, insurerNames, snapshot.scores);
    this.builds += 1;
    this.memo = { signature: snapshot.signature, index };
    return index;
  }

  /** How many indexes were built (tests prove it is once per catalogue version). */
  get buildCount(): number {
    return this.builds;
  }
}
