import { Injectable } from '@nestjs/common';
import type { HouseholdRole, ReminderPolicyInput } from '@family/domain';
import type { RequestLoaders } from '../common/graphql/request-loaders.js';
import type { PolicyEntity } from './entities/policy.entity.js';
import { FamilyLoaders } from './family.loaders.js';
import { HouseholdRepository } from './household.repository.js';
import { PolicyRepository } from './policy.repository.js';
import { terminationOf } from './policy.service.js';

/** A policy as the reminders run needs it: its dates and schedule, its name, and who hears about it. */
export interface PolicyForReminders {
  readonly policy: ReminderPolicyInput;
  readonly householdId: string;
  /** The product name, shown in the message (not personal data). */
  readonly productName: string;
  /** Accounts of the household who may be reminded: its owner and the members who joined (not viewers). */
  readonly recipientAccountIds: readonly string[];
}

/** A policy of a household the caller sees, for its upcoming reminders (the family overview). */
export interface HouseholdPolicyForReminders {
  readonly policy: ReminderPolicyInput;
  readonly productName: string;
  readonly memberId: string;
  /** The insured member's name as this caller sees it (masked for viewers, as elsewhere). */
  readonly memberName: string;
}

/** Roles of a household whose accounts are reminded (viewers are not). */
export const REMINDED_ROLES: readonly HouseholdRole[] = ['OWNER', 'MEMBER'];

function reminderInput(policy: PolicyEntity): ReminderPolicyInput {
  return {
    id: policy.id,
    effectiveDate: policy.effectiveDate,
    expiryDate: policy.expiryDate,
    premium: policy.premium,
    frequency: policy.frequency,
    paymentTermYears: policy.paymentTermYears,
    gracePeriodDays: policy.gracePeriodDays,
    paidInstallments: policy.paidInstallments,
    coolingOffEndDate: policy.coolingOffEndDate,
    waitingPeriodDays: policy.waitingPeriodDays,
    guaranteedRenewalYears: policy.guaranteedRenewalYears,
    termination: terminationOf(policy),
  };
}

/**
 * What the reminders run reads of families, a page at a time in id order: every policy (the domain
 * decides whether one is in force today) with the accounts to remind.
 */
@Injectable()
export class FamilyRemindersService {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly households: HouseholdRepository,
    private readonly loaders: FamilyLoaders,
  ) {}

  async policiesForReminders(afterId: string | null, limit: number): Promise<PolicyForReminders[]> {
    const policies = await this.policies.pageAfter(afterId, limit);
    const recipients = await this.households.accountsWithRoles(
      [...new Set(policies.map((policy) => policy.householdId))],
      REMINDED_ROLES,
    );
    return policies.map((policy) => ({
      policy: reminderInput(policy),
      householdId: policy.householdId,
      productName: policy.productName,
      recipientAccountIds: recipients.get(policy.householdId) ?? [],
    }));
  }

  /**
   * The household's policies with what their reminders need, read through the request's loaders (the
   * same rows the overview and the policy list read: no statement of its own).
   */
  async householdPolicies(
    loaders: RequestLoaders,
    householdId: string,
    role: HouseholdRole,
    accountId: string,
  ): Promise<HouseholdPolicyForReminders[]> {
    const [records, members] = await Promise.all([
      this.loaders.policyRecords(loaders, householdId),
      this.loaders.memberViews(loaders, householdId, role, accountId),
    ]);
    const names = new Map(members.map((member) => [member.id, member.name]));
    return records.map(({ policy }) => ({
      policy: reminderInput(policy),
      productName: policy.productName,
      memberId: policy.insuredMemberId,
      memberName: names.get(policy.insuredMemberId) ?? '',
    }));
  }

  /** The account's role in the household of this policy; null when the policy is not there or not theirs. */
  async roleForPolicy(policyId: string, accountId: string): Promise<HouseholdRole | null> {
    const record = await this.policies.findById(policyId);
    return record ? this.households.roleOf(record.policy.householdId, accountId) : null;
  }
}
