import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentSession } from '../common/auth/request-auth.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { ReminderService } from './reminder.service.js';
import { ReminderSettingsModel, ReminderTemplateModel } from './models/reminder.model.js';

/** Reminders (F5): the templates to ask for, what the person accepted, and their switch. */
@Resolver()
export class ReminderResolver {
  constructor(private readonly reminders: ReminderService) {}

  @Query(() => [ReminderTemplateModel], {
    description: 'The subscription message templates the client asks the person for, on their platform (none on H5)',
  })
  reminderTemplates(@CurrentSession() session: SessionClaims): Promise<ReminderTemplateModel[]> {
    return this.reminders.templates(session);
  }

  @Mutation(() => [ReminderTemplateModel], {
    description:
      'Records the templates the person accepted in the platform’s dialog: one more reminder allowed for each. BAD_USER_INPUT for an id not of the caller’s platform, repeated ids, or more than one dialog holds (5 WeChat, 3 Alipay)',
  })
  recordReminderConsent(
    @CurrentSession() session: SessionClaims,
    @Args('templateIds', { type: () => [ID] }) templateIds: string[],
  ): Promise<ReminderTemplateModel[]> {
    return this.reminders.recordConsent(session, templateIds);
  }

  @Query(() => ReminderSettingsModel, { description: 'The signed-in person’s reminders switch and templates' })
  async reminderSettings(@CurrentSession() session: SessionClaims): Promise<ReminderSettingsModel> {
    return {
      enabled: await this.reminders.isEnabled(session.accountId),
      templates: await this.reminders.templates(session),
    };
  }

  @Mutation(() => ReminderSettingsModel, { description: 'Turns the signed-in person’s reminders on or off' })
  async setRemindersEnabled(
    @CurrentSession() session: SessionClaims,
    @Args('enabled') enabled: boolean,
  ): Promise<ReminderSettingsModel> {
    return {
      enabled: await this.reminders.setEnabled(session.accountId, enabled),
      templates: await this.reminders.templates(session),
    };
  }
}
