import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { CatalogueSnapshot } from '../catalogue-snapshot.service.js';
import { CatalogueSearchIndex } from './catalogue-search.index.js';
import { searchVocabulary } from './pinyin.js';

/**
 * Holds the search index beside the catalogue snapshot: built on the first search after any insurer's
 * data changed (the snapshot's signature names every insurer's data version) and reused until then.
 */
@Injectable()
export class CatalogueSearchService implements OnApplicationBootstrap {
  private memo: { signature: string; index: CatalogueSearchIndex } | null = null;
  private builds = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * In production, load the pinyin dictionary and the vocabulary's spellings (about 0.9 s of CPU)
   * right after start, so the first person to search does not wait for it. Tests and development
   * start many processes that never search: there it happens on the first search.
   */
  onApplicationBootstrap(): void {
    // A second after start: after the server listens and answers its first health checks.
    if (this.config.nodeEnv === 'production') setTimeout(() => searchVocabulary(), 1000).unref();
  }

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
