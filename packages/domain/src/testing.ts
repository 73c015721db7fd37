import type { InsurerFacts, Product } from './product.js';

/**
 * A plausible product for tests, with every field set; override what a test is about. Premiums: one
 * plan, 0–60 in three age bands, with and without social insurance, annual and monthly.
 */
export function makeProduct(overrides: Partial<Product> = {}): Product {
  const base: Product = {
    id: 'test:MED-1',
    insurerId: 'test',
    name: '测试百万医疗',
    category: 'MEDICAL',
    priceFrom: 13600,
    coverage: [
      { key: 'general-medical', name: '一般医疗保险金', sumInsured: 300_000_000 },
      { key: 'critical-illness-medical', name: '重大疾病医疗保险金', sumInsured: 300_000_000 },
    ],
    deductible: 1_000_000,
    waitingPeriodDays: 30,
    guaranteedRenewalYears: 0,
    minAge: 0,
    maxAge: 60,
    healthQuestions: ['过去两年内是否住院或被建议住院？', '是否患有恶性肿瘤、心脑血管疾病？'],
    maxOccupationClass: 4,
    plans: [{ key: 'basic', name: '基础版' }],
    premiums: [
      { plan: 'basic', socialInsurance: true, minAge: 0, maxAge: 17, annual: 13600, monthly: 1200 },
      { plan: 'basic', socialInsurance: true, minAge: 18, maxAge: 40, annual: 21800, monthly: 1900 },
      { plan: 'basic', socialInsurance: true, minAge: 41, maxAge: 60, annual: 52000, monthly: 4500 },
      { plan: 'basic', socialInsurance: false, minAge: 0, maxAge: 17, annual: 29900, monthly: 2600 },
      { plan: 'basic', socialInsurance: false, minAge: 18, maxAge: 40, annual: 46800, monthly: 4000 },
      { plan: 'basic', socialInsurance: false, minAge: 41, maxAge: 60, annual: 112000, monthly: 9600 },
    ],
    exclusions: ['投保前已患疾病及其并发症', '等待期内发生的疾病'],
  };
  return { ...base, ...overrides };
}

export function makeInsurerFacts(overrides: Partial<InsurerFacts> = {}): InsurerFacts {
  return {
    id: 'test',
    name: '测试保险',
    registeredCapitalYuan: 5_000_000_000,
    complaintRate: 0.0005,
    solvencyRatio: 220,
    riskRating: 'AA',
    averageClaimDays: 3.5,
    onlineClaimRate: 0.85,
    ...overrides,
  };
}
