import {
  CATEGORY_LABELS,
  PAYMENT_FREQUENCY_LABELS,
  POLICY_STATUS_LABELS,
  RELATIONSHIP_LABELS,
  decideAccess,
} from '@family/domain';
import { ENDING_LABELS, type GapWithProducts, type OverviewResult } from './family-overview.service.js';
import type { FamilyMemberView, RevealedIdNumber } from './family.service.js';
import type { HouseholdWithRole } from './household.repository.js';
import type { FamilyMemberModel, HouseholdModel, RevealedIdNumberModel } from './models/household.model.js';
import type { CoverageGapModel, FamilyOverviewModel } from './models/overview.model.js';
import type { PolicyModel } from './models/policy.model.js';
import type { PolicyView } from './policy.service.js';

export function mapHousehold({ household, role }: HouseholdWithRole, accountId: string): HouseholdModel {
  const may = (action: Parameters<typeof decideAccess>[1]) => decideAccess({ accountId, role }, action).allowed;
  return {
    id: household.id,
    name: household.name,
    role,
    isOwn: household.ownerAccountId === accountId,
    permissions: {
      addMember: may('member.add'),
      revealIdNumbers: may('member.revealIdNumber'),
      addPolicy: may('policy.add'),
      invite: may('invite.create'),
      viewAccessLog: may('household.viewAccessLog'),
    },
    createdAt: household.createdAt,
  };
}

export function mapFamilyMember(view: FamilyMemberView): FamilyMemberModel {
  const { idNumberMasked, ...rest } = view;
  return { ...rest, relationshipLabel: RELATIONSHIP_LABELS[view.relationship], idNumber: idNumberMasked };
}

export function mapRevealed(revealed: RevealedIdNumber): RevealedIdNumberModel {
  return { ...revealed };
}

export function mapPolicy(view: PolicyView): PolicyModel {
  const { policyNumberMasked, schedule, insuredMember, ...rest } = view;
  const inForce = view.status === 'ACTIVE';
  return {
    ...rest,
    insuredMember: mapFamilyMember(insuredMember),
    categoryLabel: CATEGORY_LABELS[view.category],
    frequencyLabel: PAYMENT_FREQUENCY_LABELS[view.frequency],
    statusLabel: POLICY_STATUS_LABELS[view.status],
    policyNumber: policyNumberMasked,
    beneficiaries: view.beneficiaries.map((beneficiary) => ({ ...beneficiary })),
    coverageItems: view.coverageItems.map((item) => ({ ...item })),
    schedule: schedule.map((installment) => ({ ...installment })),
    // Only a policy in force has a payment to make.
    nextPayment: inForce ? (schedule.find((installment) => installment.state !== 'PAID') ?? null) : null,
    paymentInGrace: inForce ? (schedule.find((installment) => installment.state === 'IN_GRACE') ?? null) : null,
    paidInstallmentCount: schedule.filter((installment) => installment.state === 'PAID').length,
    installmentCount: schedule.length,
  };
}

export function mapOverview(
  { overview, gapCells }: OverviewResult,
  members: readonly FamilyMemberView[],
): FamilyOverviewModel {
  const byId = new Map(members.map((member) => [member.id, member]));
  const nameOf = (memberId: string): string => byId.get(memberId)?.name ?? '';
  return {
    columns: overview.categories.map((category) => ({ category, label: CATEGORY_LABELS[category] })),
    rows: overview.rows.map((row) => ({
      member: mapFamilyMember(byId.get(row.memberId)!),
      cells: row.cells.map((cell) => ({
        ...cell,
        covered: cell.policyCount > 0,
        gap: gapCells.has(`${row.memberId}:${cell.category}`),
      })),
    })),
    activePolicyCount: overview.activePolicyCount,
    totalAnnualPremium: overview.totalAnnualPremium,
    paymentsDue: overview.paymentsDue.map((due) => ({ ...due, memberName: nameOf(due.memberId) })),
    endingSoon: overview.endingSoon.map((ending) => ({
      ...ending,
      memberName: nameOf(ending.memberId),
      label: ENDING_LABELS[ending.kind],
    })),
  };
}

export function mapGap({ gap, member, recommendations }: GapWithProducts): CoverageGapModel {
  return {
    member: mapFamilyMember(member),
    category: gap.category,
    categoryLabel: CATEGORY_LABELS[gap.category],
    kind: gap.kind,
    priority: gap.priority,
    held: gap.held,
    recommended: gap.recommended,
    reason: gap.reason,
    recommendations: [...recommendations],
  };
}
