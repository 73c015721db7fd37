/**
 * The one catalogue every target serves, and the one query every target is asked. The listing is
 * built once and handed back on every call, so the benchmark measures the GraphQL layer (parse,
 * validate, execute, serialise, HTTP) and not the insurers' upstream I/O.
 */
import { CATEGORY_LABELS, PRODUCT_CATEGORIES, type Product, paginate } from '@family/domain';
import type { InsurerSummary, ProductListing } from '@family/bff/dist/catalogue/catalogue.service.js';

export const PAGE_SIZE = 20;
const PRODUCTS_PER_INSURER = 20;

export const QUERY = `{ products(first: ${PAGE_SIZE}) { totalCount edges { cursor node { id name category categoryLabel priceFrom insurer { id name } } } pageInfo { hasNextPage endCursor } } }`;

export const REQUEST_BODY = JSON.stringify({ query: QUERY });

const INSURERS: readonly InsurerSummary[] = [
  { id: 'pingan', name: '平安健康' },
  { id: 'taiping', name: '太平人寿' },
];

/** The fields QUERY reads (and pagination sorts on); a product's other facts never reach the answer. */
type ListedProduct = Pick<Product, 'id' | 'insurerId' | 'name' | 'category' | 'priceFrom'>;

function buildListing(): ProductListing {
  const listed: ListedProduct[] = INSURERS.flatMap((insurer, i) =>
    Array.from({ length: PRODUCTS_PER_INSURER }, (_, j): ListedProduct => {
      const category = PRODUCT_CATEGORIES[(i * PRODUCTS_PER_INSURER + j) % PRODUCT_CATEGORIES.length];
      return {
        id: `${insurer.id}:P${String(j + 1).padStart(3, '0')}`,
        insurerId: insurer.id,
        name: `${insurer.name}${CATEGORY_LABELS[category]}${j + 1}号`,
        category,
        priceFrom: 9_900 + ((i * 7 + j * 13) % 40) * 1_000,
      };
    }),
  );
  // Only the listed fields are ever read for QUERY, so the bench does not have to follow every new
  // fact the domain's Product gains (coverage, premiums…): the cast is safe for this query only.
  const products = listed as unknown as Product[];
  // The real pagination code, so cursors look exactly as in production: 40 products, first page of 20.
  const page = paginate(products, { first: PAGE_SIZE });
  return { page, insurers: new Map(INSURERS.map((insurer) => [insurer.id, insurer])), failures: [] };
}

/** Frozen at start-up: every call gets the very same object. */
export const LISTING: ProductListing = buildListing();

/** What `data` must be for QUERY, derived from LISTING independently of the BFF's mapper. */
export function expectedData(): unknown {
  const { page, insurers } = LISTING;
  return {
    products: {
      totalCount: page.totalCount,
      edges: page.items.map(({ cursor, node }) => ({
        cursor,
        node: {
          id: node.id,
          name: node.name,
          category: node.category,
          categoryLabel: CATEGORY_LABELS[node.category],
          priceFrom: node.priceFrom,
          insurer: insurers.get(node.insurerId),
        },
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    },
  };
}
