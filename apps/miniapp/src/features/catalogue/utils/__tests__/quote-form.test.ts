import type { InputErrorReason } from '../../../../graphql/errors';
import {
  hasErrors,
  ageFromParam,
  initialQuoteFormValues,
  initialQuoteSubmitState,
  quoteSubmitReducer,
  serverReasonsToErrors,
  todayString,
  toQuoteInput,
  validateQuoteForm,
  type QuoteFormValues,
} from '../quote-form';

const product = { plans: [{ key: 'basic' }, { key: 'plus' }], monthlyPayment: true };
const TODAY = '2025-06-15';

function form(overrides: Partial<QuoteFormValues> = {}): QuoteFormValues {
  return { ...initialQuoteFormValues(product), age: '30', socialInsurance: true, ...overrides };
}

describe('validateQuoteForm', () => {
  it('starts with the first plan, age mode and annual payment, and asks for the rest', () => {
    const values = initialQuoteFormValues(product);
    expect(values).toMatchObject({ plan: 'basic', ageMode: 'age', frequency: 'ANNUAL', occupationClass: null });
    expect(validateQuoteForm(values, product, TODAY)).toEqual({
      age: ['请填写被保人年龄'],
      socialInsurance: ['请选择被保人有无社保'],
    });
  });

  it('accepts a complete form', () => {
    const errors = validateQuoteForm(form({ frequency: 'MONTHLY', occupationClass: 3 }), product, TODAY);
    expect(errors).toEqual({});
    expect(hasErrors(errors)).toBe(false);
  });

  it.each(['abc', '-1', '3.5', '121', '1000'])('refuses the age %p', (age) => {
    expect(validateQuoteForm(form({ age }), product, TODAY).age).toEqual(['年龄须为 0–120 之间的整数']);
  });

  it.each(['0', '120', ' 45 '])('accepts the age %p (eligibility is the server’s call)', (age) => {
    expect(validateQuoteForm(form({ age }), product, TODAY)).toEqual({});
  });

  it('checks the birth date in birth-date mode instead of the age', () => {
    const byBirth = (birthDate: string) =>
      validateQuoteForm(form({ ageMode: 'birthDate', age: '', birthDate }), product, TODAY);
    expect(byBirth('')).toEqual({ birthDate: ['请选择出生日期'] });
    expect(byBirth('1990-02-28')).toEqual({});
    expect(byBirth(TODAY)).toEqual({});
    expect(byBirth('2025-06-16')).toEqual({ birthDate: ['出生日期不能晚于今天'] });
    expect(byBirth('2023-02-29')).toEqual({ birthDate: ['请选择有效的出生日期'] });
    expect(byBirth('1850-01-01')).toEqual({ birthDate: ['请检查出生日期'] });
  });

  it('refuses an unknown plan, monthly payment when not offered and an occupation class outside 1–6', () => {
    expect(validateQuoteForm(form({ plan: '' }), product, TODAY).plan).toEqual(['请选择投保方案']);
    expect(validateQuoteForm(form({ plan: 'gone' }), product, TODAY).plan).toEqual(['请重新选择投保方案']);
    expect(
      validateQuoteForm(form({ frequency: 'MONTHLY' }), { ...product, monthlyPayment: false }, TODAY).frequency,
    ).toEqual(['该产品不支持按月缴费']);
    expect(validateQuoteForm(form({ occupationClass: 7 }), product, TODAY).occupationClass).toEqual([
      '职业类别须为 1–6 类',
    ]);
  });
});

describe('toQuoteInput', () => {
  it('sends the age, or the birth date, and the occupation class only when given', () => {
    expect(toQuoteInput(form({ age: ' 30 ' }), 'anxin:1')).toEqual({
      productId: 'anxin:1',
      plan: 'basic',
      frequency: 'ANNUAL',
      socialInsurance: true,
      age: 30,
    });
    expect(
      toQuoteInput(
        form({ ageMode: 'birthDate', birthDate: '1990-01-01', socialInsurance: false, occupationClass: 2 }),
        'p',
      ),
    ).toEqual({
      productId: 'p',
      plan: 'basic',
      frequency: 'ANNUAL',
      socialInsurance: false,
      birthDate: '1990-01-01',
      occupationClass: 2,
    });
  });
});

