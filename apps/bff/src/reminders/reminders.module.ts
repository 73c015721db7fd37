import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { FamilyModule } from '../family/index.js';
import { AccountContactsModule, PlatformClientsModule } from '../identity/index.js';
import { ReminderRunService } from './reminder-run.service.js';
import { ReminderRepository } from './reminder.repository.js';
import { HouseholdRemindersResolver, PolicyRemindersResolver } from './household-reminders.resolver.js';
import { ReminderResolver } from './reminder.resolver.js';
import { ReminderService } from './reminder.service.js';
import { ReminderTemplateCatalog } from './reminder-templates.js';

/** Reminders (F5): consents per template, the switch, and the daily run that sends them. */
@Module({
  imports: [FamilyModule, AccountContactsModule, PlatformClientsModule],
  providers: [
    {
      provide: ReminderTemplateCatalog,
      useFactory: (config: AppConfig) => ReminderTemplateCatalog.fromConfig(config.reminderTemplates),
      inject: [APP_CONFIG],
    },
    ReminderRepository,
    ReminderService,
    ReminderRunService,
    ReminderResolver,
    HouseholdRemindersResolver,
    PolicyRemindersResolver,
  ],
  exports: [ReminderRunService],
})
export class RemindersModule {}
