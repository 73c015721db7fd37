/**
 * The request both end-to-end benchmarks send as normal traffic: the home page's first page of
 * products, POSTed as JSON to the BFF's /graphql, and the check that its answer is a full page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpRequestSpec } from './measure.js';

const TRUSTED_DOCUMENTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)), // bench/dist/lib
  '../../../packages/schema/trusted-documents.json',
);

/**
 * The home page's request, as the app-wide client sends it (apps/miniapp/src/graphql/client.ts,
 * first-screen.ts): the trusted Products document by its hash, anonymous, as a GET with its
 * parameters in the URL, with the home page's first variables.
 */
export function homePageRequest(graphqlUrl: string): HttpRequestSpec {
  const manifest = JSON.parse(readFileSync(TRUSTED_DOCUMENTS, 'utf8')) as Record<string, string>;
  const sha256Hash = Object.keys(manifest).find((hash) => /^\s*query Products\(/.test(manifest[hash] ?? ''));
  if (!sha256Hash) throw new Error(`no Products document in ${TRUSTED_DOCUMENTS}: run the mini-program's codegen`);
  const parameters = [
    'operationName=Products',
    `variables=${encodeURIComponent(JSON.stringify({ first: 20, after: null, filter: {}, sort: 'SCORE' }))}`,
    `extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }))}`,
  ];
  return {
    url: `${graphqlUrl}?${parameters.join('&')}`,
    method: 'GET',
    headers: { accept: 'application/graphql-response+json, application/json' },
  };
}

export const PAGE_SIZE = 20;
export const PRODUCTS_QUERY = `{ products(first: ${PAGE_SIZE}) { totalCount edges { cursor node { id name category priceFrom insurer { id name } score { composite goldPick } } } pageInfo { hasNextPage endCursor } errors { code } dataAgeSeconds } }`;
export const PRODUCTS_REQUEST_BODY = JSON.stringify({ query: PRODUCTS_QUERY });

export const GRAPHQL_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  accept: 'application/json',
};

/** The products page request to a BFF's /graphql. */
export function productsRequest(graphqlUrl: string): HttpRequestSpec {
  return { url: graphqlUrl, method: 'POST', headers: { ...GRAPHQL_HEADERS }, body: PRODUCTS_REQUEST_BODY };
}

export interface ProductsPage {
  totalCount: number;
  edges: {
    cursor: string;
    node: {
      id: string;
      name: string;
      category: string;
      priceFrom: number;
      insurer: { id: string; name: string };
      score: { composite: number; goldPick: boolean } | null;
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  errors: { code: string }[];
  dataAgeSeconds: number;
}

/** A parsed GraphQL answer to PRODUCTS_QUERY. */
export interface ProductsAnswer {
  data?: { products?: ProductsPage } | null;
  errors?: unknown[];
}

/**
 * The page, when the answer is a full page of 20 products with insurers and scores, more to come, no
 * GraphQL errors and no insurer errors; otherwise what is wrong with it.
 */
export function checkProductsAnswer(body: ProductsAnswer): { page: ProductsPage } | { problem: string } {
  if (Array.isArray(body.errors) && body.errors.length > 0) return { problem: 'response carries GraphQL errors' };
  const page = body.data?.products;
  if (!page) return { problem: 'no data.products' };
  if (!Array.isArray(page.errors) || page.errors.length > 0)
    return { problem: 'products.errors is not empty: an insurer failed' };
  if (page.edges.length !== PAGE_SIZE) return { problem: `expected ${PAGE_SIZE} products, got ${page.edges.length}` };
  if (!(page.totalCount > PAGE_SIZE) || !page.pageInfo.hasNextPage)
    return { problem: 'expected more products than one page' };
  for (const { node } of page.edges) {
    if (!node.id || !node.name || !node.insurer?.id || typeof node.priceFrom !== 'number' || !node.score)
      return { problem: `incomplete product ${JSON.stringify(node)}` };
  }
  if (typeof page.dataAgeSeconds !== 'number') return { problem: 'dataAgeSeconds missing' };
  return { page };
}

export const pageIds = (page: ProductsPage | undefined): string =>
  (page?.edges ?? []).map((edge) => edge.node.id).join(',');
