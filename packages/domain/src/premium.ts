import type { Fen, PaymentFrequency, PremiumRate, Product } from './product.js';

/** C6: who is to be insured, and how they want to pay. */
export interface QuoteRequest {
  /** Age at entry in completed years (see ageOn). */
  readonly age: number;
  readonly socialInsurance: boolean;
  /** A ProductPlan key. */
  readonly plan: string;
  readonly frequency: PaymentFrequency;
  /** Occupational class 1–6; unchecked when absent. */
  readonly occupationClass?: number;
}

export type IneligibilityCode =
  | 'AGE_BELOW_MIN'
  | 'AGE_ABOVE_MAX'
  | 'INVALID_AGE'
  | 'PLAN_UNKNOWN'
  | 'NO_RATE'
  | 'MONTHLY_NOT_OFFERED'
  | 'OCCUPATION_CLASS_TOO_HIGH';

/** The request field a reason is about, so a form can mark it. */
export type QuoteField = 'age' | 'plan' | 'frequency' | 'socialInsurance' | 'occupationClass';

export interface IneligibilityReason {
  readonly code: IneligibilityCode;
  readonly field: QuoteField;
  /** Chinese, says why: 该产品仅承保 0–60 周岁，被保人 65 周岁 */
  readonly message: string;
}

export type QuoteResult =
  | {
      readonly ok: true;
      readonly rate: PremiumRate;
      readonly frequency: PaymentFrequency;
      /** What each payment costs, in fen. */
      readonly perPayment: Fen;
      readonly paymentsPerYear: 1 | 12;
      /** perPayment × paymentsPerYear: a monthly payer pays monthly × 12, not the annual premium. */
      readonly yearlyTotal: Fen;
    }
  | { readonly ok: false; readonly reasons: IneligibilityReason[] };

/**
 * The premium for one insured person, or every reason they cannot be quoted (not just the first).
 * Reasons come in a fixed order: age, plan, rate, frequency, occupation.
 */
export function quote(product: Product, request: QuoteRequest): QuoteResult {
  const reasons: IneligibilityReason[] = [...checkAge(product, request.age), ...checkPlan(product, request.plan)];
  const canLookUpRate = reasons.length === 0;
  const rate = canLookUpRate ? findRate(product.premiums, request.plan, request.socialInsurance, request.age) : null;
  if (canLookUpRate && rate === null) reasons.push(noRateReason(product, request));
  if (request.frequency === 'MONTHLY' && !monthlyOffered(product, request.plan, rate)) {
    reasons.push(monthlyReason(product, request));
  }
  reasons.push(...checkOccupation(product, request.occupationClass));

  if (reasons.length > 0 || rate === null) return { ok: false, reasons };
  return priced(rate, request.frequency);
}

/**
 * The premium-table row for a plan, social-insurance status and age; bands are inclusive at both
 * ends. Tables should not overlap; if they do, the first matching row wins.
 */
export function findRate(
  premiums: readonly PremiumRate[],
  plan: string,
  socialInsurance: boolean,
  age: number,
): PremiumRate | null {
  return (
    premiums.find(
      (rate) =>
        rate.plan === plan && rate.socialInsurance === socialInsurance && rate.minAge <= age && age <= rate.maxAge,
    ) ?? null
  );
}

/** Whether any row of the product's premium table (of one plan, when given) can be paid monthly. */
export function offersMonthly(product: Product, plan?: string): boolean {
  return product.premiums.some((rate) => (plan === undefined || rate.plan === plan) && rate.monthly !== null);
}

function priced(rate: PremiumRate, frequency: PaymentFrequency): QuoteResult {
  if (frequency === 'MONTHLY' && rate.monthly !== null) {
    return { ok: true, rate, frequency, perPayment: rate.monthly, paymentsPerYear: 12, yearlyTotal: rate.monthly * 12 };
  }
  return { ok: true, rate, frequency, perPayment: rate.annual, paymentsPerYear: 1, yearlyTotal: rate.annual };
}

function checkAge(product: Product, age: number): IneligibilityReason[] {
  if (!Number.isInteger(age) || age < 0) {
    return [{ code: 'INVALID_AGE', field: 'age', message: `投保年龄须为 0 或以上的整数周岁，当前为 ${age}` }];
  }
  const range = `该产品仅承保 ${product.minAge}–${product.maxAge} 周岁，被保人 ${age} 周岁`;
  if (age < product.minAge) return [{ code: 'AGE_BELOW_MIN', field: 'age', message: range }];
  if (age > product.maxAge) return [{ code: 'AGE_ABOVE_MAX', field: 'age', message: range }];
  return [];
}

function checkPlan(product: Product, plan: string): IneligibilityReason[] {
  if (product.plans.some((known) => known.key === plan)) return [];
  const choices = product.plans.map((known) => known.name).join('、');
  const message = choices ? `该产品没有“${plan}”计划，可选：${choices}` : `该产品没有“${plan}”计划`;
  return [{ code: 'PLAN_UNKNOWN', field: 'plan', message }];
}

/** No row for this person: blame social insurance when the other status has a row at this age. */
function noRateReason(product: Product, request: QuoteRequest): IneligibilityReason {
  const plan = planName(product, request.plan);
  const otherStatusHasRate = findRate(product.premiums, request.plan, !request.socialInsurance, request.age) !== null;
  if (otherStatusHasRate) {
    const status = request.socialInsurance ? '有社保' : '无社保';
    return { code: 'NO_RATE', field: 'socialInsurance', message: `${plan}不承保${status}人群` };
  }
  return { code: 'NO_RATE', field: 'age', message: `${plan}没有适用于 ${request.age} 周岁被保人的费率` };
}

/** With a rate found, its own monthly price decides; without one, any row of the plan offering it. */
function monthlyOffered(product: Product, plan: string, rate: PremiumRate | null): boolean {
  if (rate !== null) return rate.monthly !== null;
  const planKnown = product.plans.some((known) => known.key === plan);
  return offersMonthly(product, planKnown ? plan : undefined);
}

function monthlyReason(product: Product, request: QuoteRequest): IneligibilityReason {
  const planKnown = product.plans.some((known) => known.key === request.plan);
  const subject = planKnown ? planName(product, request.plan) : '该产品';
  // The plan may offer monthly payment in other age bands only: then say it is this age that cannot.
  const scope = planKnown && offersMonthly(product, request.plan) ? `对 ${request.age} 周岁被保人` : '';
  return {
    code: 'MONTHLY_NOT_OFFERED',
    field: 'frequency',
    message: `${subject}${scope}不支持按月缴费，请选择按年缴费`,
  };
}

function checkOccupation(product: Product, occupationClass: number | undefined): IneligibilityReason[] {
  if (occupationClass === undefined || occupationClass <= product.maxOccupationClass) return [];
  return [
    {
      code: 'OCCUPATION_CLASS_TOO_HIGH',
      field: 'occupationClass',
      message: `该产品仅承保 1–${product.maxOccupationClass} 类职业，被保人为 ${occupationClass} 类职业`,
    },
  ];
}

function planName(product: Product, plan: string): string {
  return product.plans.find((known) => known.key === plan)?.name ?? plan;
}
