import { createHmac, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type CoverageItem,
  type InsurerFacts,
  type PremiumRate,
  type Product,
  type ProductPlan,
  isProductCategory,
} from '@family/domain';
import {
  type CatalogueContent,
  type InsurerAdapter,
  type InsurerCatalogue,
  type InsurerEndpoint,
  UpstreamError,
} from './insurer.port.js';
import { UpstreamHttpClient, type UpstreamResponse } from './upstream-http.client.js';
import {
  everyOrNull,
  finiteNumber,
  isRecord,
  nonEmptyString,
  nonNegativeInteger,
  parseJson,
  scaledRate,
  sharedString,
  sharedStringList,
  sharedText,
  toInsurerFacts,
  toProduct,
} from './upstream-parsing.js';

/**
 * The app id these insurers issued to us. One value for now: the sandbox's insurers all issued the same;
 * a real deployment would configure it per insurer next to the secret.
 */
export const SIGNED_JSON_APP_ID = 'family-insurance-bff';

export interface SigningInput {
  readonly method: string;
  /** Path and query exactly as sent. */
  readonly pathWithQuery: string;
  /** Milliseconds since the epoch, as a decimal string. */
  readonly timestamp: string;
  readonly nonce: string;
}

/**
 * The headers of a signed request: `X-Signature` is the lowercase hex HMAC-SHA256, keyed with the
 * insurer's secret, of `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE`.
 */
export function signedRequestHeaders(input: SigningInput, secret: string): Record<string, string> {
  const payload = `${input.method.toUpperCase()}\n${input.pathWithQuery}\n${input.timestamp}\n${input.nonce}`;
  return {
    'X-App-Id': SIGNED_JSON_APP_ID,
    'X-Timestamp': input.timestamp,
    'X-Nonce': input.nonce,
    'X-Signature': createHmac('sha256', secret).update(payload, 'utf8').digest('hex'),
  };
}

function readCoverage(value: unknown): CoverageItem | null {
  if (!isRecord(value)) return null;
  const key = sharedString(value.code);
  const name = sharedString(value.name);
  const sumInsured = nonNegativeInteger(value.sum_insured_fen);
  if (key === null || name === null || sumInsured === null) return null;
  const note = sharedString(value.note);
  return note === null ? { key, name, sumInsured } : { key, name, sumInsured, note };
}

function readPlan(value: unknown): ProductPlan | null {
  if (!isRecord(value)) return null;
  const key = sharedString(value.code);
  const name = sharedString(value.name);
  return key === null || name === null ? null : { key, name };
}

function readAgeBand(value: unknown): readonly [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [minAge, maxAge] = value.map(nonNegativeInteger);
  return minAge === null || maxAge === null ? null : [minAge, maxAge];
}

function integerList(value: unknown, length: number): number[] | null {
  const list = everyOrNull(value, (element) => (typeof element === 'number' ? nonNegativeInteger(element) : null));
  return list !== null && list.length === length ? list : null;
}

/** `{age_bands: [[0,17],…], rows: [{plan, social_insurance, annual_fen: […], monthly_fen: […] | null}]}`. */
function readPremiumMatrix(value: unknown): PremiumRate[] | null {
  if (!isRecord(value)) return null;
  const bands = everyOrNull(value.age_bands, readAgeBand);
  if (bands === null || !Array.isArray(value.rows)) return null;
  const rates: PremiumRate[] = [];
  for (const row of value.rows) {
    if (!isRecord(row) || typeof row.social_insurance !== 'boolean') return null;
    const plan = sharedString(row.plan);
    const annual = integerList(row.annual_fen, bands.length);
    const monthly = row.monthly_fen === null ? null : integerList(row.monthly_fen, bands.length);
    if (plan === null || annual === null || (monthly === null && row.monthly_fen !== null)) return null;
    bands.forEach(([minAge, maxAge], index) =>
      rates.push({
        plan,
        socialInsurance: row.social_insurance === true,
        minAge,
        maxAge,
        annual: annual[index],
        monthly: monthly === null ? null : monthly[index],
      }),
    );
  }
  return rates;
}

