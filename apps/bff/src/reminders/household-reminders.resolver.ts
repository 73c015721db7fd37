import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentSession } from '../common/auth/request-auth.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { Loaders, type RequestLoaders } from '../common/graphql/request-loaders.js';
import { HouseholdModel, PolicyModel } from '../family/index.js';
import { UpcomingReminderModel } from './models/reminder.model.js';
import { ReminderService } from './reminder.service.js';

/** Reminders as the family pages show them: a household's upcoming ones, and the switch of a policy. */
@Resolver(() => HouseholdModel)
export class HouseholdRemindersResolver {
  constructor(private readonly reminders: ReminderService) {}

  @ResolveField(() => [UpcomingReminderModel], {
    description:
      'Reminders of the household’s policies due today or within `days` days (1–90), soonest first, with whether the signed-in person got each; none for a viewer (viewers are not reminded)',
  })
  upcomingReminders(
    @Parent() household: Pick<HouseholdModel, 'id' | 'role'>,
    @CurrentSession() session: SessionClaims,
    @Loaders() loaders: RequestLoaders,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
  ): Promise<UpcomingReminderModel[]> {
    return this.reminders.upcoming(loaders, household, session.accountId, days);
  }
}

@Resolver(() => PolicyModel)
export class PolicyRemindersResolver {
  constructor(private readonly reminders: ReminderService) {}

  @ResolveField(() => Boolean, {
    description:
      'The signed-in person has not muted this policy’s reminders (their own switch in 我的 decides as well; viewers are never reminded)',
  })
  remindersEnabled(
    @Parent() policy: Pick<PolicyModel, 'id'>,
    @CurrentSession() session: SessionClaims,
    @Loaders() loaders: RequestLoaders,
  ): Promise<boolean> {
    return this.reminders.policyEnabled(loaders, session.accountId, policy.id);
  }

  @Mutation(() => Boolean, {
    description:
      'Turns the signed-in person’s reminders about one policy on or off (owner or member of its household); answers the new state',
  })
  setPolicyRemindersEnabled(
    @CurrentSession() session: SessionClaims,
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('enabled') enabled: boolean,
  ): Promise<boolean> {
    return this.reminders.setPolicyEnabled(session.accountId, policyId, enabled);
  }
}
