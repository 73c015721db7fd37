import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentSession } from '../common/auth/request-auth.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import type { HouseholdRole } from '@family/domain';
import { Loaders, type RequestLoaders } from '../common/graphql/request-loaders.js';
import { withoutNullsFor } from '../common/graphql/update-input.js';
import { FamilyAccessLogService, MAX_ACCESS_LOG_PAGE } from './family-access-log.service.js';
import { FamilyOverviewService } from './family-overview.service.js';
import { FamilyLoaders } from './family.loaders.js';
import { mapFamilyMember, mapGap, mapHousehold, mapOverview, mapPolicy, mapRevealed } from './family.mapper.js';
import { FamilyService } from './family.service.js';
import { FamilyMemberInput, FamilyMemberUpdateInput } from './inputs/family-member.input.js';
import {
  FamilyMemberModel,
  HouseholdModel,
  HouseholdPersonModel,
  HouseholdRoleEnum,
  RevealedIdNumberModel,
} from './models/household.model.js';
import { AccessLogConnectionModel } from './models/access-log.model.js';
import { CoverageGapModel, FamilyOverviewModel } from './models/overview.model.js';
import { PolicyModel } from './models/policy.model.js';

/** Households and their members (我家保单): every field needs a session; the access policy decides the rest. */
@Resolver(() => HouseholdModel)
export class FamilyResolver {
  constructor(
    private readonly family: FamilyService,
    private readonly loaders: FamilyLoaders,
    private readonly overviews: FamilyOverviewService,
    private readonly accessLog: FamilyAccessLogService,
  ) {}

  @Query(() => [HouseholdModel], { description: 'The households the signed-in person belongs to, their own first' })
  async households(@CurrentSession() session: SessionClaims): Promise<HouseholdModel[]> {
    const households = await this.family.householdsOf(session.accountId);
    return households.map((entry) => mapHousehold(entry, session.accountId));
  }

