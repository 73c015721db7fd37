import { Inject, Injectable } from '@nestjs/common';
import { auditPurgeCutoff } from '@family/domain';
import { CLOCK, type Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuditRepository } from './audit.repository.js';

/** Rows one DELETE removes: short statements, so the purge never holds the table for long. */
export const AUDIT_PURGE_BATCH = 5000;

export interface AuditPurgeSummary {
  readonly cutoff: string;
  readonly retentionDays: number;
  readonly deleted: number;
  readonly batches: number;
}

/**
 * The `audit-purge` job: deletes audit entries older than AUDIT_RETENTION_DAYS whole days (China's
 * calendar), a batch at a time. Idempotent: a second run, or one on another instance, finds nothing
 * more to delete.
 */
@Injectable()
export class AuditPurgeService {
  constructor(
    private readonly events: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(batch = AUDIT_PURGE_BATCH): Promise<AuditPurgeSummary> {
    const retentionDays = this.config.audit.retentionDays;
    const cutoff = auditPurgeCutoff(this.clock.now(), retentionDays);
    let deleted = 0;
    let batches = 0;
    for (;;) {
      const removed = await this.events.purgeBatch(cutoff, batch);
      deleted += removed;
      batches += 1;
      if (removed < batch) break;
    }
    logger.info({ cutoff: cutoff.toISOString(), deleted, batches }, 'audit: purged entries past retention');
    return { cutoff: cutoff.toISOString(), retentionDays, deleted, batches };
  }
}
