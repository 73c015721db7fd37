import { Injectable } from '@nestjs/common';
import {
  type CoverageItem,
  type InsurerFacts,
  type PremiumRate,
  type Product,
  type ProductCategory,
  type ProductPlan,
  yuanToFen,
} from '@family/domain';
import { type InsurerAdapter, type InsurerCatalogue, type InsurerEndpoint, UpstreamError } from './insurer.port.js';
import { UpstreamHttpClient, okBody } from './upstream-http.client.js';
import {
  everyOrNull,
  finiteNumber,
  isRecord,
  nonEmptyString,
  nonNegativeInteger,
  parseJson,
  sharedString,
  sharedStringList,
  toInsurerFacts,
  toProduct,
} from './upstream-parsing.js';

const CATEGORY_WORDS: Readonly<Record<string, ProductCategory>> = {
  医疗: 'MEDICAL',
  重疾: 'CRITICAL_ILLNESS',
  意外: 'ACCIDENT',
  寿险: 'TERM_LIFE',
  防癌: 'CANCER',
  惠民保: 'HUIMINBAO',
  旅行: 'TRAVEL',
  财产: 'PROPERTY',
};

const PAGE_SIZE = 10;
/** Guards against an upstream whose `total` never lets the loop end. */
const MAX_PAGES = 50;

export interface JsonPage {
  readonly insurer: InsurerFacts;
  readonly products: Product[];
  readonly total: number;
}

function fen(value: unknown): number | null {
  return typeof value === 'string' ? yuanToFen(value) : null;
}

function readLiability(value: unknown): CoverageItem | null {
  if (!isRecord(value)) return null;
  const key = sharedString(value.liabilityCode);
  const name = sharedString(value.liabilityName);
  const sumInsured = fen(value.sumInsured);
  if (key === null || name === null || sumInsured === null) return null;
  const note = sharedString(value.remark);
  return note === null ? { key, name, sumInsured } : { key, name, sumInsured, note };
}

function readPlan(value: unknown): ProductPlan | null {
  if (!isRecord(value)) return null;
  const key = sharedString(value.planCode);
  const name = sharedString(value.planName);
  return key === null || name === null ? null : { key, name };
}

function readPremium(value: unknown): PremiumRate | null {
  if (!isRecord(value) || typeof value.socialSecurity !== 'boolean') return null;
  const plan = sharedString(value.planCode);
  const minAge = nonNegativeInteger(value.ageFrom);
  const maxAge = nonNegativeInteger(value.ageTo);
  const annual = fen(value.annualPremium);
  const monthlyOffered = value.monthlyPremium !== null && value.monthlyPremium !== undefined;
  const monthly = monthlyOffered ? fen(value.monthlyPremium) : null;
  if (plan === null || minAge === null || maxAge === null || annual === null) return null;
  if (monthlyOffered && monthly === null) return null;
  return { plan, socialInsurance: value.socialSecurity, minAge, maxAge, annual, monthly };
}

function readProduct(insurerId: string, item: unknown): Product | null {
  if (!isRecord(item)) return null;
  const age = isRecord(item.insuredAge) ? item.insuredAge : {};
  return toProduct(insurerId, {
    code: nonEmptyString(item.productCode),
    name: nonEmptyString(item.productName),
    category: typeof item.category === 'string' ? (CATEGORY_WORDS[item.category] ?? null) : null,
    coverage: everyOrNull(item.liabilities, readLiability),
    deductible: fen(item.deductible),
    waitingPeriodDays: nonNegativeInteger(item.waitingDays),
    guaranteedRenewalYears: nonNegativeInteger(item.renewGuaranteeYears),
    minAge: nonNegativeInteger(age.min),
    maxAge: nonNegativeInteger(age.max),
    healthQuestions: sharedStringList(item.healthNotice),
    maxOccupationClass: nonNegativeInteger(item.maxJobClass),
    plans: everyOrNull(item.plans, readPlan),
    premiums: everyOrNull(item.premiumTable, readPremium),
    exclusions: sharedStringList(item.exclusions),
  });
}

