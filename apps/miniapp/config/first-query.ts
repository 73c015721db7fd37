import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The URL of the home page's first request, as the app's client sends it anonymously (a GET of the
 * trusted Products document by hash: src/graphql/client.ts `getUrlOf`, with
 * src/graphql/first-screen.ts `HOME_PRODUCTS_VARIABLES`), for index.html to start it before the
 * app's scripts have loaded. A test (config/__tests__/first-query.test.ts) holds the two equal.
 * Null when the manifest has no Products document (codegen not run).
 */
export function firstQueryUrl(
  manifestPath = path.resolve(__dirname, '../../../packages/schema/trusted-documents.json'),
): string | null {
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  } catch {
    return null;
  }
  const hash = Object.keys(manifest).find((key) => /^\s*query Products\(/.test(manifest[key] ?? ''));
  if (!hash) return null;
  const variables = { first: 20, after: null, filter: {}, sort: 'SCORE' };
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  return (
    `/graphql?operationName=Products&variables=${encodeURIComponent(JSON.stringify(variables))}` +
    `&extensions=${encodeURIComponent(JSON.stringify(extensions))}`
  );
}
