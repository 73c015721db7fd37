import { fixture } from './fixtures.js';
import { UpstreamError } from './insurer.port.js';
import { parseJsonPage } from './json-paged.adapter.js';

describe('JSON paged adapter contract', () => {
  it('reads a recorded page into domain products, lowest premium as price from', () => {
    const page = parseJsonPage('kangning', fixture('json-paged.page1.json'));
    expect(page.total).toBe(6);
    expect(page.products).toHaveLength(6);
    expect(page.products[0]).toEqual({
      id: 'kangning:KN-MED-01',
      insurerId: 'kangning',
      name: '康宁e生保 百万医疗',
      category: 'MEDICAL',
      priceFrom: 13600,
    });
    expect(new Set(page.products.map((product) => product.category))).toEqual(
      new Set(['MEDICAL', 'CRITICAL_ILLNESS', 'TERM_LIFE', 'CANCER', 'ACCIDENT']),
    );
  });

  it('skips the items it cannot read and keeps the rest', () => {
    const page = parseJsonPage('x', fixture('json-paged.broken-items.json'));
    expect(page.products.map((product) => product.id)).toEqual(['x:OK-1']);
    expect(page.products[0].priceFrom).toBe(9900);
  });

  it.each(['json-paged.truncated.json', 'json-paged.error-envelope.json'])('fails %s as BAD_RESPONSE', (name) => {
    let error: unknown;
    try {
      parseJsonPage('x', fixture(name));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).code).toBe('BAD_RESPONSE');
  });
});