function readFacts(insurerId: string, value: unknown): InsurerFacts {
  if (!isRecord(value)) throw new UpstreamError('BAD_RESPONSE', `${insurerId}: no insurer block`);
  const capitalFen = fen(value.registeredCapital);
  return toInsurerFacts(insurerId, {
    name: nonEmptyString(value.insurerName),
    registeredCapitalYuan: capitalFen === null ? null : capitalFen / 100,
    complaintRate: finiteNumber(value.complaintRate),
    solvencyRatio: finiteNumber(value.solvencyRatio),
    riskRating: value.riskRating,
    averageClaimDays: finiteNumber(value.avgClaimDays),
    onlineClaimRate: finiteNumber(value.onlineClaimRate),
  });
}

/**
 * Parses one page of the paginated JSON format: `{code: 0, data: {insurer, list, total}}`, money as yuan
 * strings, lines as Chinese words. Throws BAD_RESPONSE when the body is not that format or the insurer
 * block is unreadable; skips (and does not fail on) a single product it cannot read.
 */
export function parseJsonPage(insurerId: string, body: string): JsonPage {
  const json = parseJson(insurerId, body);
  if (!isRecord(json) || json.code !== 0 || !isRecord(json.data) || !Array.isArray(json.data.list))
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: unexpected JSON envelope`);
  const total = typeof json.data.total === 'number' ? nonNegativeInteger(json.data.total) : null;
  if (total === null) throw new UpstreamError('BAD_RESPONSE', `${insurerId}: missing total`);
  const insurer = readFacts(insurerId, json.data.insurer);
  const products = json.data.list
    .map((item) => readProduct(insurerId, item))
    .filter((product): product is Product => product !== null);
  return { insurer, products, total };
}

@Injectable()
export class JsonPagedInsurerAdapter implements InsurerAdapter {
  readonly wireFormat = 'json-paged' as const;
  /** How many pages each endpoint's catalogue had when it was last asked. */
  private readonly pageCounts = new Map<string, number>();

  constructor(private readonly http: UpstreamHttpClient) {}

  /**
   * Every page the catalogue had last time is asked for at once, the first among them, so a
   * catalogue that kept its length (or shrank) costs one round trip; only the first load, and pages
   * a catalogue gained since, wait for the first page to say how many there are (two round trips).
   * The first page decides: pages past its `total` are dropped whatever they answered.
   */
  async fetchCatalogue(endpoint: InsurerEndpoint, signal: AbortSignal): Promise<InsurerCatalogue> {
    // Each page is parsed only when its body changed (this upstream sends no ETag: its bytes are compared).
    const fetchPage = (page: number) => {
      const url = `${endpoint.url}?page=${page}&pageSize=${PAGE_SIZE}`;
      return this.http.getParsed(url, signal, (response) => parseJsonPage(endpoint.id, okBody(url, response)));
    };
    const known = this.pageCounts.get(endpoint.url) ?? 1;
    const early = Array.from({ length: known - 1 }, (_, index) => fetchPage(index + 2));
    // Handled at once: a page asked early that fails is no unhandled rejection when it is not
    // needed (past the end) or the first page fails; awaited below, its failure still counts.
    for (const page of early) page.catch(() => undefined);
    const firstPage = await fetchPage(1);
    const pageCount = Math.ceil(firstPage.value.total / PAGE_SIZE);
    if (pageCount > MAX_PAGES) throw new UpstreamError('BAD_RESPONSE', `${endpoint.id}: more than ${MAX_PAGES} pages`);
    this.pageCounts.set(endpoint.url, Math.max(1, pageCount));
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) =>
        index < early.length ? early[index] : fetchPage(index + 2),
      ),
    );
    const pages = [firstPage, ...rest];
    // Facts ride along on every page; the last page's are the freshest.
    return {
      insurer: pages.at(-1)!.value.insurer,
      products: pages.flatMap((page) => page.value.products),
      revision: pages.map((page) => page.revision).join(' '),
    };
  }
}
