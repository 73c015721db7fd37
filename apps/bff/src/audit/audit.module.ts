import { Module } from '@nestjs/common';
import { AuditPurgeService } from './audit-purge.service.js';
import { AuditTrail } from './audit-trail.service.js';
import { AuditRepository } from './audit.repository.js';

/** The personal-data audit trail: recording (family, invites), the owner's log and the purge job. */
@Module({
  providers: [AuditRepository, AuditTrail, AuditPurgeService],
  exports: [AuditTrail, AuditPurgeService],
})
export class AuditModule {}
