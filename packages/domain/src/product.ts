/**
 * The normalised product model. Every insurer adapter translates its upstream's wire format into
 * these types; nothing downstream of an adapter ever sees an upstream shape.
 */

export const PRODUCT_CATEGORIES = [
  'MEDICAL',
  'CRITICAL_ILLNESS',
  'ACCIDENT',
  'TERM_LIFE',
  'CANCER',
  'HUIMINBAO',
  'TRAVEL',
  'PROPERTY',
] as const;

export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** Simplified Chinese labels shown to users. */
export const CATEGORY_LABELS: Readonly<Record<ProductCategory, string>> = {
  MEDICAL: '百万医疗',
  CRITICAL_ILLNESS: '重疾险',
  ACCIDENT: '意外险',
  TERM_LIFE: '定期寿险',
  CANCER: '防癌险',
  HUIMINBAO: '惠民保',
  TRAVEL: '旅行险',
  PROPERTY: '财产险',
};

export function isProductCategory(value: unknown): value is ProductCategory {
  return typeof value === 'string' && (PRODUCT_CATEGORIES as readonly string[]).includes(value);
}

/** An amount of money in fen (分, 1/100 CNY). Integers only: premiums are never floating point. */
export type Fen = number;

export const PAYMENT_FREQUENCIES = ['ANNUAL', 'MONTHLY'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

/** One responsibility (责任) of a product, e.g. 一般医疗 with its sum insured. */
export interface CoverageItem {
  /**
   * A key shared across insurers for the same kind of cover, so products can be compared item by item:
   * e.g. `general-medical`, `critical-illness-medical`, `outpatient`, `accidental-death`,
   * `accidental-disability`, `accidental-medical`, `critical-illness`, `mild-illness`, `death`,
   * `cancer-medical`, `proton-heavy-ion`, `special-drugs`, `travel-medical`, `baggage`, `home-property`.
   */
  readonly key: string;
  /** Chinese name as the insurer writes it. */
  readonly name: string;
  /** Sum insured in fen; 0 when the item pays costs without a separate cap. */
  readonly sumInsured: Fen;
  /** Optional details: reimbursement ratio, limits (Chinese). */
  readonly note?: string;
}

/** A plan (计划/版本) of a product: 基础版, 升级版… Premiums are per plan. */
export interface ProductPlan {
  readonly key: string;
  readonly name: string;
}

/**
 * One row of a premium table: the premium for an insured person whose age at entry is within
 * [minAge, maxAge] (inclusive), on one plan, with or without social medical insurance (有/无社保).
 */
export interface PremiumRate {
  readonly plan: string;
  readonly socialInsurance: boolean;
  readonly minAge: number;
  readonly maxAge: number;
  /** Premium for a year paid annually, in fen. */
  readonly annual: Fen;
  /** Premium per month when paid monthly, in fen; null when monthly payment is not offered. */
  readonly monthly: Fen | null;
}

export interface Product {
  /** Globally unique: `<insurerId>:<upstream product code>`. */
  readonly id: string;
  readonly insurerId: string;
  readonly name: string;
  readonly category: ProductCategory;
  /** The lowest annual premium across the product's premium table, in fen. */
  readonly priceFrom: Fen;
  readonly coverage: readonly CoverageItem[];
  /** Deductible (免赔额) per year in fen; 0 when none. */
  readonly deductible: Fen;
  /** Waiting period (等待期) in days; 0 when none. */
  readonly waitingPeriodDays: number;
  /** Guaranteed renewal (保证续保) in years; 0 when renewal is not guaranteed. */
  readonly guaranteedRenewalYears: number;
  /** Youngest and oldest insurable age at entry, inclusive (0 means from birth; 28 days is rounded to 0). */
  readonly minAge: number;
  readonly maxAge: number;
  /** Health-disclosure questions (健康告知), one per entry; fewer and milder means easier to buy. */
  readonly healthQuestions: readonly string[];
  /** Highest occupational class (职业类别, 1 = office work … 6 = high risk) that may be insured. */
  readonly maxOccupationClass: number;
  readonly plans: readonly ProductPlan[];
  readonly premiums: readonly PremiumRate[];
  /** Exclusions (免责条款), one clause per entry, shown before any buy action. */
  readonly exclusions: readonly string[];
}

/** Facts about an insurer as published (regulator filings, the insurer's disclosures). */
export interface InsurerFacts {
  readonly id: string;
  readonly name: string;
  /** Registered capital (注册资本) in yuan. */
  readonly registeredCapitalYuan: number;
  /** Complaints per policy as a fraction: 0.0012 means 0.12%. */
  readonly complaintRate: number;
  /** Comprehensive solvency ratio (综合偿付能力充足率) in percent: 215 means 215%. */
  readonly solvencyRatio: number;
  /** Comprehensive risk rating (风险综合评级): AAA … D. */
  readonly riskRating: RiskRating;
  /** Average days from a complete claim to payment. */
  readonly averageClaimDays: number;
  /** Share of claims filed and settled online, 0..1. */
  readonly onlineClaimRate: number;
}

export const RISK_RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'C', 'D'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

export function isRiskRating(value: unknown): value is RiskRating {
  return typeof value === 'string' && (RISK_RATINGS as readonly string[]).includes(value);
}

/** The lowest annual premium of a premium table, or null for an empty one. */
export function lowestAnnualPremium(premiums: readonly PremiumRate[]): Fen | null {
  if (premiums.length === 0) return null;
  return premiums.reduce((lowest, rate) => Math.min(lowest, rate.annual), Number.POSITIVE_INFINITY);
}

export function productId(insurerId: string, upstreamCode: string): string {
  return `${insurerId}:${upstreamCode}`;
}
