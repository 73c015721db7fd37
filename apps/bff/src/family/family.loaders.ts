import { Injectable } from '@nestjs/common';
import type { HouseholdRole } from '@family/domain';
import type { RequestLoaders } from '../common/graphql/request-loaders.js';
import type { FamilyMemberEntity } from './entities/family-member.entity.js';
import { type FamilyMemberView, FamilyService } from './family.service.js';
import type { PolicyRecord } from './policy.repository.js';
import { type PolicyView, PolicyService } from './policy.service.js';

/**
 * A household's members and policies as the resolvers of one request read them: each household's
 * rows are loaded once per request whatever asks (members, policies, overview, gaps), in one batch
 * for all the households of the request.
 */
@Injectable()
export class FamilyLoaders {
  constructor(
    private readonly family: FamilyService,
    private readonly policies: PolicyService,
  ) {}

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

  async memberViews(
    loaders: RequestLoaders,
    householdId: string,
    role: HouseholdRole,
    accountId: string,
  ): Promise<FamilyMemberView[]> {
    const members = await this.members(loaders, householdId);
    return members.map((member) => this.family.view(member, role, accountId));
  }

  async policyViews(
    loaders: RequestLoaders,
    householdId: string,
    role: HouseholdRole,
    accountId: string,
  ): Promise<PolicyView[]> {
    const [members, records] = await Promise.all([
      this.members(loaders, householdId),
      this.policyRecords(loaders, householdId),
    ]);
    const byId = new Map(members.map((member) => [member.id, member]));
    return records.map((record) => this.policies.view(record, role, accountId, byId));
  }
}
