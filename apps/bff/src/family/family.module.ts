import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CatalogueModule } from '../catalogue/index.js';
import { FamilyAccessLogService } from './family-access-log.service.js';
import { FamilyRemindersService } from './family-reminders.service.js';
import { FamilySharingService } from './family-sharing.service.js';
import { FamilyMemberRepository } from './family-member.repository.js';
import { FamilyOverviewService } from './family-overview.service.js';
import { FamilyLoaders } from './family.loaders.js';
import { FamilyResolver } from './family.resolver.js';
import { FamilyService } from './family.service.js';
import { HouseholdRepository } from './household.repository.js';
import { PolicyRepository } from './policy.repository.js';
import { PolicyResolver } from './policy.resolver.js';
import { PolicyService } from './policy.service.js';

/** 我家保单: households, their members and policies, the overview and the coverage gaps (F1–F4, F6). */
@Module({
  imports: [CatalogueModule, AuditModule],
  providers: [
    HouseholdRepository,
    FamilyMemberRepository,
    PolicyRepository,
    FamilyService,
    FamilySharingService,
    FamilyRemindersService,
    PolicyService,
    FamilyOverviewService,
    FamilyAccessLogService,
    FamilyLoaders,
    FamilyResolver,
    PolicyResolver,
  ],
  exports: [FamilySharingService, FamilyRemindersService],
})
export class FamilyModule {}
