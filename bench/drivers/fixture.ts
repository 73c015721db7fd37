/**
 * The one catalogue every target serves, and the one query every target is asked. The listing is
 * built once and handed back on every call, so the benchmark measures the GraphQL layer (parse,
 * validate, execute, serialise, HTTP) and not the insurers' upstream I/O.
 */
import { CATEGORY_LABELS, PRODUCT_CATEGORIES, type Product, byPrice, paginate } from '@family/domain';
import type { ListedInsurer } from '@family/bff/dist/catalogue/catalogue-snapshot.service.js';
import type { ProductListing } from '@family/bff/dist/catalogue/product-listing.service.js';

export const PAGE_SIZE = 20;
const PRODUCTS_PER_INSURER = 20;

export const QUERY = `{ products(first: ${PAGE_SIZE}) { totalCount edges { cursor node { id name category categoryLabel priceFrom insurer { id name } } } pageInfo { hasNextPage endCursor } } }`;

export const REQUEST_BODY = JSON.stringify({ query: QUERY });

const INSURERS: readonly ListedInsurer[] = [
  { id: 'pingan', name: '平安健康' },
  { id: 'taiping', name: '太平人寿' },
].map((insurer) => ({
  ...insurer,
  facts: {
    ...insurer,
    registeredCapitalYuan: 5_000_000_000,
    complaintRate: 0.001,
    solvencyRatio: 200,
    riskRating: 'AA',
    averageClaimDays: 3,
    onlineClaimRate: 0.9,
  },
}));

/**
 * A product with the facts QUERY reads (and pagination sorts on); the others are empty, so the BFF's
 * mapper, which copies every fact of a product whatever the query asks, has nothing large to copy.
 */
function product(fields: Pick<Product, 'id' | 'insurerId' | 'name' | 'category' | 'priceFrom'>): Product {
  return {
    ...fields,
    coverage: [],
    deductible: 0,
    waitingPeriodDays: 0,
    guaranteedRenewalYears: 0,
    minAge: 0,
    maxAge: 60,
    healthQuestions: [],
    maxOccupationClass: 4,
    plans: [],
    premiums: [],
    exclusions: [],
  };
}

function buildListing(): ProductListing {
  const products: Product[] = INSURERS.flatMap((insurer, i) =>
    Array.from({ length: PRODUCTS_PER_INSURER }, (_, j): Product => {
      const category = PRODUCT_CATEGORIES[(i * PRODUCTS_PER_INSURER + j) % PRODUCT_CATEGORIES.length];
      return product({
        id: `${insurer.id}:P${String(j + 1).padStart(3, '0')}`,
        insurerId: insurer.id,
        name: `${insurer.name}${CATEGORY_LABELS[category]}${j + 1}号`,
        category,
        priceFrom: 9_900 + ((i * 7 + j * 13) % 40) * 1_000,
      });
    }),
  );
  // The real pagination code, so cursors look exactly as in production: 40 products, first page of 20
  // in price order (a sort the BFF offers; no scores are needed for it).
  const page = paginate(products, { first: PAGE_SIZE }, byPrice);
  const snapshot = {
    products,
    insurers: new Map(INSURERS.map((insurer) => [insurer.id, insurer])),
    scores: new Map(),
    failures: [],
    freshness: [],
    takenAt: Date.now(),
    signature: 'bench-fixture',
  };
  return { page, snapshot };
}

/** Frozen at start-up: every call gets the very same object. */
export const LISTING: ProductListing = buildListing();

/** What `data` must be for QUERY, derived from LISTING independently of the BFF's mapper. */
export function expectedData(): unknown {
  const { page } = LISTING;
  const insurers = new Map(INSURERS.map((insurer) => [insurer.id, { id: insurer.id, name: insurer.name }]));
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
