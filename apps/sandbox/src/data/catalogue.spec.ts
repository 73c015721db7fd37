import {
  SANDBOX_CATEGORIES,
  SANDBOX_INSURERS,
  SANDBOX_PRODUCTS,
  SANDBOX_SIGNING_SECRETS,
  type SandboxInsurer,
  type SandboxProduct,
  productsOf,
  sandboxInsurerSecretsSetting,
} from './catalogue.js';

/** The qualification gate of capability C7: capital ≥ 1 bn yuan and complaint rate ≤ 0.15%. */
function passesGate(insurer: SandboxInsurer): boolean {
  return insurer.facts.registeredCapitalYuan >= 1e9 && insurer.facts.complaintRate <= 0.0015;
}

const passing = SANDBOX_INSURERS.filter(passesGate);
const listed = SANDBOX_PRODUCTS.filter((product) => passing.some((insurer) => insurer.code === product.insurerCode));

/** Annual premiums of one plan and status, in age order. */
function curves(product: SandboxProduct): number[][] {
  const groups = new Map<string, number[]>();
  for (const row of [...product.premiums].sort((a, b) => a.minAge - b.minAge)) {
    const key = `${row.plan}/${row.socialInsurance}`;
    groups.set(key, [...(groups.get(key) ?? []), row.annualFen]);
  }
  return [...groups.values()];
}

