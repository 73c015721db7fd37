import { daysBetween, type Installment, type PolicyStatus } from './policy.js';
import type { Fen, ProductCategory } from './product.js';

/**
 * The family overview (F3): who is covered for what, what the cover costs a year, what must be paid
 * soon and which policies end soon. Pure: the BFF hands it the household's members and policies.
 */

/** The columns of the member × category matrix: cover for a person, in the order people ask about it. */
export const PERSONAL_COVER_CATEGORIES = [
  'MEDICAL',
  'CRITICAL_ILLNESS',
  'ACCIDENT',
  'TERM_LIFE',
  'CANCER',
  'HUIMINBAO',
] as const satisfies readonly ProductCategory[];

/** How far ahead payments and endings are listed. */
export const OVERVIEW_HORIZON_DAYS = 90;

export interface OverviewPolicy {
  readonly id: string;
  readonly insuredMemberId: string;
  readonly category: ProductCategory;
  readonly productName: string;
  readonly sumInsured: Fen;
  /** What a year of premiums costs (0 for a single premium). */
  readonly annualPremium: Fen;
  readonly status: PolicyStatus;
  readonly schedule: readonly Installment[];
  readonly expiryDate: string | null;
  readonly coolingOffEndDate: string | null;
  /** The last day of the waiting period (等待期), null when none. */
  readonly waitingPeriodEndDate: string | null;
}

export interface CoverageCell {
  readonly category: ProductCategory;
  /** Sum insured over the member's policies in force in this category; 0 when none. */
  readonly sumInsured: Fen;
  readonly policyCount: number;
}

export interface CoverageRow {
  readonly memberId: string;
  readonly cells: readonly CoverageCell[];
}

export interface DuePayment {
  readonly policyId: string;
  readonly memberId: string;
  readonly productName: string;
  readonly dueDate: string;
  readonly amount: Fen;
  /** DUE: within 30 days; UPCOMING: later within the horizon; IN_GRACE: past its date, still in grace. */
  readonly state: Installment['state'];
}

export type EndingKind = 'EXPIRING' | 'LAPSING' | 'COOLING_OFF_ENDING' | 'WAITING_PERIOD_ENDING';

export interface PolicyEnding {
  readonly policyId: string;
  readonly memberId: string;
  readonly productName: string;
  readonly kind: EndingKind;
  readonly date: string;
  readonly daysLeft: number;
}

export interface FamilyOverview {
  readonly categories: readonly ProductCategory[];
  readonly rows: readonly CoverageRow[];
  readonly activePolicyCount: number;
  readonly totalAnnualPremium: Fen;
  readonly paymentsDue: readonly DuePayment[];
  readonly endingSoon: readonly PolicyEnding[];
}

export function familyOverview(
  memberIds: readonly string[],
  policies: readonly OverviewPolicy[],
  today: string,
): FamilyOverview {
  const active = policies.filter((policy) => policy.status === 'ACTIVE');
  // Categories beyond personal cover (travel, property) get a column only when someone holds one.
  const extra = [...new Set(active.map((policy) => policy.category))].filter(
    (category) => !(PERSONAL_COVER_CATEGORIES as readonly ProductCategory[]).includes(category),
  );
  const categories: ProductCategory[] = [...PERSONAL_COVER_CATEGORIES, ...extra];
  const rows = memberIds.map((memberId) => ({
    memberId,
    cells: categories.map((category) => {
      const held = active.filter((policy) => policy.insuredMemberId === memberId && policy.category === category);
      return {
        category,
        sumInsured: held.reduce((sum, policy) => sum + policy.sumInsured, 0),
        policyCount: held.length,
      };
    }),
  }));
  const within = (date: string): boolean => date >= today && daysBetween(today, date) <= OVERVIEW_HORIZON_DAYS;
  const paymentsDue = active
    .flatMap((policy) =>
      policy.schedule
        .filter(
          (installment) =>
            installment.state === 'IN_GRACE' || (installment.state !== 'PAID' && within(installment.dueDate)),
        )
        .map((installment) => ({
          policyId: policy.id,
          memberId: policy.insuredMemberId,
          productName: policy.productName,
          dueDate: installment.dueDate,
          amount: installment.amount,
          state: installment.state,
        })),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const endingSoon: PolicyEnding[] = [];
  for (const policy of active) {
    const add = (kind: EndingKind, date: string | null): void => {
      if (date && within(date))
        endingSoon.push({
          policyId: policy.id,
          memberId: policy.insuredMemberId,
          productName: policy.productName,
          kind,
          date,
          daysLeft: daysBetween(today, date),
        });
    };
    add('EXPIRING', policy.expiryDate);
    const lapsing = policy.schedule.find((installment) => installment.state === 'IN_GRACE');
    add('LAPSING', lapsing?.graceEndDate ?? null);
    add('COOLING_OFF_ENDING', policy.coolingOffEndDate);
    add('WAITING_PERIOD_ENDING', policy.waitingPeriodEndDate);
  }
  endingSoon.sort((a, b) => a.date.localeCompare(b.date));
  return {
    categories,
    rows,
    activePolicyCount: active.length,
    totalAnnualPremium: active.reduce((sum, policy) => sum + policy.annualPremium, 0),
    paymentsDue,
    endingSoon,
  };
}
