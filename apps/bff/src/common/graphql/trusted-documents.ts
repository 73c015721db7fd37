import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPublicQuery } from './response-cache.js';

/**
 * Trusted documents (docs/decisions/012-trusted-documents.md): the operations the client sends are
 * known when it is built. The client's codegen writes their manifest, sha256 (hex) of each document's
 * exact text → the text, to packages/schema/trusted-documents.json; the client sends the hash in
 * `extensions.persistedQuery` (Apollo's automatic persisted queries, version 1) instead of the text.
 *
 * - `enforce` (default in production): only documents of the manifest run, whether asked by hash or
 *   sent as text; anything else is refused before parsing (400, `UNTRUSTED_DOCUMENT`).
 * - `allow` (default elsewhere): hashes of the manifest are resolved, and any other text runs too
 *   (GraphiQL, tests, tools).
 */
export type TrustedDocumentsMode = 'enforce' | 'allow';

export interface TrustedDocuments {
  readonly mode: TrustedDocumentsMode;
  /** sha256 hex of a document's text → the text. */
  readonly byHash: ReadonlyMap<string, string>;
  /** Hashes of the queries whose every root field is public: their anonymous answers may be cached. */
  readonly publicQueries?: ReadonlySet<string>;
}

/** Where the client's codegen writes the manifest, from this file in src/ or dist/. */
export const DEFAULT_MANIFEST_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../packages/schema/trusted-documents.json',
);

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads and checks a manifest: every key must be the sha256 of its document, so a hash names one text
 * only. A missing or broken manifest is an error in `enforce` (nothing could run); in `allow` it
 * leaves the manifest empty, and `onMissing` is told.
 */
export function loadTrustedDocuments(
  path: string,
  mode: TrustedDocumentsMode,
  onMissing: (detail: string) => void = () => undefined,
): TrustedDocuments {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const detail = `trusted-documents manifest ${path} cannot be read: ${(error as Error).message}`;
    if (mode === 'enforce') throw new Error(detail, { cause: error });
    onMissing(detail);
    return { mode, byHash: new Map(), publicQueries: new Set() };
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`trusted-documents manifest ${path} must be a JSON object of sha256 → document`);
  }
  const byHash = new Map<string, string>();
  const publicQueries = new Set<string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || !SHA256_HEX.test(hash) || sha256Hex(document) !== hash) {
      throw new Error(`trusted-documents manifest ${path}: ${hash} is not the sha256 of its document`);
    }
    byHash.set(hash, document);
    if (isPublicQuery(document)) publicQueries.add(hash);
  }
  return { mode, byHash, publicQueries };
}