describe('sandbox data', () => {
  it('has at least 11 insurers over three formats, at least 10 passing the gate and one failing it', () => {
    expect(SANDBOX_INSURERS.length).toBeGreaterThanOrEqual(11);
    expect(new Set(SANDBOX_INSURERS.map((insurer) => insurer.format))).toEqual(new Set(['json', 'xml', 'signed-json']));
    expect(passing.length).toBeGreaterThanOrEqual(10);
    expect(SANDBOX_INSURERS.filter((insurer) => !passesGate(insurer)).map((insurer) => insurer.code)).toEqual([
      'xiaofang',
    ]);
    expect(new Set(SANDBOX_INSURERS.map((insurer) => insurer.name)).size).toBe(SANDBOX_INSURERS.length);
  });

  it('lists at least 120 products of passing insurers over at least 7 categories', () => {
    expect(listed.length).toBeGreaterThanOrEqual(120);
    expect(new Set(listed.map((product) => product.category)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(SANDBOX_PRODUCTS.map((product) => product.code)).size).toBe(SANDBOX_PRODUCTS.length);
    for (const insurer of SANDBOX_INSURERS) expect(productsOf(insurer.code).length).toBeGreaterThan(0);
  });

  it('gives a signing secret to every signed-json insurer and only to them', () => {
    const signed = SANDBOX_INSURERS.filter((insurer) => insurer.format === 'signed-json').map(
      (insurer) => insurer.code,
    );
    expect(Object.keys(SANDBOX_SIGNING_SECRETS).sort()).toEqual(signed.sort());
    expect(sandboxInsurerSecretsSetting()).toMatch(/^([a-z0-9-]+=[^,=\s]+)(,[a-z0-9-]+=[^,=\s]+)*$/);
  });

  it.each(SANDBOX_PRODUCTS.map((product) => [product.code, product] as const))(
    '%s is complete and consistent',
    (_code, product) => {
      expect(SANDBOX_CATEGORIES).toContain(product.category);
      expect(product.coverage.length).toBeGreaterThan(0);
      expect(product.premiums.length).toBeGreaterThan(0);
      expect(product.exclusions.length).toBeGreaterThan(0);
      expect(product.plans.length).toBeGreaterThan(0);
      expect(product.minAge).toBeLessThanOrEqual(product.maxAge);
      expect(product.maxOccupationClass).toBeGreaterThanOrEqual(1);
      expect(product.maxOccupationClass).toBeLessThanOrEqual(6);
      const plans = new Set(product.plans.map((plan) => plan.key));
      for (const row of product.premiums) {
        expect(plans.has(row.plan)).toBe(true);
        expect(Number.isSafeInteger(row.annualFen) && row.annualFen > 0).toBe(true);
        expect(row.minAge).toBeGreaterThanOrEqual(product.minAge);
        expect(row.maxAge).toBeLessThanOrEqual(product.maxAge);
      }
      // Every plan × status row covers the same age bands (the signed-json format sends a matrix).
      const bandsOf = (plan: string, social: boolean): string =>
        product.premiums
          .filter((row) => row.plan === plan && row.socialInsurance === social)
          .map((row) => `${row.minAge}-${row.maxAge}`)
          .join(',');
      const first = bandsOf(product.premiums[0].plan, product.premiums[0].socialInsurance);
      for (const row of product.premiums) expect(bandsOf(row.plan, row.socialInsurance)).toBe(first);
      for (const item of product.coverage) expect(item.key).toMatch(/^[a-z]+(-[a-z]+)*$/);
    },
  );

  it('prices products plausibly for their category', () => {
    const yuan = (fen: number): number => fen / 100;
    const cheapest = (product: SandboxProduct): number =>
      Math.min(...product.premiums.map((row) => yuan(row.annualFen)));
    const socialBasic = (product: SandboxProduct): number[] =>
      product.premiums.filter((row) => row.plan === 'basic' && row.socialInsurance).map((row) => yuan(row.annualFen));
    for (const product of SANDBOX_PRODUCTS) {
      const prices = socialBasic(product);
      switch (product.category) {
        case 'MEDICAL':
          expect(Math.min(...prices)).toBeGreaterThanOrEqual(80);
          expect(Math.max(...prices)).toBeLessThanOrEqual(1600);
          expect(product.deductibleFen).toBeGreaterThanOrEqual(5_000 * 100);
          expect(product.coverage.find((item) => item.key === 'general-medical')?.sumInsuredFen).toBeGreaterThanOrEqual(
            2_000_000 * 100,
          );
          break;
        case 'CRITICAL_ILLNESS':
          expect(cheapest(product)).toBeGreaterThanOrEqual(500);
          expect(
            product.coverage.find((item) => item.key === 'critical-illness')?.sumInsuredFen,
          ).toBeGreaterThanOrEqual(300_000 * 100);
          break;
        case 'ACCIDENT':
          expect(Math.min(...prices)).toBeGreaterThanOrEqual(30);
          expect(Math.max(...prices)).toBeLessThanOrEqual(300);
          break;
        case 'HUIMINBAO':
          expect(new Set(prices).size).toBe(1);
          for (const row of product.premiums) expect(yuan(row.annualFen)).toBeGreaterThanOrEqual(49);
          for (const row of product.premiums) expect(yuan(row.annualFen)).toBeLessThanOrEqual(199);
          break;
        case 'TRAVEL':
          expect(cheapest(product)).toBeLessThan(100);
          break;
      }
    }
  });

  it('raises health and life premiums with age, within each plan and social-insurance status', () => {
    const ageRated = SANDBOX_PRODUCTS.filter((product) =>
      ['MEDICAL', 'CRITICAL_ILLNESS', 'TERM_LIFE', 'CANCER'].includes(product.category),
    );
    expect(ageRated.length).toBeGreaterThan(50);
    for (const product of ageRated) {
      for (const curve of curves(product)) {
        expect(curve.length).toBeGreaterThan(1);
        curve.slice(1).forEach((premium, index) => expect(premium).toBeGreaterThan(curve[index]));
      }
    }
  });

  it('charges more without social insurance for medical cover', () => {
    for (const product of SANDBOX_PRODUCTS.filter((candidate) => candidate.category === 'MEDICAL')) {
      for (const row of product.premiums.filter((candidate) => candidate.socialInsurance)) {
        const without = product.premiums.find(
          (candidate) => !candidate.socialInsurance && candidate.plan === row.plan && candidate.minAge === row.minAge,
        );
        expect(without!.annualFen).toBeGreaterThan(row.annualFen);
      }
    }
  });

  it('uses the same coverage keys across insurers so products compare item by item', () => {
    const medicalKeys = SANDBOX_PRODUCTS.filter((product) => product.category === 'MEDICAL').map((product) =>
      product.coverage.map((item) => item.key),
    );
    for (const keys of medicalKeys)
      expect(keys).toEqual(expect.arrayContaining(['general-medical', 'critical-illness-medical']));
  });
});
