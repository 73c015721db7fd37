import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
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
 * - Its compressed forms (br, gzip) are made once, the first time a client accepts them, and kept
 *   beside it; each form has its own ETag (RFC 9110: a strong validator names one representation).
 * - Bounded by entries and by bytes (bodies, their compressed forms, keys and headers), oldest first.
 * - A GET request is keyed by its raw URL, so its hit can be found from the URL alone, before the
 *   body, the session or any other hook is read (`response-cache-hits.ts`, decision 013).
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

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** One form of an answer as sent: its bytes, their ETag and coding. */
export interface Representation {
  readonly body: Buffer;
  readonly etag: string;
  readonly coding: ContentCoding;
  /** The 200 answer's headers, as a flat list for `writeHead` (made once, on the first hit). */
  rawHeaders?: string[];
  /** The 304 answer's headers, likewise. */
  notModifiedHeaders?: string[];
}

/** An answer's bytes and the forms made of them so far: what `representationOf` chooses from. */
export interface Encodable {
  readonly body: Buffer;
  /** The answer uncompressed, as a representation. */
  readonly identity: Representation;
  /** Compressed forms made so far (lazily, once each). */
  readonly encoded: Partial<Record<'br' | 'gzip', Representation | null>>;
  /** Bytes counted against a bound: the body and every form made. */
  size: number;
}

/** `body` as an answer with no compressed form made yet. */
export function encodable(body: Buffer, etag: string = etagOf(body)): Encodable {
  return { body, identity: { body, etag, coding: 'identity' }, encoded: {}, size: body.length };
}

export interface CachedAnswer extends Encodable {
  readonly etag: string;
  readonly storedAt: number;
  /**
   * The headers the answer was first sent with that are the same for every request (security
   * headers, content type, Vary): a hit answered before the other hooks run sends these.
   */
  headers: Readonly<Record<string, string>>;
}

export interface ResponseCacheOptions {
  /** The catalogue's version: answers stored under another are not served. */
  readonly version: () => Promise<string>;
  /**
   * The catalogue's version when it is known without waiting (kept, still valid); undefined when it
   * must be computed. Lets a hit be answered without a promise.
   */
  readonly currentVersion?: () => string | undefined;
  /** How long an answer is served; 0 disables the cache. */
  readonly ttlMs: number;
  /** Most answers kept (oldest dropped first). */
  readonly maxEntries: number;
  /** Most bytes kept: bodies, compressed forms, keys and headers (oldest dropped first). Default 32 MiB. */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

/** Below this size an answer is sent as is: compression would save a few bytes at best. */
export const MIN_COMPRESSIBLE_BYTES = 1024;
/** Per-entry overhead counted beside the bytes (the entry, its Map slot, its headers' strings). */
const ENTRY_OVERHEAD_BYTES = 512;

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

const codingMemo = new Map<string, ContentCoding>();

/**
 * The content coding to answer in, from Accept-Encoding: br, else gzip, else none. A coding with
 * q=0 is refused; `*` stands for any coding not named. (Remembered per header value: clients send
 * a handful of them.)
 */
export function negotiateContentCoding(header: string | undefined): ContentCoding {
  if (!header) return 'identity';
  const known = codingMemo.get(header);
  if (known !== undefined) return known;
  const qualities = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    if (name) qualities.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const quality = (name: string): number => qualities.get(name) ?? qualities.get('*') ?? 0;
  const br = quality('br');
  const gzip = quality('gzip');
  const coding: ContentCoding = br > 0 && br >= gzip ? 'br' : gzip > 0 ? 'gzip' : 'identity';
  if (codingMemo.size < 256) codingMemo.set(header, coding);
  return coding;
}

function compress(body: Buffer, coding: 'br' | 'gzip'): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, {
        params: {
          // Made once per answer and sent many times: a high quality pays for itself.
          [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
          [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 9 });
}

/** The form of an answer to send for a coding: compressed when it is worth it, else the answer itself. */
export function representationOf(answer: Encodable, coding: ContentCoding): Representation {
  if (coding === 'identity' || answer.body.length < MIN_COMPRESSIBLE_BYTES) return answer.identity;
  let encoded = answer.encoded[coding];
  if (encoded === undefined) {
    const body = compress(answer.body, coding);
    // Not smaller: never sent compressed.
    encoded = body.length < answer.body.length ? { body, etag: etagOf(body), coding } : null;
    answer.encoded[coding] = encoded;
    answer.size += encoded?.body.length ?? 0;
  }
  return encoded ?? answer.identity;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private currentVersion: string | null = null;
  /**
   * Counts the versions seen: keys carry it rather than the version itself (a few kilobytes with a
   * hundred insurers), so an answer executed under an older version is recognised at `set`.
   */
  private generation = 0;
  private readonly now: () => number;
  private readonly maxBytes: number;
  private bytes = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    this.now = options.now ?? Date.now;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0 && this.options.maxEntries > 0 && this.maxBytes > 0;
  }

  private prefixOf(version: string): string {
    if (version !== this.currentVersion) {
      this.entries.clear();
      this.bytes = 0;
      this.currentVersion = version;
      this.generation += 1;
    }
    return `${this.generation}\u0000`;
  }

  /** The key of a request under the catalogue's current version; drops every answer of an older one. */
  async keyOf(parts: readonly string[]): Promise<string> {
    return this.prefixOf(await this.options.version()) + parts.join('\u0000');
  }

  /**
   * The key without waiting, when the catalogue's version is known at once; undefined when it must
   * be computed (`keyOf` then).
   */
  keyNow(parts: readonly string[]): string | undefined {
    const version = this.options.currentVersion?.();
    return version === undefined ? undefined : this.prefixOf(version) + parts.join('\u0000');
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.options.ttlMs) {
      this.drop(key, entry);
      return undefined;
    }
    return entry;
  }

  set(
    key: string,
    body: Buffer,
    etag: string = etagOf(body),
    headers: Readonly<Record<string, string>> = {},
  ): CachedAnswer {
    const entry: CachedAnswer = { ...encodable(body, etag), etag, storedAt: this.now(), headers };
    entry.size += key.length * 2 + ENTRY_OVERHEAD_BYTES;
    // Stored under a version that is no longer current (it changed during execution): not kept.
    if (!key.startsWith(`${this.generation}\u0000`)) return entry;
    // Larger than the whole cache may hold (with its compressed forms): sent, not kept.
    if (entry.size * 2 > this.maxBytes) return entry;
    const previous = this.entries.get(key);
    if (previous) this.drop(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    this.trim();
    return entry;
  }

  /** Counts what an entry grew by (a compressed form made since it was stored), then trims. */
  grew(key: string, entry: CachedAnswer, before: number): void {
    if (entry.size === before || this.entries.get(key) !== entry) return;
    this.bytes += entry.size - before;
    this.trim();
  }

  private drop(key: string, entry: CachedAnswer): void {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  private trim(): void {
    while (this.entries.size > this.options.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.entries().next().value;
      if (oldest === undefined) break;
      this.drop(oldest[0], oldest[1]);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes counted against `maxBytes`. */
  get byteSize(): number {
    return this.bytes;
  }
}
