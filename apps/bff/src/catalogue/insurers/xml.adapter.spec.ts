import { fixture } from './fixtures.js';
import { UpstreamError } from './insurer.port.js';
import { parseXmlCatalogue } from './xml.adapter.js';

describe('XML adapter contract', () => {
  it('reads a recorded catalogue into domain products', () => {
    const products = parseXmlCatalogue('anxin', fixture('xml.catalogue.xml'));
    expect(products).toHaveLength(5);
    expect(products[0]).toEqual({
      id: 'anxin:AX-ACC-01',
      insurerId: 'anxin',
      name: '安信成人综合意外险',
      category: 'ACCIDENT',
      priceFrom: 8800,
    });
  });

  it('decodes entities and skips products with an unknown line or no premiums', () => {
    const products = parseXmlCatalogue('anxin', fixture('xml.broken-items.xml'));
    expect(products.map((product) => [product.id, product.name])).toEqual([['anxin:OK-1', '安信 & 好保障']]);
  });

  it.each([
    ['xml.truncated.xml', 'BAD_RESPONSE'],
    ['json-paged.page1.json', 'BAD_RESPONSE'],
  ])('fails %s as %s', (name, code) => {
    let error: unknown;
    try {
      parseXmlCatalogue('anxin', fixture(name));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).code).toBe(code);
  });
});
