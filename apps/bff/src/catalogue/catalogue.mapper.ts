import { CATEGORY_LABELS, type Product } from '@family/domain';
import { upstreamErrorMessage } from './catalogue.errors.js';
import type { InsurerSummary, ProductListing } from './catalogue.service.js';
import type { ProductConnectionModel, ProductModel } from './models/product.model.js';

export function mapProduct(product: Product, insurer: InsurerSummary): ProductModel {
  return {
    id: product.id,
    name: product.name,
    insurer,
    category: product.category,
    categoryLabel: CATEGORY_LABELS[product.category],
    priceFrom: product.priceFrom,
  };
}

export function mapProductListing(listing: ProductListing): ProductConnectionModel {
  const insurerOf = (product: Product): InsurerSummary =>
    listing.insurers.get(product.insurerId) ?? { id: product.insurerId, name: product.insurerId };
  return {
    edges: listing.page.items.map((item) => ({
      cursor: item.cursor,
      node: mapProduct(item.node, insurerOf(item.node)),
    })),
    pageInfo: { hasNextPage: listing.page.hasNextPage, endCursor: listing.page.endCursor },
    totalCount: listing.page.totalCount,
    errors: listing.failures.map((failure) => ({
      insurer: failure.insurer,
      code: failure.code,
      message: upstreamErrorMessage(failure.insurer.name, failure.code),
    })),
  };
}
