import { createHash } from 'node:crypto';
import { Kind, OperationTypeNode, parse } from 'graphql';

/**
 * Answers of anonymous, public catalogue queries kept as the bytes sent (docs/performance.md): the
 * home page's `products` page is asked by everyone alike, and executing it again costs far more than
 * sending what was answered a moment ago.
 *
 * - Only documents of the trusted-documents manifest whose every root field is public (below), asked
 *   without `Authorization`: an answer for a signed-in person is never stored nor served from here.
 * - Keyed by the document's hash, the operation name, the variables, the media type, the Host and
 *   the catalogue's version (every insurer's data version and state): when any insurer's data changes
 *   the version does, and the old answers are dropped.
 * - An answer is kept at most `ttlMs` (`RESPONSE_CACHE_SECONDS`), as it names how old the data is
 *   (`dataAgeSeconds`); only answers without GraphQL errors are kept.
 * - Each answer has an ETag (from its bytes); `If-None-Match` with it gets 304 (`graphql-over-http.ts`).
 */

/** Root fields whose answers are the same for every anonymous caller. `invite` counts opens: not here. */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'products',
  'product',
  'insurers',
  'compareProducts',
  'quote',
  'searchSuggestions',
]);

/** Whether a document is a query whose every root field is public (fragments spread at the root: no). */
export function isPublicQuery(text: string): boolean {
  const document = parse(text, { noLocation: true });
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length === 1 &&
    operations.every(
      (operation) =>
        operation.operation === OperationTypeNode.QUERY &&
        operation.selectionSet.selections.every(
          (selection) =>
            selection.kind === Kind.FIELD &&
            PUBLIC_ROOT_FIELDS.has(selection.name.value) &&
            (selection.directives ?? []).length === 0,
        ),
    )
  );
}

export interface CachedAnswer {
  readonly body: Buffer;
  readonly etag: string;
  readonly storedAt: number;
}

export interface ResponseCacheOptions {
  /** The catalogue's version: answers stored under another are not served. */
  readonly version: () => Promise<string>;
  /** How long an answer is served; 0 disables the cache. */
  readonly ttlMs: number;
  /** Most answers kept (oldest dropped first). */
  readonly maxEntries: number;
  readonly now?: () => number;
}

export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (or is `*`); weak comparison, as for GET. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private currentVersion: string | null = null;
  private readonly now: () => number;

  constructor(private readonly options: ResponseCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0 && this.options.maxEntries > 0;
  }

  /** The key of a request under the catalogue's current version; drops every answer of an older one. */
  async keyOf(parts: readonly string[]): Promise<string> {
    const version = await this.options.version();
    if (version !== this.currentVersion) {
      this.entries.clear();
      this.currentVersion = version;
    }
    return `${version}\u0000${parts.join('\u0000')}`;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.options.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, body: Buffer, etag: string = etagOf(body)): CachedAnswer {
    const entry = { body, etag, storedAt: this.now() };
    // Stored under a version that is no longer current (it changed during execution): not kept.
    if (!key.startsWith(`${this.currentVersion}\u0000`)) return entry;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
