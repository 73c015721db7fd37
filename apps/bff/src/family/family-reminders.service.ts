import { Injectable } from '@nestjs/common';
import type { ReminderPolicyInput } from '@family/domain';
import { HouseholdRepository } from './household.repository.js';
import { PolicyRepository } from './policy.repository.js';

/** A policy as the reminders run needs it: its dates and schedule, its name, and who hears about it. */
export interface PolicyForReminders {
  readonly policy: ReminderPolicyInput;
  readonly householdId: string;
  /** The product name, shown in the message (not personal data). */
  readonly productName: string;
  /** Accounts of the household who may be reminded: its owner and the members who joined (not viewers). */
  readonly recipientAccountIds: readonly string[];
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
  ) {}

  async policiesForReminders(afterId: string | null, limit: number): Promise<PolicyForReminders[]> {
    const policies = await this.policies.pageAfter(afterId, limit);
    const recipients = await this.households.accountsWithRoles(
      [...new Set(policies.map((policy) => policy.householdId))],
      ['OWNER', 'MEMBER'],
    );
    return policies.map((policy) => ({
      policy: {
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
        termination:
          policy.terminationReason && policy.terminationDate
            ? { reason: policy.terminationReason, date: policy.terminationDate }
            : null,
      },
      householdId: policy.householdId,
      productName: policy.productName,
      recipientAccountIds: recipients.get(policy.householdId) ?? [],
    }));
  }
}
