import { Injectable } from '@nestjs/common';
import type { HouseholdRole } from '@family/domain';
import type { RequestLoaders } from '../common/graphql/request-loaders.js';
import { AuditTrail } from '../audit/index.js';
import type { FamilyMemberEntity } from './entities/family-member.entity.js';
import { FamilySharingService, type HouseholdPersonView } from './family-sharing.service.js';
import { type FamilyMemberView, FamilyService } from './family.service.js';
import type { PolicyRecord } from './policy.repository.js';
import { type PolicyView, PolicyService } from './policy.service.js';

/**
 * A household's members and policies as the resolvers of one request read them: each household's
 * rows are loaded, and turned into views, once per request whatever asks (members, policies,
 * overview, gaps), in one batch for all the households of the request. The loaders live with the
 * request, so the caller (accountId) is the same for every key; the role is part of the key.
 * Reading a household's members or policies is noted in the audit trail once per household and
 * request (inserted with the request's other reads in one statement, no SQL per household here).
 */
@Injectable()
export class FamilyLoaders {
  constructor(
    private readonly family: FamilyService,
    private readonly policies: PolicyService,
    private readonly sharing: FamilySharingService,
    private readonly audit: AuditTrail,
  ) {}

  /** Who belongs to the household (accounts and roles), one statement for every household of the request. */
  people(
    loaders: RequestLoaders,
    householdId: string,
    role: HouseholdRole,
    accountId: string,
  ): Promise<HouseholdPersonView[]> {
    return loaders
      .get<string, HouseholdPersonView[]>('family.people', async (keys) => {
        const households = keys.map((key) => {
          const [id, keyRole] = key.split('|') as [string, HouseholdRole];
          return { id, role: keyRole };
        });
        const people = await this.sharing.peopleOf(households, accountId);
        return households.map((household) => people.get(household.id) ?? []);
      })
      .load(`${householdId}|${role}`);
  }

  members(loaders: RequestLoaders, householdId: string): Promise<FamilyMemberEntity[]> {
    return loaders
      .get<string, FamilyMemberEntity[]>('family.membersByHousehold', (ids) => this.family.membersOf(ids))
      .load(householdId);
  }

  policyRecords(loaders: RequestLoaders, householdId: string): Promise<PolicyRecord[]> {
    return loaders
      .get<string, PolicyRecord[]>('family.policiesByHousehold', (ids) => this.policies.policiesOf(ids))
      .load(householdId);
  }

  /** The household's members as this caller sees them, made once per request. */
  memberViews(
    loaders: RequestLoaders,
    householdId: string,
    role: HouseholdRole,
    accountId: string,
  ): Promise<FamilyMemberView[]> {
    return loaders
      .get<string, FamilyMemberView[]>('family.memberViews', (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const [id, keyRole] = key.split('|') as [string, HouseholdRole];
            const members = await this.members(loaders, id);
            await this.audit.recordRead({ accountId, householdId: id, action: 'MEMBER_READ', subjectType: 'MEMBER' });
            return members.map((member) => this.family.view(member, keyRole, accountId));
          }),
        ),
      )
      .load(`${householdId}|${role}`);
  }

  /**
   * The household's policies as this caller sees them (schedules, statuses), made once per request
   * however many fields ask: the policy list, the overview and the gaps share them.
   */
  policyViews(
    loaders: RequestLoaders,
    householdId: string,
    role: HouseholdRole,
    accountId: string,
  ): Promise<PolicyView[]> {
    return loaders
      .get<string, PolicyView[]>('family.policyViews', (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const [id, keyRole] = key.split('|') as [string, HouseholdRole];
            const [members, records] = await Promise.all([this.members(loaders, id), this.policyRecords(loaders, id)]);
            await this.audit.recordRead({ accountId, householdId: id, action: 'POLICY_READ', subjectType: 'POLICY' });
            const byId = new Map(members.map((member) => [member.id, member]));
            return records.map((record) => this.policies.view(record, keyRole, accountId, byId));
          }),
        ),
      )
      .load(`${householdId}|${role}`);
  }
}
