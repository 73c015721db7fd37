import { Injectable } from '@nestjs/common';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type Product, isProductCategory, productId } from '@family/domain';
import { type InsurerAdapter, type InsurerEndpoint, UpstreamError } from './insurer.port.js';
import { UpstreamHttpClient } from './upstream-http.client.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'product' || name === 'band',
});

interface XmlBand {
  '@annualFen'?: string;
}
interface XmlProduct {
  '@id'?: string;
  title?: string;
  line?: string;
  premiums?: { band?: XmlBand[] };
}

/**
 * Parses the XML catalogue format: the whole catalogue in one document, premiums in fen as
 * attributes, categories as English words matching our enum.
 */
export function parseXmlCatalogue(insurerId: string, body: string): Product[] {
  if (XMLValidator.validate(body) !== true)
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: body is not well-formed XML`);
  const document = parser.parse(body) as { catalogue?: { product?: XmlProduct[] } | string };
  if (typeof document.catalogue !== 'object')
    throw new UpstreamError('BAD_RESPONSE', `${insurerId}: no <catalogue> root`);
  const products: Product[] = [];
  for (const item of document.catalogue.product ?? []) {
    const code = item['@id'];
    const category = item.line?.trim();
    if (!code || !item.title || !isProductCategory(category)) continue;
    const premiums = (item.premiums?.band ?? [])
      .map((band) => Number(band['@annualFen']))
      .filter((fen) => Number.isSafeInteger(fen) && fen >= 0);
    if (premiums.length === 0) continue;
    products.push({
      id: productId(insurerId, code),
      insurerId,
      name: item.title.trim(),
      category,
      priceFrom: Math.min(...premiums),
    });
  }
  return products;
}

@Injectable()
export class XmlInsurerAdapter implements InsurerAdapter {
  readonly wireFormat = 'xml' as const;

  constructor(private readonly http: UpstreamHttpClient) {}

  async fetchCatalogue(endpoint: InsurerEndpoint, signal: AbortSignal): Promise<Product[]> {
    const response = await this.http.get(endpoint.url, signal);
    return parseXmlCatalogue(endpoint.id, response.body);
  }
}
