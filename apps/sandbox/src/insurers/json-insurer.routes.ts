import type { FastifyInstance } from 'fastify';
import type { SandboxCategory, SandboxInsurer, SandboxProduct } from '../data/catalogue.js';
import type { PriceChanges } from '../data/price-changes.js';

const MAX_PAGE_SIZE = 10;

/** This upstream names lines with Chinese words. */
const CATEGORY_WORDS: Readonly<Record<SandboxCategory, string>> = {
  MEDICAL: '医疗',
  CRITICAL_ILLNESS: '重疾',
  ACCIDENT: '意外',
  TERM_LIFE: '寿险',
  CANCER: '防癌',
  HUIMINBAO: '惠民保',
  TRAVEL: '旅行',
  PROPERTY: '财产',
};

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

function renderProduct(product: SandboxProduct): Record<string, unknown> {
  return {
    productCode: product.code,
    productName: product.name,
    category: CATEGORY_WORDS[product.category],
    deductible: yuan(product.deductibleFen),
    waitingDays: product.waitingPeriodDays,
    renewGuaranteeYears: product.guaranteedRenewalYears,
    insuredAge: { min: product.minAge, max: product.maxAge },
    maxJobClass: product.maxOccupationClass,
    healthNotice: product.healthQuestions,
    liabilities: product.coverage.map((item) => ({
      liabilityCode: item.key,
      liabilityName: item.name,
      sumInsured: yuan(item.sumInsuredFen),
      ...(item.note === undefined ? {} : { remark: item.note }),
    })),
    plans: product.plans.map((plan) => ({ planCode: plan.key, planName: plan.name })),
    premiumTable: product.premiums.map((row) => ({
      planCode: row.plan,
      socialSecurity: row.socialInsurance,
      ageFrom: row.minAge,
      ageTo: row.maxAge,
      annualPremium: yuan(row.annualFen),
      monthlyPremium: row.monthlyFen === null ? null : yuan(row.monthlyFen),
    })),
    exclusions: product.exclusions,
  };
}

/**
 * A paginated JSON upstream: `GET /insurers/:code/api/v1/products?page=1&pageSize=10`, answering
 * `{ code: 0, message: 'ok', data: { insurer, list, page, pageSize, total } }`. Money is yuan strings,
 * lines are Chinese words, the insurer's facts ride along on every page.
 */
export function registerJsonInsurer(app: FastifyInstance, insurer: SandboxInsurer, prices: PriceChanges): void {
  const facts = {
    insurerCode: insurer.code,
    insurerName: insurer.name,
    registeredCapital: yuan(insurer.facts.registeredCapitalYuan * 100),
    complaintRate: insurer.facts.complaintRate,
    solvencyRatio: insurer.facts.solvencyRatio,
    riskRating: insurer.facts.riskRating,
    avgClaimDays: insurer.facts.averageClaimDays,
    onlineClaimRate: insurer.facts.onlineClaimRate,
  };
  let rendered: { revision: number; products: Record<string, unknown>[]; pages: Map<string, string> } | undefined;
  app.get<{ Querystring: { page?: string; pageSize?: string } }>(
    `/insurers/${insurer.code}/api/v1/products`,
    async (request, reply) => {
      const page = Number(request.query.page ?? '1');
      const pageSize = Number(request.query.pageSize ?? String(MAX_PAGE_SIZE));
      if (
        !Number.isInteger(page) ||
        page < 1 ||
        !Number.isInteger(pageSize) ||
        pageSize < 1 ||
        pageSize > MAX_PAGE_SIZE
      ) {
        return reply.code(400).send({ code: 40001, message: 'invalid page or pageSize', data: null });
      }
      // Rendered once per price revision (the catalogue changes only when a test reprices it), each
      // page serialised once: a hundred insurers' pages asked at every uncached load would otherwise
      // keep the sandbox's one event loop busy. This upstream sends no ETag: a client can only
      // compare what it receives.
      const revision = prices.revisionOf(insurer.code);
      if (rendered?.revision !== revision)
        rendered = { revision, products: prices.productsOf(insurer.code).map(renderProduct), pages: new Map() };
      const all = rendered.products;
      const key = `${page}:${pageSize}`;
      let body = rendered.pages.get(key);
      if (body === undefined) {
        const list = all.slice((page - 1) * pageSize, page * pageSize);
        body = JSON.stringify({
          code: 0,
          message: 'ok',
          data: { insurer: facts, list, page, pageSize, total: all.length },
        });
        // Pages past the end (empty lists) are not kept: what is kept is bounded by the catalogue.
        if (list.length > 0) rendered.pages.set(key, body);
      }
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}

/** A body cut off half-way, as a proxy that drops the connection would deliver it. */
export const MALFORMED_JSON = '{"code":0,"message":"ok","data":{"list":[{"productCode":"';
