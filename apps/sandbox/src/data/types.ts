/**
 * The neutral shape the sandbox keeps its fictional data in. Each wire format renders these records
 * its own way (yuan strings, fen attributes, snake_case matrices…); none of them is our domain model.
 * Money is always integer fen here, so no format inherits floating-point drift from another.
 */

export const SANDBOX_CATEGORIES = [
  'MEDICAL',
  'CRITICAL_ILLNESS',
  'ACCIDENT',
  'TERM_LIFE',
  'CANCER',
  'HUIMINBAO',
  'TRAVEL',
  'PROPERTY',
] as const;
export type SandboxCategory = (typeof SANDBOX_CATEGORIES)[number];

export type WireFormat = 'json' | 'xml' | 'signed-json';

/** What kind of licence the insurer holds decides which lines it may sell. */
export type InsurerKind = 'life' | 'health' | 'property';

export interface SandboxInsurerFacts {
  /** Registered capital (注册资本) in yuan. */
  readonly registeredCapitalYuan: number;
  /** Complaints per policy as a fraction: 0.0012 means 0.12%. */
  readonly complaintRate: number;
  /** Comprehensive solvency ratio (综合偿付能力充足率) in percent. */
  readonly solvencyRatio: number;
  /** Comprehensive risk rating (风险综合评级). */
  readonly riskRating: 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'C' | 'D';
  readonly averageClaimDays: number;
  /** Share of claims filed and settled online, 0..1. */
  readonly onlineClaimRate: number;
}

export interface SandboxInsurer {
  readonly code: string;
  readonly name: string;
  /** Short brand used in product names (康宁, 安信…). */
  readonly brand: string;
  /** Prefix of product codes (KN, AX…). */
  readonly codePrefix: string;
  readonly kind: InsurerKind;
  readonly format: WireFormat;
  readonly facts: SandboxInsurerFacts;
}

export interface SandboxCoverage {
  /** Shared key across insurers (`general-medical`, `accidental-death`…), see docs/sandbox-data.md. */
  readonly key: string;
  readonly name: string;
  readonly sumInsuredFen: number;
  readonly note?: string;
}

export interface SandboxPlan {
  readonly key: string;
  readonly name: string;
}

export interface SandboxPremium {
  readonly plan: string;
  readonly socialInsurance: boolean;
  readonly minAge: number;
  readonly maxAge: number;
  readonly annualFen: number;
  /** Per month when paid monthly; null when monthly payment is not offered. */
  readonly monthlyFen: number | null;
}

export interface SandboxProduct {
  readonly code: string;
  readonly insurerCode: string;
  readonly name: string;
  readonly category: SandboxCategory;
  readonly coverage: readonly SandboxCoverage[];
  readonly deductibleFen: number;
  readonly waitingPeriodDays: number;
  readonly guaranteedRenewalYears: number;
  readonly minAge: number;
  readonly maxAge: number;
  readonly healthQuestions: readonly string[];
  readonly maxOccupationClass: number;
  readonly plans: readonly SandboxPlan[];
  /** Every plan × social-insurance status × age band, the same age bands for every plan and status. */
  readonly premiums: readonly SandboxPremium[];
  readonly exclusions: readonly string[];
}