describe('serverReasonsToErrors', () => {
  const reasons: InputErrorReason[] = [
    { code: 'AGE_ABOVE_MAX', field: 'input.age', message: '该产品仅承保 18–65 周岁，被保人 100 周岁' },
    { code: 'OCCUPATION_CLASS_TOO_HIGH', field: 'input.occupationClass', message: '该产品仅承保 1–4 类职业' },
    { code: 'MONTHLY_NOT_OFFERED', field: 'input.frequency', message: '该方案不支持月缴' },
    { code: 'BAD_USER_INPUT', field: null, message: '其他问题' },
    { code: 'BAD_USER_INPUT', field: 'input.productId', message: '产品已下架' },
  ];

  it('puts each reason next to its field', () => {
    expect(serverReasonsToErrors(reasons, 'age')).toEqual({
      age: ['该产品仅承保 18–65 周岁，被保人 100 周岁'],
      occupationClass: ['该产品仅承保 1–4 类职业'],
      frequency: ['该方案不支持月缴'],
      form: ['其他问题', '产品已下架'],
    });
  });

  it('shows age reasons at the birth date when the age came from it', () => {
    expect(serverReasonsToErrors(reasons.slice(0, 1), 'birthDate')).toEqual({
      birthDate: ['该产品仅承保 18–65 周岁，被保人 100 周岁'],
    });
    expect(
      serverReasonsToErrors(
        [{ code: 'BAD_USER_INPUT', field: 'input.birthDate', message: '出生日期晚于当前日期' }],
        'birthDate',
      ),
    ).toEqual({ birthDate: ['出生日期晚于当前日期'] });
  });
});

describe('quoteSubmitReducer', () => {
  const result = {
    age: 30,
    plan: 'basic',
    frequency: 'ANNUAL' as const,
    perPayment: 3900,
    paymentsPerYear: 1,
    yearlyTotal: 3900,
  };

  it('goes editing → submitting → quoted, and an edit clears the result', () => {
    const submitting = quoteSubmitReducer(initialQuoteSubmitState, { type: 'submit' });
    expect(submitting.status).toBe('submitting');
    const quoted = quoteSubmitReducer(submitting, { type: 'quoted', result });
    expect(quoted).toEqual({ status: 'quoted', errors: {}, result, failure: null });
    expect(quoteSubmitReducer(quoted, { type: 'edit', field: 'plan' })).toMatchObject({
      status: 'editing',
      result: null,
    });
  });

  it('keeps field messages until that field is edited; age and birth date clear together', () => {
    const rejected = quoteSubmitReducer(initialQuoteSubmitState, {
      type: 'rejected',
      errors: { age: ['太老'], occupationClass: ['职业不符'], form: ['其他'] },
    });
    const afterPlan = quoteSubmitReducer(rejected, { type: 'edit', field: 'plan' });
    expect(afterPlan.errors).toEqual({ age: ['太老'], occupationClass: ['职业不符'] });
    const afterMode = quoteSubmitReducer(afterPlan, { type: 'edit', field: 'ageMode' });
    expect(afterMode.errors).toEqual({ occupationClass: ['职业不符'] });
  });

  it('records a failure that is not about the input, and a new submit clears it', () => {
    const failed = quoteSubmitReducer(initialQuoteSubmitState, { type: 'failed', message: '网络连接失败' });
    expect(failed).toMatchObject({ status: 'failed', failure: '网络连接失败' });
    expect(quoteSubmitReducer(failed, { type: 'submit' })).toMatchObject({ status: 'submitting', failure: null });
  });

  it('replaces messages with those of a new validation', () => {
    const invalid = quoteSubmitReducer(initialQuoteSubmitState, {
      type: 'invalid',
      errors: { age: ['请填写被保人年龄'] },
    });
    expect(invalid).toMatchObject({ status: 'editing', errors: { age: ['请填写被保人年龄'] } });
  });
});

describe('todayString', () => {
  it('formats the local calendar day', () => {
    expect(todayString(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
    expect(todayString(new Date(2025, 0, 5))).toBe('2025-01-05');
  });
});

describe('the age given to the page (from the family coverage gaps)', () => {
  it('fills in the age field with a whole number of years', () => {
    expect(ageFromParam('36')).toBe('36');
    expect(ageFromParam('07')).toBe('7');
    expect(ageFromParam('0')).toBe('0');
    expect(initialQuoteFormValues(product, { age: ageFromParam('36') })).toMatchObject({ ageMode: 'age', age: '36' });
  });

  it('ignores anything else', () => {
    for (const param of [undefined, '', 'abc', '-1', '3.5', '121', '1000']) expect(ageFromParam(param)).toBe('');
    expect(initialQuoteFormValues(product).age).toBe('');
  });
});
