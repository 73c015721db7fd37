import type { PolicyFieldsFragment } from '../../../../graphql/generated/graphql';

export type Policy = PolicyFieldsFragment;
export type Installment = Policy['schedule'][number];

export function installment(
  number: number,
  dueDate: string,
  state: Installment['state'],
  amount = 320000,
): Installment {
  return { number, dueDate, graceEndDate: `${dueDate}+60`, amount, state };
}

/** A yearly critical-illness policy for 本人, three years paid of twenty. */
export function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    id: 'p1',
    insuredMemberId: 'm1',
    applicantMemberId: null,
    insurerName: '康宁人寿',
    productName: '康宁重疾',
    productId: null,
    category: 'CRITICAL_ILLNESS',
    categoryLabel: '重疾险',
    policyNumber: 'P123******7890',
    sumInsured: 50_000_000,
    premium: 320000,
    frequency: 'ANNUAL',
    frequencyLabel: '年交',
    annualPremium: 320000,
    paymentTermYears: 20,
    effectiveDate: '2024-03-01',
    expiryDate: null,
    coolingOffEndDate: '2024-03-16',
    inCoolingOff: false,
    waitingPeriodDays: 90,
    waitingPeriodEndDate: '2024-05-30',
    guaranteedRenewalYears: null,
    gracePeriodDays: 60,
    status: 'ACTIVE',
    statusLabel: '保障中',
    terminationReason: null,
    terminationDate: null,
    statutoryBeneficiaries: true,
    beneficiaries: [],
    coverageItems: [],
    schedule: [
      installment(1, '2024-03-01', 'PAID'),
      installment(2, '2025-03-01', 'PAID'),
      installment(3, '2026-03-01', 'PAID'),
      installment(4, '2027-03-01', 'UPCOMING'),
    ],
    notes: null,
    canEdit: true,
    canRemove: true,
    ...overrides,
  };
}
