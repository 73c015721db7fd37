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
import { UpstreamHttpClient, okBody } from './upstream-http.client.js';
import {
  everyOrNull,
  finiteNumber,
  isRecord,
  nonEmptyString,
  nonNegativeInteger,
  ownText,
  scaledRate,
  sharedString,
  sharedText,
  toInsurerFacts,
  toProduct,
} from './upstream-parsing.js';
import { type XmlObject, readXmlDocument } from './xml-document.js';

/** Elements that are always lists, however many the catalogue holds. */
const LISTS = new Set(['product', 'band', 'liability', 'plan', 'question', 'clause']);

/** The text of an element that may also carry attributes (`<x unit="%">1</x>` parses as an object). */
function text(value: unknown): string | null {
  if (isRecord(value)) return nonEmptyString(value['#text']);
  return nonEmptyString(value);
}

/** The children `<parent><tag/>…</parent>`; an empty `<parent/>` is an empty list, a missing one null. */
function children(parent: unknown, tag: string): unknown[] | null {
  if (parent === '') return [];
  if (!isRecord(parent)) return null;
  const list = parent[tag];
  return list === undefined ? [] : Array.isArray(list) ? list : null;
}

/**
 * `text`, as a `sharedText` (a text products repeat) or as an `ownText` (one of its own): never a
 * slice of the body the parser cut it from, which would keep the whole document alive.
 */
function sharedTextOf(value: unknown): string | null {
  const found = text(value);
  return found === null ? null : sharedText(found);
}

function ownTextOf(value: unknown): string | null {
  const found = text(value);
  return found === null ? null : ownText(found);
}

/** `GENERAL_MEDICAL` → `general-medical`, our shared coverage key. */
function coverageKey(type: unknown): string | null {
  return typeof type === 'string' && /^[A-Z]+(_[A-Z]+)*$/.test(type)
    ? sharedText(type.toLowerCase().replace(/_/g, '-'))
    : null;
}

function readLiability(value: unknown): CoverageItem | null {
  if (!isRecord(value)) return null;
  const key = coverageKey(value['@type']);
  const name = sharedTextOf(value);
  const sumInsured = nonNegativeInteger(value['@sumFen']);
  if (key === null || name === null || sumInsured === null) return null;
  const note = sharedString(value['@note']);
  return note === null ? { key, name, sumInsured } : { key, name, sumInsured, note };
}

function readPlan(value: unknown): ProductPlan | null {
  if (!isRecord(value)) return null;
  const key = sharedString(value['@code']);
  const name = sharedTextOf(value);
  return key === null || name === null ? null : { key, name };
}

function readBand(value: unknown): PremiumRate | null {
  if (!isRecord(value)) return null;
  const social = value['@social'];
  const plan = sharedString(value['@plan']);
  const minAge = nonNegativeInteger(value['@minAge']);
  const maxAge = nonNegativeInteger(value['@maxAge']);
  const annual = nonNegativeInteger(value['@annualFen']);
  const monthly = value['@monthlyFen'] === undefined ? null : nonNegativeInteger(value['@monthlyFen']);
  if (plan === null || (social !== 'true' && social !== 'false') || minAge === null || maxAge === null) return null;
  if (annual === null || (monthly === null && value['@monthlyFen'] !== undefined)) return null;
  return { plan, socialInsurance: social === 'true', minAge, maxAge, annual, monthly };
}

function readProduct(insurerId: string, item: unknown): Product | null {
  if (!isRecord(item)) return null;
  const terms = isRecord(item.terms) ? item.terms : {};
  const line = sharedTextOf(item.line);
  const list = <T>(parent: unknown, tag: string, read: (value: unknown) => T | null): T[] | null => {
    const elements = children(parent, tag);
    return elements === null ? null : everyOrNull(elements, read);
  };
  return toProduct(insurerId, {
    code: ownTextOf(item['@id']),
    name: ownTextOf(item.title),
    category: isProductCategory(line) ? line : null,
    coverage: list(item.liabilities, 'liability', readLiability),
    deductible: nonNegativeInteger(terms['@deductibleFen']),
    waitingPeriodDays: nonNegativeInteger(terms['@waitingDays']),
    guaranteedRenewalYears: nonNegativeInteger(terms['@renewalYears']),
    minAge: nonNegativeInteger(terms['@minAge']),
    maxAge: nonNegativeInteger(terms['@maxAge']),
    healthQuestions: list(item.healthDisclosure, 'question', sharedTextOf),
    maxOccupationClass: nonNegativeInteger(terms['@maxOccupation']),
    plans: list(item.plans, 'plan', readPlan),
    premiums: list(item.premiums, 'band', readBand),
    exclusions: list(item.exclusions, 'clause', sharedTextOf),
  });
}

function readFacts(insurerId: string, value: unknown): InsurerFacts {
  if (!isRecord(value)) throw new UpstreamError('BAD_RESPONSE', `${insurerId}: no <insurer> element`);
  const claims = isRecord(value.claims) ? value.claims : {};
  // Filings give registered capital in 万元 and rates in percent.
  const capitalWan = finiteNumber(text(value.registeredCapital));
  return toInsurerFacts(insurerId, {
    name: ownTextOf(value.name),
    registeredCapitalYuan: capitalWan === null ? null : Math.round(capitalWan * 10_000),
    complaintRate: scaledRate(finiteNumber(text(value.complaintRate)), 100),
    solvencyRatio: finiteNumber(text(value.solvencyRatio)),
    riskRating: ownTextOf(value.riskRating),
    averageClaimDays: finiteNumber(claims['@averageDays']),
    onlineClaimRate: finiteNumber(claims['@onlineRate']),
  });
}

/**
 * Parses the XML catalogue format: the whole catalogue in one document, the insurer's facts in
 * `<insurer>`, money in fen as attributes, lines as English words matching our enum, liability types as
 * constants (`GENERAL_MEDICAL`). Throws BAD_RESPONSE when the body is not that format or the facts are
 * unreadable; skips a single product it cannot read.
 */
export function parseXmlCatalogue(insurerId: string, body: string): CatalogueContent {
  let document: XmlObject;
  try {
    document = readXmlDocument(body, LISTS);
  } catch (error) {
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: body is not well-formed XML (${(error as Error).message})`);
  }
  if (!isRecord(document.catalogue)) throw new UpstreamError('BAD_RESPONSE', `${insurerId}: no <catalogue> root`);
  const insurer = readFacts(insurerId, document.catalogue.insurer);
  const products = (children(document.catalogue, 'product') ?? [])
    .map((item) => readProduct(insurerId, item))
    .filter((product): product is Product => product !== null);
  return { insurer, products };
}

@Injectable()
export class XmlInsurerAdapter implements InsurerAdapter {
  readonly wireFormat = 'xml' as const;

  constructor(private readonly http: UpstreamHttpClient) {}

  async fetchCatalogue(endpoint: InsurerEndpoint, signal: AbortSignal): Promise<InsurerCatalogue> {
    // A whole catalogue in one document (about 490 KB at 112 products): parsed only when it changed.
    const { value, revision } = await this.http.getParsed(endpoint.url, signal, (response) =>
      parseXmlCatalogue(endpoint.id, okBody(endpoint.url, response)),
    );
    return { ...value, revision };
  }
}