  @Query(() => HouseholdModel)
  async household(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<HouseholdModel> {
    return mapHousehold(await this.family.household(session.accountId, id), session.accountId);
  }

  @Query(() => AccessLogConnectionModel, {
    description: `谁看过我家: who read or changed the household’s personal data, newest first (its owner only; at most ${MAX_ACCESS_LOG_PAGE} a page)`,
    complexity: ({ args, childComplexity }) => 1 + Math.min(Number(args.first), MAX_ACCESS_LOG_PAGE) * childComplexity,
  })
  async householdAccessLog(
    @CurrentSession() session: SessionClaims,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('othersOnly', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Leave out what the owner did themselves (只看家人)',
    })
    othersOnly: boolean,
  ): Promise<AccessLogConnectionModel> {
    const page = await this.accessLog.page(session.accountId, householdId, first, after ?? null, othersOnly);
    return {
      edges: page.entries.map(({ cursor, entry }) => ({ cursor, node: entry })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.entries.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Query(() => FamilyMemberModel, { description: 'One member, for anyone in their household' })
  async familyMember(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<FamilyMemberModel> {
    return mapFamilyMember(await this.family.memberView(session.accountId, id));
  }

  @ResolveField(() => [FamilyMemberModel])
  async members(
    @Parent() household: HouseholdModel,
    @CurrentSession() session: SessionClaims,
    @Loaders() loaders: RequestLoaders,
  ): Promise<FamilyMemberModel[]> {
    const views = await this.loaders.memberViews(loaders, household.id, household.role, session.accountId);
    return views.map(mapFamilyMember);
  }

  @ResolveField(() => [HouseholdPersonModel], {
    description: 'Who belongs to the household (accounts that joined), owner first',
  })
  async people(
    @Parent() household: HouseholdModel,
    @CurrentSession() session: SessionClaims,
    @Loaders() loaders: RequestLoaders,
  ): Promise<HouseholdPersonModel[]> {
    const people = await this.loaders.people(loaders, household.id, household.role, session.accountId);
    return people.map(({ accountId, label, ...rest }) => ({ id: accountId, name: label, ...rest }));
  }

  @Mutation(() => HouseholdModel, { description: 'The owner changes the role of someone who joined' })
  async changeHouseholdRole(
    @CurrentSession() session: SessionClaims,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('role', { type: () => HouseholdRoleEnum }) role: HouseholdRole,
  ): Promise<HouseholdModel> {
    return mapHousehold(
      await this.family.changeRole(session.accountId, householdId, accountId, role),
      session.accountId,
    );
  }

  @Mutation(() => HouseholdModel, { description: 'The owner removes someone who joined' })
  async removeFromHousehold(
    @CurrentSession() session: SessionClaims,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args('accountId', { type: () => ID }) accountId: string,
  ): Promise<HouseholdModel> {
    return mapHousehold(
      await this.family.removeFromHousehold(session.accountId, householdId, accountId),
      session.accountId,
    );
  }

  @Mutation(() => ID, { description: 'Leaves a household one joined; answers its id' })
  leaveHousehold(
    @CurrentSession() session: SessionClaims,
    @Args('householdId', { type: () => ID }) householdId: string,
  ): Promise<string> {
    return this.family.leave(session.accountId, householdId);
  }

  @ResolveField(() => [PolicyModel])
  async policies(
    @Parent() household: HouseholdModel,
    @CurrentSession() session: SessionClaims,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PolicyModel[]> {
    const views = await this.loaders.policyViews(loaders, household.id, household.role, session.accountId);
    return views.map(mapPolicy);
  }

  @ResolveField(() => FamilyOverviewModel)
  async overview(
    @Parent() household: HouseholdModel,
    @CurrentSession() session: SessionClaims,
    @Loaders() loaders: RequestLoaders,
  ): Promise<FamilyOverviewModel> {
    const [members, policies] = await Promise.all([
      this.loaders.memberViews(loaders, household.id, household.role, session.accountId),
      this.loaders.policyViews(loaders, household.id, household.role, session.accountId),
    ]);
    return mapOverview(this.overviews.overview(members, policies), members);
  }

  @ResolveField(() => [CoverageGapModel], { description: 'Each member’s coverage gaps, most important first' })
  async gaps(
    @Parent() household: HouseholdModel,
    @CurrentSession() session: SessionClaims,
    @Loaders() loaders: RequestLoaders,
  ): Promise<CoverageGapModel[]> {
    const [members, policies] = await Promise.all([
      this.loaders.memberViews(loaders, household.id, household.role, session.accountId),
      this.loaders.policyViews(loaders, household.id, household.role, session.accountId),
    ]);
    return (await this.overviews.gaps(members, policies)).map(mapGap);
  }

  @Mutation(() => FamilyMemberModel)
  async addFamilyMember(
    @CurrentSession() session: SessionClaims,
    @Args('householdId', { type: () => ID }) householdId: string,
    @Args('input', { type: () => FamilyMemberInput }) input: FamilyMemberInput,
  ): Promise<FamilyMemberModel> {
    return mapFamilyMember(await this.family.addMember(session.accountId, householdId, input));
  }

  @Mutation(() => FamilyMemberModel)
  async updateFamilyMember(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => FamilyMemberUpdateInput }) input: FamilyMemberUpdateInput,
  ): Promise<FamilyMemberModel> {
    return mapFamilyMember(
      await this.family.updateMember(
        session.accountId,
        id,
        withoutNullsFor(input, ['relationship', 'name', 'gender', 'birthDate']),
      ),
    );
  }

  @Mutation(() => ID, { description: 'Removes a member; answers their id' })
  removeFamilyMember(
    @CurrentSession() session: SessionClaims,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<string> {
    return this.family.removeMember(session.accountId, id);
  }

  @Mutation(() => RevealedIdNumberModel, {
    description: 'The owner sees one member’s ID number in full; limited per hour and recorded',
  })
  async revealIdNumber(
    @CurrentSession() session: SessionClaims,
    @Args('memberId', { type: () => ID }) memberId: string,
  ): Promise<RevealedIdNumberModel> {
    return mapRevealed(await this.family.revealIdNumber(session.accountId, memberId));
  }
}
