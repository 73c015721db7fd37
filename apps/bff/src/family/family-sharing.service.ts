import { Injectable } from '@nestjs/common';
import {
  type HouseholdRole,
  type PolicyStatus,
  type ProductCategory,
  RELATIONSHIP_LABELS,
  decideAccess,
  personLabel,
} from '@family/domain';
import { AccessPolicy } from '../common/authorization/access-policy.js';
import { FamilyMemberRepository } from './family-member.repository.js';
import { HouseholdNotFoundError, PolicyNotFoundError } from './family.errors.js';
import { HouseholdRepository, type HouseholdPerson, type HouseholdWithRole } from './household.repository.js';
import { PolicyRepository } from './policy.repository.js';
import { PolicyService } from './policy.service.js';
import { isUuid } from '../common/ids.js';

/**
 * A policy as a friend may see it through a summary invite: cover, sums and dates. Never the policy
 * number, an ID number, the beneficiaries, the notes or the insured's full name.
 */
export interface PolicySummary {
  readonly productName: string;
  readonly insurerName: string;
  readonly category: ProductCategory;
  readonly insuredLabel: string;
  readonly insuredRelationshipLabel: string;
  readonly sumInsured: number;
  readonly annualPremium: number;
  readonly effectiveDate: string;
  readonly expiryDate: string | null;
  readonly waitingPeriodEndDate: string | null;
  readonly guaranteedRenewalYears: number | null;
  readonly status: PolicyStatus;
  readonly coverageItems: readonly { name: string; limit: number | null }[];
}

/** Someone who belongs to a household, as one of its people sees them. */
export interface HouseholdPersonView {
  readonly accountId: string;
  readonly label: string;
  readonly role: HouseholdRole;
  readonly joinedAt: Date;
  readonly isYou: boolean;
  readonly canChangeRole: boolean;
  readonly canRemove: boolean;
}

/**
 * What sharing (the invites feature) needs of families: may this person share this household or
 * policy, what a friend may see of them, and joining. The access rules are the family's own.
 */
@Injectable()
export class FamilySharingService {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly members: FamilyMemberRepository,
    private readonly policies: PolicyRepository,
    private readonly policyViews: PolicyService,
    private readonly access: AccessPolicy,
  ) {}

  /** The household the account may invite people to (owner only); throws otherwise. */
  async householdToInviteTo(accountId: string, householdId: string): Promise<{ id: string; name: string }> {
    const household = isUuid(householdId) ? await this.households.findById(householdId) : null;
    if (!household) throw new HouseholdNotFoundError();
    const role = await this.households.roleOf(householdId, accountId);
    this.access.assert({ accountId, role }, 'invite.create');
    return { id: household.id, name: household.name };
  }

  /** The policy the account may share a summary of (owner, or the member who added it); throws otherwise. */
  async policyToShare(accountId: string, policyId: string): Promise<{ householdId: string; title: string }> {
    const record = isUuid(policyId) ? await this.policies.findById(policyId) : null;
    if (!record) throw new PolicyNotFoundError();
    const role = await this.households.roleOf(record.policy.householdId, accountId);
    this.access.assert({ accountId, role }, 'policy.share', { createdBy: record.policy.createdBy });
    return { householdId: record.policy.householdId, title: record.policy.productName };
  }

  /** Whether the account may revoke invites of the household (its owner). */
  async mayRevokeFor(accountId: string, householdId: string): Promise<boolean> {
    const role = await this.households.roleOf(householdId, accountId);
    return decideAccess({ accountId, role }, 'invite.revoke').allowed;
  }

  async householdCard(householdId: string): Promise<{ name: string; memberCount: number } | null> {
    const household = await this.households.findById(householdId);
    if (!household) return null;
    return { name: household.name, memberCount: await this.households.memberCount(householdId) };
  }

  /** How these accounts appear to others, masked. */
  async labelsOf(accountIds: readonly string[]): Promise<Map<string, string>> {
    const parts = await this.households.labelsOf(accountIds);
    return new Map([...parts].map(([accountId, label]) => [accountId, personLabel(label)]));
  }

  /** A policy as a summary invite shows it: read as a viewer would, then cut to what a friend may see. */
  async policySummary(policyId: string): Promise<PolicySummary | null> {
    const record = await this.policies.findById(policyId);
    if (!record) return null;
    const members = await this.members.listByHouseholds([record.policy.householdId]);
    const view = this.policyViews.view(record, 'VIEWER', '', new Map(members.map((member) => [member.id, member])));
    return {
      productName: view.productName,
      insurerName: view.insurerName,
      category: view.category,
      insuredLabel: view.insuredMember.name,
      insuredRelationshipLabel: RELATIONSHIP_LABELS[view.insuredMember.relationship],
      sumInsured: view.sumInsured,
      annualPremium: view.annualPremium,
      effectiveDate: view.effectiveDate,
      expiryDate: view.expiryDate,
      waitingPeriodEndDate: view.waitingPeriodEndDate,
      guaranteedRenewalYears: view.guaranteedRenewalYears,
      status: view.status,
      coverageItems: view.coverageItems.map(({ name, limit }) => ({ name, limit })),
    };
  }

  roleOf(householdId: string, accountId: string): Promise<HouseholdRole | null> {
    return this.households.roleOf(householdId, accountId);
  }

  /** Adds the account to the household with the role; false when it already belonged. Joins the caller's transaction. */
  join(householdId: string, accountId: string, role: HouseholdRole): Promise<boolean> {
    return this.households.join(householdId, accountId, role);
  }

  /** The household, with the account's role, once it has joined. */
  async householdAfterJoining(householdId: string, accountId: string): Promise<HouseholdWithRole> {
    const household = await this.households.findById(householdId);
    const role = await this.households.roleOf(householdId, accountId);
    if (!household || !role) throw new HouseholdNotFoundError();
    return { household, role };
  }

  /** Who belongs to each household, as the account (in it with `role`) may see them. */
  async peopleOf(
    households: readonly { id: string; role: HouseholdRole }[],
    accountId: string,
  ): Promise<Map<string, HouseholdPersonView[]>> {
    const people = await this.households.peopleOf(households.map((household) => household.id));
    const roles = new Map(households.map((household) => [household.id, household.role]));
    return new Map(
      [...people].map(([householdId, list]) => [
        householdId,
        list.map((person) => this.personView(person, { accountId, role: roles.get(householdId) ?? null })),
      ]),
    );
  }

  private personView(
    person: HouseholdPerson,
    actor: { accountId: string; role: HouseholdRole | null },
  ): HouseholdPersonView {
    const target = { targetAccountId: person.accountId };
    return {
      accountId: person.accountId,
      label: personLabel(person),
      role: person.role,
      joinedAt: person.joinedAt,
      isYou: person.accountId === actor.accountId,
      canChangeRole: person.role !== 'OWNER' && decideAccess(actor, 'membership.changeRole', target).allowed,
      canRemove: person.role !== 'OWNER' && decideAccess(actor, 'membership.remove', target).allowed,
    };
  }
}
