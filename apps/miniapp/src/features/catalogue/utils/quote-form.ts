import { ageOn, DateInputError } from '@family/domain';
import type { InputErrorReason } from '../../../graphql/errors';
import type { PaymentFrequency, QuoteInput, QuoteQuery } from '../../../graphql/generated/graphql';

/**
 * The quote form (C6): its values, the checks made before anything is sent, and how the BFF's
 * `BAD_USER_INPUT` reasons land next to the field they are about. Eligibility itself (age range,
 * occupation class of the product…) is the BFF's call: the form only checks that the input is
 * well-formed, so the reasons the user reads come from one place.
 */

export type AgeMode = 'age' | 'birthDate';

export interface QuoteFormValues {
  plan: string;
  ageMode: AgeMode;
  /** As typed. */
  age: string;
  /** YYYY-MM-DD from the date picker, or ''. */
  birthDate: string;
  /** null until the user answers. */
  socialInsurance: boolean | null;
  frequency: PaymentFrequency;
  /** 1–6, or null when not given. */
  occupationClass: number | null;
}

export type QuoteFormField = 'plan' | 'age' | 'birthDate' | 'socialInsurance' | 'frequency' | 'occupationClass';

/** Messages per field; `form` holds those that belong to no field. */
export type QuoteFormErrors = Partial<Record<QuoteFormField | 'form', string[]>>;

/** What the form needs to know about the product. */
export interface QuoteFormProduct {
  plans: readonly { key: string }[];
  monthlyPayment: boolean;
}

export const MAX_AGE = 120;
export const OCCUPATION_CLASSES = [1, 2, 3, 4, 5, 6] as const;

/**
 * The `age` page parameter (from the family's coverage gaps) as the age field's text: a whole number
 * of years up to MAX_AGE, else '' (the field starts empty).
 */
export function ageFromParam(param: string | undefined): string {
  const text = (param ?? '').trim();
  return /^\d{1,3}$/.test(text) && Number(text) <= MAX_AGE ? String(Number(text)) : '';
}

export function initialQuoteFormValues(product: QuoteFormProduct, prefill: { age?: string } = {}): QuoteFormValues {
  return {
    plan: product.plans[0]?.key ?? '',
    ageMode: 'age',
    age: prefill.age ?? '',
    birthDate: '',
    socialInsurance: null,
    frequency: 'ANNUAL',
    occupationClass: null,
  };
}

