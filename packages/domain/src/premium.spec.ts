import { findRate, quote, type QuoteRequest } from './premium.js';
import type { PremiumRate, Product } from './product.js';
import { makeProduct } from './testing.js';

const request = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({
  age: 30,
  socialInsurance: true,
  plan: 'basic',
  frequency: 'ANNUAL',
  ...overrides,
});

const codes = (product: Product, overrides: Partial<QuoteRequest>): string[] => {
  const result = quote(product, request(overrides));
  return result.ok ? [] : result.reasons.map((reason) => `${reason.code}:${reason.field}`);
};

describe('quote', () => {
  const product = makeProduct();

  it('prices an annual payment from the matching band', () => {
    const result = quote(product, request());
    expect(result).toEqual({
      ok: true,
      rate: product.premiums[1],
      frequency: 'ANNUAL',
      perPayment: 21800,
      paymentsPerYear: 1,
      yearlyTotal: 21800,
    });
  });

  it('prices a monthly payment as twelve monthly premiums a year', () => {
    const result = quote(product, request({ frequency: 'MONTHLY' }));
    expect(result).toMatchObject({ ok: true, perPayment: 1900, paymentsPerYear: 12, yearlyTotal: 22800 });
  });

  it('uses the no-social-insurance rate when the person has none', () => {
    expect(quote(product, request({ socialInsurance: false }))).toMatchObject({ ok: true, perPayment: 46800 });
  });

  it.each([
    [0, 13600],
    [17, 13600],
    [18, 21800],
    [40, 21800],
    [41, 52000],
    [60, 52000],
  ])('treats bands as inclusive at both ends: age %p pays %p', (age, annual) => {
    expect(quote(product, request({ age }))).toMatchObject({ ok: true, perPayment: annual });
  });

  it('refuses one year below the minimum and one above the maximum age', () => {
    const adultsOnly = makeProduct({ minAge: 18, maxAge: 60 });
    expect(codes(adultsOnly, { age: 17 })).toEqual(['AGE_BELOW_MIN:age']);
    expect(codes(adultsOnly, { age: 18 })).toEqual([]);
    expect(codes(product, { age: 60 })).toEqual([]);
    expect(codes(product, { age: 61 })).toEqual(['AGE_ABOVE_MAX:age']);
  });

  it('says why in Chinese, with the range and the age', () => {
    const result = quote(product, request({ age: 65 }));
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'AGE_ABOVE_MAX', field: 'age', message: '该产品仅承保 0–60 周岁，被保人 65 周岁' }],
    });
  });

  it.each([-1, 30.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the age %p as invalid', (age) => {
    expect(codes(product, { age })).toEqual(['INVALID_AGE:age']);
  });

  it('refuses a plan the product does not have, listing the plans it has', () => {
    const result = quote(product, request({ plan: 'premium' }));
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'PLAN_UNKNOWN', field: 'plan', message: '该产品没有“premium”计划，可选：基础版' }],
    });
  });

  it('blames social insurance when only the other status has a rate', () => {
    const socialOnly = makeProduct({ premiums: product.premiums.filter((rate) => rate.socialInsurance) });
    const result = quote(socialOnly, request({ socialInsurance: false }));
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'NO_RATE', field: 'socialInsurance', message: '基础版不承保无社保人群' }],
    });
  });

  it('blames the age when the table has a gap there', () => {
    const gap = makeProduct({ premiums: product.premiums.filter((rate) => rate.minAge !== 18) });
    expect(codes(gap, { age: 30 })).toEqual(['NO_RATE:age']);
    expect(codes(gap, { age: 17 })).toEqual([]);
    expect(codes(gap, { age: 41 })).toEqual([]);
  });

  it('refuses monthly payment where it is not offered, but prices the same person annually', () => {
    const annualOnly = makeProduct({ premiums: product.premiums.map((rate) => ({ ...rate, monthly: null })) });
    const result = quote(annualOnly, request({ frequency: 'MONTHLY' }));
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'MONTHLY_NOT_OFFERED', field: 'frequency', message: '基础版不支持按月缴费，请选择按年缴费' }],
    });
    expect(quote(annualOnly, request({ frequency: 'ANNUAL' })).ok).toBe(true);
  });

  it('says it is the age band that cannot pay monthly when other bands can', () => {
    const premiums = product.premiums.map((rate) => (rate.minAge === 41 ? { ...rate, monthly: null } : rate));
    const result = quote(makeProduct({ premiums }), request({ age: 45, frequency: 'MONTHLY' }));
    expect(result.ok === false && result.reasons[0].message).toBe(
      '基础版对 45 周岁被保人不支持按月缴费，请选择按年缴费',
    );
  });

  it('checks the occupation class only when given, the maximum included', () => {
    expect(codes(product, { occupationClass: undefined })).toEqual([]);
    expect(codes(product, { occupationClass: 4 })).toEqual([]);
    const result = quote(product, request({ occupationClass: 5 }));
    expect(result).toEqual({
      ok: false,
      reasons: [
        {
          code: 'OCCUPATION_CLASS_TOO_HIGH',
          field: 'occupationClass',
          message: '该产品仅承保 1–4 类职业，被保人为 5 类职业',
        },
      ],
    });
  });

  it('reports every reason that applies, in a fixed order', () => {
    const annualOnly = makeProduct({ premiums: product.premiums.map((rate) => ({ ...rate, monthly: null })) });
    expect(codes(annualOnly, { age: 70, plan: 'premium', frequency: 'MONTHLY', occupationClass: 6 })).toEqual([
      'AGE_ABOVE_MAX:age',
      'PLAN_UNKNOWN:plan',
      'MONTHLY_NOT_OFFERED:frequency',
      'OCCUPATION_CLASS_TOO_HIGH:occupationClass',
    ]);
  });

  it('does not claim monthly is unavailable when it only failed for another reason', () => {
    expect(codes(product, { age: 70, frequency: 'MONTHLY' })).toEqual(['AGE_ABOVE_MAX:age']);
  });

  it('quotes a zero premium as zero', () => {
    const free = makeProduct({ premiums: product.premiums.map((rate) => ({ ...rate, annual: 0, monthly: 0 })) });
    expect(quote(free, request({ frequency: 'MONTHLY' }))).toMatchObject({ ok: true, perPayment: 0, yearlyTotal: 0 });
  });

  it('keeps plans apart', () => {
    const upgraded: PremiumRate = {
      plan: 'plus',
      socialInsurance: true,
      minAge: 0,
      maxAge: 60,
      annual: 50000,
      monthly: null,
    };
    const twoPlans = makeProduct({
      plans: [...product.plans, { key: 'plus', name: '升级版' }],
      premiums: [...product.premiums, upgraded],
    });
    expect(quote(twoPlans, request({ plan: 'plus' }))).toMatchObject({ ok: true, perPayment: 50000 });
    expect(quote(twoPlans, request({ plan: 'basic' }))).toMatchObject({ ok: true, perPayment: 21800 });
    expect(codes(twoPlans, { plan: 'plus', frequency: 'MONTHLY' })).toEqual(['MONTHLY_NOT_OFFERED:frequency']);
  });
});

describe('findRate', () => {
  it('returns null outside every band', () => {
    expect(findRate(makeProduct().premiums, 'basic', true, 61)).toBeNull();
  });
});
