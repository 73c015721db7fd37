import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxInsurer, SandboxProduct } from '../data/catalogue.js';
import { type PriceChanges, RenderedCatalogue, matchesEtag } from '../data/price-changes.js';
import { REJECTION_MESSAGES, SignatureVerifier } from './request-signing.js';

function renderProduct(product: SandboxProduct): Record<string, unknown> {
  // Every plan × status row shares the same age bands, so the table travels as a matrix.
  const first = product.premiums[0];
  const ageBands = product.premiums
    .filter((row) => row.plan === first.plan && row.socialInsurance === first.socialInsurance)
    .map((row) => [row.minAge, row.maxAge]);
  const rows: Record<string, unknown>[] = [];
  for (const plan of product.plans) {
    for (const socialInsurance of [true, false]) {
      const cells = product.premiums.filter((row) => row.plan === plan.key && row.socialInsurance === socialInsurance);
      if (cells.length === 0) continue;
      rows.push({
        plan: plan.key,
        social_insurance: socialInsurance,
        annual_fen: cells.map((row) => row.annualFen),
        monthly_fen: cells.some((row) => row.monthlyFen === null) ? null : cells.map((row) => row.monthlyFen),
      });
    }
  }
  return {
    product_no: product.code,
    product_name: product.name,
    category: product.category.toLowerCase(),
    deductible_fen: product.deductibleFen,
    waiting_period_days: product.waitingPeriodDays,
    guaranteed_renewal_years: product.guaranteedRenewalYears,
    entry_age: { min: product.minAge, max: product.maxAge },
    max_occupation_class: product.maxOccupationClass,
    health_disclosure: product.healthQuestions,
    coverages: product.coverage.map((item) => ({
      code: item.key,
      name: item.name,
      sum_insured_fen: item.sumInsuredFen,
      note: item.note ?? null,
    })),
    plans: product.plans.map((plan) => ({ code: plan.key, name: plan.name })),
    premium_matrix: { age_bands: ageBands, rows },
    exclusions: product.exclusions,
  };
}

/**
 * A JSON open API that only answers signed requests (see request-signing.ts):
 * `GET /insurers/:code/open/v2/catalogue` → `{ success, error_code, message, request_id, result }`.
 * snake_case, money as integer fen, premiums as an age-band matrix, complaints per 10,000 policies.
 * A bad, stale or replayed signature answers 401 with `success: false` and an `error_code`.
 */
export function registerSignedJsonInsurer(
  app: FastifyInstance,
  insurer: SandboxInsurer,
  verifier: SignatureVerifier,
  prices: PriceChanges,
): void {
  const facts = {
    code: insurer.code,
    name: insurer.name,
    registered_capital_yuan: insurer.facts.registeredCapitalYuan,
    complaints_per_10k_policies: Number((insurer.facts.complaintRate * 10_000).toFixed(4)),
    comprehensive_solvency_ratio: insurer.facts.solvencyRatio,
    risk_rating: insurer.facts.riskRating,
    avg_claim_settlement_days: insurer.facts.averageClaimDays,
    online_claim_ratio: insurer.facts.onlineClaimRate,
  };
  const catalogue = new RenderedCatalogue(insurer.code, prices, (products) =>
    JSON.stringify({ insurer: facts, products: products.map(renderProduct) }),
  );
  app.get(`/insurers/${insurer.code}/open/v2/catalogue`, async (request, reply) => {
    const header = (name: string): string | undefined => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const requestId = randomUUID();
    const rejection = verifier.verify(request.method, request.url, {
      appId: header('x-app-id'),
      timestamp: header('x-timestamp'),
      nonce: header('x-nonce'),
      signature: header('x-signature'),
    });
    if (rejection) {
      return reply.code(401).send({
        success: false,
        error_code: rejection,
        message: REJECTION_MESSAGES[rejection],
        request_id: requestId,
        result: null,
      });
    }
    // Serialised once per price revision; only the request id differs between answers, so the ETag
    // names the catalogue (`result`), and an unchanged one is answered 304 without a body.
    const { body: result, etag } = catalogue.current();
    reply.header('etag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply
      .type('application/json; charset=utf-8')
      .send(
        `{"success":true,"error_code":null,"message":"成功","request_id":${JSON.stringify(requestId)},"result":${result}}`,
      );
  });
}

export const MALFORMED_SIGNED_JSON = '{"success":true,"error_code":null,"result":{"insurer":{"code":"';
