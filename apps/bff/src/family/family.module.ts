import { Module } from '@nestjs/common';
import { FamilyMemberRepository } from './family-member.repository.js';
import { FamilyResolver } from './family.resolver.js';
import { FamilyService } from './family.service.js';
import { HouseholdRepository } from './household.repository.js';

/** 我家保单: households, their members (and, next, their policies, overview and gaps). */
@Module({
  providers: [HouseholdRepository, FamilyMemberRepository, FamilyService, FamilyResolver],
})
export class FamilyModule {}
