import { Injectable } from '@nestjs/common';
import { type Product, type ProductCategory, productId, yuanToFen } from '@family/domain';
import { type InsurerAdapter, type InsurerEndpoint, UpstreamError } from './insurer.port.js';
import { UpstreamHttpClient } from './upstream-http.client.js';

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
  readonly products: Product[];
  readonly total: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one page of the paginated JSON format. Throws BAD_RESPONSE when the body is not that format;
 * skips (and does not fail on) a single product whose category or premiums it cannot read.
 */
export function parseJsonPage(insurerId: string, body: string): JsonPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: body is not valid JSON`);
  }
  if (!isRecord(json) || json.code !== 0 || !isRecord(json.data) || !Array.isArray(json.data.list))
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: unexpected JSON envelope`);
  const total = json.data.total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0)
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: missing total`);
  const products: Product[] = [];
  for (const item of json.data.list) {
    if (!isRecord(item) || typeof item.productCode !== 'string' || typeof item.productName !== 'string') continue;
    const category = typeof item.category === 'string' ? CATEGORY_WORDS[item.category] : undefined;
    if (!category || !Array.isArray(item.premiumTable)) continue;
    const premiums = item.premiumTable
      .map((band) => (isRecord(band) && typeof band.annualPremium === 'string' ? yuanToFen(band.annualPremium) : null))
      .filter((fen): fen is number => fen !== null);
    if (premiums.length === 0) continue;
    products.push({
      id: productId(insurerId, item.productCode),
      insurerId,
      name: item.productName,
      category,
      priceFrom: Math.min(...premiums),
    });
  }
  return { products, total };
}

@Injectable()
export class JsonPagedInsurerAdapter implements InsurerAdapter {
  readonly wireFormat = 'json-paged' as const;

  constructor(private readonly http: UpstreamHttpClient) {}

  async fetchCatalogue(endpoint: InsurerEndpoint, signal: AbortSignal): Promise<Product[]> {
    const products: Product[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = `${endpoint.url}?page=${page}&pageSize=${PAGE_SIZE}`;
      const response = await this.http.get(url, signal);
      const parsed = parseJsonPage(endpoint.id, response.body);
      products.push(...parsed.products);
      if (page * PAGE_SIZE >= parsed.total) return products;
    }
    throw new UpstreamError('BAD_RESPONSE', `${endpoint.id}: more than ${MAX_PAGES} pages`);
  }
}
