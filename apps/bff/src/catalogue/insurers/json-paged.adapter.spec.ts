import { fixture } from './fixtures.js';
import { UpstreamError } from './insurer.port.js';
import { parseJsonPage } from './json-paged.adapter.js';

function failure(parse: () => unknown): UpstreamError {
  try {
    parse();
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected an UpstreamError');
}

describe('JSON paged adapter contract', () => {
  it('reads a recorded page into domain products and the insurer facts', () => {
    const page = parseJsonPage('kangning', fixture('json-paged.page1.json'));
    expect(page.total).toBe(12);
    expect(page.products).toHaveLength(10);
    expect(page.insurer).toEqual({
      id: 'kangning',
      name: '康宁人寿',
      registeredCapitalYuan: 5_800_000_000,
      complaintRate: 0.0009,
      solvencyRatio: 218,
      riskRating: 'AA',
      averageClaimDays: 2.6,
      onlineClaimRate: 0.91,
    });
    const [first] = page.products;
    expect(first).toMatchObject({
      id: 'kangning:KN-MED-01',
      insurerId: 'kangning',
      name: '康宁e生保 百万医疗',
      category: 'MEDICAL',
      deductible: 1_000_000,
      waitingPeriodDays: 30,
      guaranteedRenewalYears: 0,
      minAge: 0,
      maxAge: 60,
      maxOccupationClass: 4,
      plans: [
        { key: 'basic', name: '基础版' },
        { key: 'upgraded', name: '升级版' },
      ],
    });
    expect(first.coverage[0]).toEqual({
      key: 'general-medical',
      name: '一般医疗保险金',
      sumInsured: 300_000_000,
      note: '年免赔额10000元；经社保结算的按100%赔付，未经社保结算的按60%赔付',
    });
    expect(first.premiums).toContainEqual({
      plan: 'basic',
      socialInsurance: false,
      minAge: 18,
      maxAge: 25,
      annual: expect.any(Number),
      monthly: expect.any(Number),
    });
    expect(first.priceFrom).toBe(Math.min(...first.premiums.map((rate) => rate.annual)));
    expect(first.healthQuestions.length).toBeGreaterThan(0);
    expect(first.exclusions.length).toBeGreaterThan(0);
    expect(new Set(page.products.map((product) => product.category))).toEqual(
      new Set(['MEDICAL', 'CRITICAL_ILLNESS', 'TERM_LIFE', 'CANCER']),
    );
  });

  it('reads the last page, whose products offer no monthly payment where the upstream says null', () => {
    const page = parseJsonPage('kangning', fixture('json-paged.page2.json'));
    expect(page.products.map((product) => product.id)).toEqual(['kangning:KN-ACC-01', 'kangning:KN-ACC-02']);
    const monthlyOffered = page.products.map((product) => product.premiums.every((rate) => rate.monthly !== null));
    expect(monthlyOffered).toContain(false);
  });

  it('skips the items it cannot read and keeps the rest', () => {
    const page = parseJsonPage('x', fixture('json-paged.broken-items.json'));
    expect(page.products.map((product) => product.id)).toEqual(['x:OK-1']);
    expect(page.products[0].priceFrom).toBe(Math.min(...page.products[0].premiums.map((rate) => rate.annual)));
  });

  it.each([
    'json-paged.truncated.json',
    'json-paged.error-envelope.json',
    'json-paged.no-insurer.json',
    'xml.catalogue.xml',
  ])('fails %s as BAD_RESPONSE', (name) => {
    expect(failure(() => parseJsonPage('x', fixture(name))).code).toBe('BAD_RESPONSE');
  });
});
