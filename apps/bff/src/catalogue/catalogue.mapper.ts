import { CATEGORY_LABELS, type Comparison, type Product, type ProductScore, offersMonthly } from '@family/domain';
import { upstreamErrorMessage } from './catalogue.errors.js';
import type { CatalogueSnapshot, InsurerSummary } from './catalogue-snapshot.service.js';
import type { ProductComparisonModel } from './models/comparison.model.js';
import type { InsurerErrorModel, InsurerListingModel, InsurerModel } from './models/insurer.model.js';
import type { ProductConnectionModel } from './models/product-connection.model.js';
import type { ProductModel } from './models/product.model.js';
import type { QuoteModel } from './models/quote.model.js';
import type { ProductScoreModel } from './models/score.model.js';
import type { ProductListing } from './product-listing.service.js';
import type { QuoteOutcome } from './quote.service.js';

function mapInsurer(snapshot: CatalogueSnapshot, summary: InsurerSummary): InsurerModel {
  const listed = snapshot.insurers.get(summary.id);
  return { id: summary.id, name: listed?.name ?? summary.name, facts: listed ? { ...listed.facts } : null };
}

function mapScore(score: ProductScore | undefined): ProductScoreModel | null {
  if (!score) return null;
  return {
    composite: score.composite,
    goldPick: score.goldPick,
    // Made when a query asks for them (the product page), not for every listed product: a
    // catalogue's score makes its dimensions afresh on each read (domain `scoreCatalogue`).
    get dimensions() {
      return score.dimensions;
    },
  };
}

export function mapProduct(product: Product, snapshot: CatalogueSnapshot): ProductModel {
  return {
    id: product.id,
    name: product.name,
    insurer: mapInsurer(snapshot, { id: product.insurerId, name: product.insurerId }),
    category: product.category,
    categoryLabel: CATEGORY_LABELS[product.category],
    priceFrom: product.priceFrom,
    score: mapScore(snapshot.scores.get(product.id)),
    coverage: product.coverage.map((item) => ({ ...item, note: item.note ?? null })),
    deductible: product.deductible,
    waitingPeriodDays: product.waitingPeriodDays,
    guaranteedRenewalYears: product.guaranteedRenewalYears,
    minAge: product.minAge,
    maxAge: product.maxAge,
    healthQuestions: [...product.healthQuestions],
    maxOccupationClass: product.maxOccupationClass,
    plans: product.plans.map((plan) => ({ ...plan })),
    premiums: product.premiums.map((rate) => ({ ...rate })),
    monthlyPayment: offersMonthly(product),
    exclusions: [...product.exclusions],
  };
}

function mapErrors(snapshot: CatalogueSnapshot): InsurerErrorModel[] {
  return snapshot.failures.map((failure) => ({
    insurer: mapInsurer(snapshot, failure.insurer),
    code: failure.code,
    message: upstreamErrorMessage(failure.insurer.name, failure.code),
  }));
}

export function mapProductListing({ page, snapshot, search }: ProductListing): ProductConnectionModel {
  const freshness = snapshot.freshness.map((entry) => ({
    insurer: mapInsurer(snapshot, entry.insurer),
    fetchedAt: new Date(entry.fetchedAt),
    ageSeconds: Math.max(0, Math.floor((snapshot.takenAt - entry.fetchedAt) / 1000)),
    stale: entry.stale,
  }));
  return {
    edges: page.items.map((item) => ({
      cursor: item.cursor,
      node: mapProduct(item.node, snapshot),
      highlights: (search?.highlights.get(item.node.id) ?? []).map((range) => ({ ...range })),
    })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
    errors: mapErrors(snapshot),
    freshness,
    dataAgeSeconds: freshness.reduce((oldest, entry) => Math.max(oldest, entry.ageSeconds), 0),
    understood: search?.understood ?? null,
    fallback: search?.fallback
      ? {
          message: search.fallback.message,
          categories: search.fallback.categories.map((category) => ({ category, label: CATEGORY_LABELS[category] })),
          products: search.fallback.products.map((product) => mapProduct(product, snapshot)),
        }
      : null,
  };
}

export function mapInsurerListing(snapshot: CatalogueSnapshot): InsurerListingModel {
  return {
    insurers: [...snapshot.insurers.values()].map((insurer) => mapInsurer(snapshot, insurer)),
    errors: mapErrors(snapshot),
  };
}

export function mapComparison(
  products: readonly Product[],
  comparison: Comparison,
  snapshot: CatalogueSnapshot,
): ProductComparisonModel {
  const row = (entry: Comparison['coverage'][number]) => ({
    ...entry,
    values: [...entry.values],
    best: [...entry.best],
  });
  return {
    products: products.map((product) => mapProduct(product, snapshot)),
    coverage: comparison.coverage.map(row),
    attributes: comparison.attributes.map(row),
  };
}

export function mapQuote(outcome: QuoteOutcome): QuoteModel {
  return {
    product: mapProduct(outcome.product, outcome.snapshot),
    age: outcome.age,
    plan: outcome.plan,
    frequency: outcome.frequency,
    perPayment: outcome.perPayment,
    paymentsPerYear: outcome.paymentsPerYear,
    yearlyTotal: outcome.yearlyTotal,
  };
}