/** Today as YYYY-MM-DD in the device's time zone (the person's own calendar day). */
export function todayString(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function add(errors: QuoteFormErrors, field: QuoteFormField | 'form', message: string): void {
  const list = errors[field] ?? [];
  if (!list.includes(message)) list.push(message);
  errors[field] = list;
}

export function hasErrors(errors: QuoteFormErrors): boolean {
  return Object.values(errors).some((list) => list !== undefined && list.length > 0);
}

/** Checks made before sending; an empty object when the form can be sent. */
export function validateQuoteForm(values: QuoteFormValues, product: QuoteFormProduct, today: string): QuoteFormErrors {
  const errors: QuoteFormErrors = {};
  if (values.plan === '') add(errors, 'plan', '请选择投保方案');
  else if (!product.plans.some((plan) => plan.key === values.plan)) add(errors, 'plan', '请重新选择投保方案');

  if (values.ageMode === 'age') {
    const text = values.age.trim();
    if (text === '') add(errors, 'age', '请填写被保人年龄');
    else if (!/^\d{1,3}$/.test(text) || Number(text) > MAX_AGE) add(errors, 'age', `年龄须为 0–${MAX_AGE} 之间的整数`);
  } else if (values.birthDate === '') {
    add(errors, 'birthDate', '请选择出生日期');
  } else {
    try {
      if (ageOn(values.birthDate, today) > MAX_AGE) add(errors, 'birthDate', '请检查出生日期');
    } catch (error) {
      if (!(error instanceof DateInputError)) throw error;
      add(errors, 'birthDate', error.code === 'BIRTH_AFTER_TODAY' ? '出生日期不能晚于今天' : '请选择有效的出生日期');
    }
  }

  if (values.socialInsurance === null) add(errors, 'socialInsurance', '请选择被保人有无社保');
  if (values.frequency === 'MONTHLY' && !product.monthlyPayment) add(errors, 'frequency', '该产品不支持按月缴费');
  if (values.occupationClass !== null && !(OCCUPATION_CLASSES as readonly number[]).includes(values.occupationClass)) {
    add(errors, 'occupationClass', '职业类别须为 1–6 类');
  }
  return errors;
}

/** The variables for the `quote` query; call only on a form that passed validateQuoteForm. */
export function toQuoteInput(values: QuoteFormValues, productId: string): QuoteInput {
  return {
    productId,
    plan: values.plan,
    frequency: values.frequency,
    socialInsurance: values.socialInsurance === true,
    ...(values.ageMode === 'age' ? { age: Number(values.age.trim()) } : { birthDate: values.birthDate }),
    ...(values.occupationClass !== null ? { occupationClass: values.occupationClass } : {}),
  };
}

const SERVER_FIELDS: Readonly<Record<string, QuoteFormField>> = {
  'input.plan': 'plan',
  'input.birthDate': 'birthDate',
  'input.socialInsurance': 'socialInsurance',
  'input.frequency': 'frequency',
  'input.occupationClass': 'occupationClass',
};

/**
 * The BFF's reasons, each next to its field (`input.age` → the age field, or the birth-date field
 * when the age was computed from it). Reasons about no known field go to `form`.
 */
export function serverReasonsToErrors(reasons: readonly InputErrorReason[], ageMode: AgeMode): QuoteFormErrors {
  const errors: QuoteFormErrors = {};
  for (const reason of reasons) {
    const field =
      reason.field === 'input.age' ? (ageMode === 'age' ? 'age' : 'birthDate') : SERVER_FIELDS[reason.field ?? ''];
    add(errors, field ?? 'form', reason.message);
  }
  return errors;
}

export type QuoteResult = QuoteQuery['quote'];

export interface QuoteSubmitState {
  status: 'editing' | 'submitting' | 'quoted' | 'failed';
  errors: QuoteFormErrors;
  result: QuoteResult | null;
  /** A failure that is not about the input (network, server): shown with a retry. */
  failure: string | null;
}

export type QuoteSubmitAction =
  | { type: 'edit'; field: keyof QuoteFormValues }
  | { type: 'invalid'; errors: QuoteFormErrors }
  | { type: 'submit' }
  | { type: 'quoted'; result: QuoteResult }
  | { type: 'rejected'; errors: QuoteFormErrors }
  | { type: 'failed'; message: string };

export const initialQuoteSubmitState: QuoteSubmitState = { status: 'editing', errors: {}, result: null, failure: null };

export function quoteSubmitReducer(state: QuoteSubmitState, action: QuoteSubmitAction): QuoteSubmitState {
  switch (action.type) {
    case 'edit': {
      // Editing a field clears its messages and the now outdated result; the age and birth date
      // are one question asked two ways.
      const errors = { ...state.errors };
      if (action.field !== 'ageMode') delete errors[action.field];
      delete errors.form;
      if (action.field === 'age' || action.field === 'birthDate' || action.field === 'ageMode') {
        delete errors.age;
        delete errors.birthDate;
      }
      return { ...state, status: 'editing', errors, result: null, failure: null };
    }
    case 'invalid':
      return { ...state, status: 'editing', errors: action.errors, result: null, failure: null };
    case 'submit':
      return { ...state, status: 'submitting', errors: {}, failure: null };
    case 'quoted':
      return { status: 'quoted', errors: {}, result: action.result, failure: null };
    case 'rejected':
      return { status: 'editing', errors: action.errors, result: null, failure: null };
    case 'failed':
      return { ...state, status: 'failed', result: null, failure: action.message };
  }
}
