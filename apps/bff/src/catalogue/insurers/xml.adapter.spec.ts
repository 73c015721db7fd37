import { fixture } from './fixtures.js';
import { UpstreamError } from './insurer.port.js';
import { parseXmlCatalogue } from './xml.adapter.js';

function failure(parse: () => unknown): UpstreamError {
  try {
    parse();
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected an UpstreamError');
}

describe('XML adapter contract', () => {
  it('reads a recorded catalogue into domain products and the insurer facts', () => {
    const { insurer, products } = parseXmlCatalogue('anxin', fixture('xml.catalogue.xml'));
    expect(insurer).toEqual({
      id: 'anxin',
      name: '安信财险',
      registeredCapitalYuan: 10_000_000_000,
      complaintRate: 0.0004,
      solvencyRatio: 256,
      riskRating: 'AAA',
      averageClaimDays: 1.6,
      onlineClaimRate: 0.96,
    });
    expect(products).toHaveLength(12);
    expect(new Set(products.map((product) => product.category))).toEqual(
      new Set(['MEDICAL', 'ACCIDENT', 'TRAVEL', 'PROPERTY', 'HUIMINBAO']),
    );
    const medical = products.find((product) => product.category === 'MEDICAL')!;
    expect(medical.coverage.map((item) => item.key)).toEqual(
      expect.arrayContaining(['general-medical', 'critical-illness-medical', 'special-drugs', 'proton-heavy-ion']),
    );
    expect(medical.priceFrom).toBe(Math.min(...medical.premiums.map((rate) => rate.annual)));
    expect(medical.premiums.some((rate) => !rate.socialInsurance)).toBe(true);
  });

  it('reads empty lists and products that only the socially insured may buy (惠民保)', () => {
    const { products } = parseXmlCatalogue('anxin', fixture('xml.catalogue.xml'));
    const huiminbao = products.find((product) => product.category === 'HUIMINBAO')!;
    expect(huiminbao.healthQuestions).toEqual([]);
    expect(huiminbao.premiums.every((rate) => rate.socialInsurance && rate.monthly === null)).toBe(true);
    expect(new Set(huiminbao.premiums.filter((rate) => rate.plan === 'basic').map((rate) => rate.annual)).size).toBe(1);
  });

  it('decodes entities and skips products with an unknown line, no premiums, a bad band or no coverage', () => {
    const { products } = parseXmlCatalogue('anxin', fixture('xml.broken-items.xml'));
    expect(products.map((product) => [product.id, product.name])).toEqual([['anxin:OK-1', '安信 & 好保障']]);
  });

  it.each(['xml.truncated.xml', 'xml.no-insurer.xml', 'json-paged.page1.json'])('fails %s as BAD_RESPONSE', (name) => {
    expect(failure(() => parseXmlCatalogue('anxin', fixture(name))).code).toBe('BAD_RESPONSE');
  });
});
