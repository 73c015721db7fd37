import {
  type CoverageItem,
  type InsurerFacts,
  type PremiumRate,
  type Product,
  type ProductCategory,
  type ProductPlan,
  isRiskRating,
  lowestAnnualPremium,
  productId,
} from '@family/domain';
import { UpstreamError } from './insurer.port.js';

/**
 * Helpers shared by the adapters' pure parsers. Each parser reads its own wire format into the
 * candidates below (null wherever a field is missing or unreadable); these functions then decide:
 * a product with any unreadable field is skipped, unreadable insurer facts fail the whole answer.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJson(insurerId: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: body is not valid JSON`);
  }
}

export function nonNegativeInteger(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : null;
}

export function finiteNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Every element read by `read`, or null when the value is not an array or any element is unreadable. */
export function everyOrNull<T>(value: unknown, read: (element: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const result: T[] = [];
  for (const element of value) {
    const item = read(element);
    if (item === null) return null;
    result.push(item);
  }
  return result;
}

export function stringList(value: unknown): string[] | null {
  return everyOrNull(value, nonEmptyString);
}

/**
 * A copy of `value` that shares no memory with the text it was cut from. V8 may represent a
 * substring as a slice of its parent, which then lives as long as the substring does: a note an XML
 * parser cut out of a catalogue kept the whole ~1 MB body alive with the product (24 MB at 100
 * insurers, docs/performance.md "Memory at scale"). The JSON round trip keeps every code unit.
 */
export function ownText(value: string): string {
  return JSON.parse(JSON.stringify(value)) as string;
}

/** How many texts `sharedText` keeps at most before it starts afresh. */
export const SHARED_TEXTS_LIMIT = 20_000;
const sharedTexts = new Map<string, string>();

/**
 * One copy per process of a text the catalogue repeats across products and insurers (coverage keys
 * and names, notes, plan keys and names, health questions, exclusions): every product would
 * otherwise hold its own copy of each. The copy is an `ownText`. Bounded: once it holds
 * SHARED_TEXTS_LIMIT texts it forgets them all (products keep theirs), so texts no catalogue uses
 * any more do not pile up. Only for texts; what it returns equals what it is given.
 */
export function sharedText(value: string): string {
  const known = sharedTexts.get(value);
  if (known !== undefined) return known;
  if (sharedTexts.size >= SHARED_TEXTS_LIMIT) sharedTexts.clear();
  const own = ownText(value);
  sharedTexts.set(own, own);
  return own;
}

/** How many texts `sharedText` holds now (for tests). */
export function sharedTextCount(): number {
  return sharedTexts.size;
}

/** `nonEmptyString`, as a `sharedText`. */
export function sharedString(value: unknown): string | null {
  const text = nonEmptyString(value);
  return text === null ? null : sharedText(text);
}

/** `stringList`, each element a `sharedText`. */
export function sharedStringList(value: unknown): string[] | null {
  return everyOrNull(value, sharedString);
}

/** A product as a parser read it; null marks a missing or unreadable field. */
export interface ProductCandidate {
  readonly code: string | null;
  readonly name: string | null;
  readonly category: ProductCategory | null;
  readonly coverage: CoverageItem[] | null;
  readonly deductible: number | null;
  readonly waitingPeriodDays: number | null;
  readonly guaranteedRenewalYears: number | null;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly healthQuestions: string[] | null;
  readonly maxOccupationClass: number | null;
  readonly plans: ProductPlan[] | null;
  readonly premiums: PremiumRate[] | null;
  readonly exclusions: string[] | null;
}

/**
 * The domain product, or null when the candidate is incomplete or inconsistent (no coverage, no premiums,
 * a premium row for an unknown plan, ages out of order…): such a product is skipped, not fatal.
 */
export function toProduct(insurerId: string, candidate: ProductCandidate): Product | null {
  const {
    code,
    name,
    category,
    coverage,
    deductible,
    waitingPeriodDays,
    guaranteedRenewalYears,
    minAge,
    maxAge,
    healthQuestions,
    maxOccupationClass,
    plans,
    premiums,
    exclusions,
  } = candidate;
  if (
    code === null ||
    name === null ||
    category === null ||
    coverage === null ||
    deductible === null ||
    waitingPeriodDays === null ||
    guaranteedRenewalYears === null ||
    minAge === null ||
    maxAge === null ||
    healthQuestions === null ||
    maxOccupationClass === null ||
    plans === null ||
    premiums === null ||
    exclusions === null
  )
    return null;
  if (coverage.length === 0 || plans.length === 0 || minAge > maxAge) return null;
  if (maxOccupationClass < 1 || maxOccupationClass > 6) return null;
  const planKeys = new Set(plans.map((plan) => plan.key));
  if (premiums.some((rate) => !planKeys.has(rate.plan) || rate.minAge > rate.maxAge)) return null;
  const priceFrom = lowestAnnualPremium(premiums);
  if (priceFrom === null) return null;
  return {
    id: productId(insurerId, code),
    insurerId,
    name,
    category,
    priceFrom,
    coverage,
    deductible,
    waitingPeriodDays,
    guaranteedRenewalYears,
    minAge,
    maxAge,
    healthQuestions,
    maxOccupationClass,
    plans,
    premiums,
    exclusions,
  };
}

/** Insurer facts as a parser read them, already converted to the domain's units. */
export interface FactsCandidate {
  readonly name: string | null;
  readonly registeredCapitalYuan: number | null;
  readonly complaintRate: number | null;
  readonly solvencyRatio: number | null;
  readonly riskRating: unknown;
  readonly averageClaimDays: number | null;
  readonly onlineClaimRate: number | null;
}

/**
 * The insurer's facts; throws BAD_RESPONSE when any is missing or out of range, because the qualification
 * gate and the scores cannot judge an insurer without them.
 */
export function toInsurerFacts(insurerId: string, candidate: FactsCandidate): InsurerFacts {
  const { name, registeredCapitalYuan, complaintRate, solvencyRatio, riskRating, averageClaimDays, onlineClaimRate } =
    candidate;
  if (
    name === null ||
    registeredCapitalYuan === null ||
    registeredCapitalYuan < 0 ||
    complaintRate === null ||
    complaintRate < 0 ||
    complaintRate > 1 ||
    solvencyRatio === null ||
    solvencyRatio < 0 ||
    !isRiskRating(riskRating) ||
    averageClaimDays === null ||
    averageClaimDays < 0 ||
    onlineClaimRate === null ||
    onlineClaimRate < 0 ||
    onlineClaimRate > 1
  )
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: insurer facts missing or unreadable`);
  return {
    id: insurerId,
    name,
    registeredCapitalYuan,
    complaintRate,
    solvencyRatio,
    riskRating,
    averageClaimDays,
    onlineClaimRate,
  };
}

/** A rate given in percent or per ten thousand as a fraction, without binary noise (0.12% → 0.0012). */
export function scaledRate(value: number | null, divisor: number): number | null {
  return value === null ? null : Number((value / divisor).toPrecision(12));
}