function readProduct(insurerId: string, item: unknown): Product | null {
  if (!isRecord(item)) return null;
  const age = isRecord(item.entry_age) ? item.entry_age : {};
  const category = typeof item.category === 'string' ? sharedText(item.category.toUpperCase()) : null;
  return toProduct(insurerId, {
    code: nonEmptyString(item.product_no),
    name: nonEmptyString(item.product_name),
    category: isProductCategory(category) ? category : null,
    coverage: everyOrNull(item.coverages, readCoverage),
    deductible: nonNegativeInteger(item.deductible_fen),
    waitingPeriodDays: nonNegativeInteger(item.waiting_period_days),
    guaranteedRenewalYears: nonNegativeInteger(item.guaranteed_renewal_years),
    minAge: nonNegativeInteger(age.min),
    maxAge: nonNegativeInteger(age.max),
    healthQuestions: sharedStringList(item.health_disclosure),
    maxOccupationClass: nonNegativeInteger(item.max_occupation_class),
    plans: everyOrNull(item.plans, readPlan),
    premiums: readPremiumMatrix(item.premium_matrix),
    exclusions: sharedStringList(item.exclusions),
  });
}

function readFacts(insurerId: string, value: unknown): InsurerFacts {
  if (!isRecord(value)) throw new UpstreamError('BAD_RESPONSE', `${insurerId}: no insurer block`);
  return toInsurerFacts(insurerId, {
    name: nonEmptyString(value.name),
    registeredCapitalYuan: finiteNumber(value.registered_capital_yuan),
    // Published as complaints per 10,000 policies (万张保单投诉量).
    complaintRate: scaledRate(finiteNumber(value.complaints_per_10k_policies), 10_000),
    solvencyRatio: finiteNumber(value.comprehensive_solvency_ratio),
    riskRating: value.risk_rating,
    averageClaimDays: finiteNumber(value.avg_claim_settlement_days),
    onlineClaimRate: finiteNumber(value.online_claim_ratio),
  });
}

/**
 * Reads one answer of the signed-json format. A refusal (HTTP 401/403: bad, stale or replayed signature,
 * unknown app) is UNAVAILABLE — we cannot get in, and retrying the same credentials will not help;
 * the upstream's `error_code` goes into the detail for the logs. 5xx is UNAVAILABLE; any other status,
 * a body that is not the format, or unreadable insurer facts is BAD_RESPONSE. A single unreadable
 * product is skipped.
 */
export function parseSignedJsonResponse(
  insurerId: string,
  response: Pick<UpstreamResponse, 'status' | 'body'>,
): CatalogueContent {
  const { status, body } = response;
  if (status === 401 || status === 403) {
    let reason = 'no error code';
    try {
      const json: unknown = JSON.parse(body);
      if (isRecord(json) && typeof json.error_code === 'string') reason = json.error_code;
    } catch {
      // The status alone is enough to fail the insurer; the code is only for the logs.
    }
    throw new UpstreamError('UNAVAILABLE', `${insurerId}: request refused (HTTP ${status}, ${reason})`);
  }
  if (status >= 500) throw new UpstreamError('UNAVAILABLE', `${insurerId}: answered HTTP ${status}`);
  if (status !== 200) throw new UpstreamError('BAD_RESPONSE', `${insurerId}: answered HTTP ${status}`);
  const json = parseJson(insurerId, body);
  if (!isRecord(json) || json.success !== true || !isRecord(json.result) || !Array.isArray(json.result.products))
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: unexpected JSON envelope`);
  const insurer = readFacts(insurerId, json.result.insurer);
  const products = json.result.products
    .map((item) => readProduct(insurerId, item))
    .filter((product): product is Product => product !== null);
  return { insurer, products };
}

@Injectable()
export class SignedJsonInsurerAdapter implements InsurerAdapter {
  readonly wireFormat = 'signed-json' as const;

  constructor(private readonly http: UpstreamHttpClient) {}

  async fetchCatalogue(endpoint: InsurerEndpoint, signal: AbortSignal): Promise<InsurerCatalogue> {
    // Without a secret every request would be refused: fail at once, naming the setting, and spare the call.
    if (!endpoint.secret)
      throw new UpstreamError('UNAVAILABLE', `${endpoint.id}: no signing secret configured (INSURER_SECRETS)`);
    const url = new URL(endpoint.url);
    const headers = signedRequestHeaders(
      {
        method: 'GET',
        pathWithQuery: `${url.pathname}${url.search}`,
        timestamp: String(Date.now()),
        nonce: randomUUID(),
      },
      endpoint.secret,
    );
    // Each answer carries its own request id, so only the upstream's ETag (a 304) spares the parse.
    const { value, revision } = await this.http.getParsed(
      url.toString(),
      signal,
      (response) => parseSignedJsonResponse(endpoint.id, response),
      headers,
    );
    return { ...value, revision };
  }
}
