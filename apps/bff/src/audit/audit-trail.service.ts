import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditSubjectType } from '@family/domain';
import { logger } from '../common/logger.js';
import { beforeAnswer, currentPlatform, currentRequestId, requestScoped } from '../common/request-context.js';
import { Database } from '../database/database.js';
import type { AuditEventEntity } from './entities/audit-event.entity.js';
import { AuditRepository, type AuditPosition, type NewAuditEvent } from './audit.repository.js';

/** What happened, by whom, to which household: ids and an action, never the data itself. */
export interface AuditEntry {
  readonly accountId: string;
  readonly householdId: string;
  readonly action: AuditAction;
  readonly subjectType: AuditSubjectType;
  /** The member, policy, invite or account; null (or left out) when a whole list was read. */
  readonly subjectId?: string | null;
}

const PENDING_READS = 'audit.reads';

/**
 * The personal-data audit trail (docs/audit.md). Writes are recorded in the transaction of the write
 * (`recordWrite` refuses to run outside one), so a write that fails leaves no entry. Reads are
 * collected through the request, one per household, action and subject, and inserted in a single
 * statement before the request answers; an answer whose reads could not be recorded is not sent.
 * The request id and the platform come from the request's context.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly events: AuditRepository,
    private readonly database: Database,
  ) {}

  /** Records a write; call it inside the `@Transactional()` method that makes the write. */
  async recordWrite(entry: AuditEntry): Promise<void> {
    if (!this.database.inTransaction)
      throw new Error(`audit ${entry.action}: a write is recorded inside its transaction`);
    await this.events.insert([this.row(entry)]);
  }

  /**
   * Notes a read for the request's one insert of reads (the same read twice is one entry). Outside
   * a request (a job) it is inserted at once.
   */
  async recordRead(...entries: AuditEntry[]): Promise<void> {
    const pending = requestScoped(PENDING_READS, () => {
      const reads = new Map<string, NewAuditEvent>();
      beforeAnswer(PENDING_READS, () => this.flush(reads));
      return reads;
    });
    if (!pending) {
      await this.events.insert(entries.map((entry) => this.row(entry)));
      return;
    }
    for (const entry of entries) {
      const row = this.row(entry);
      pending.set([row.accountId, row.householdId, row.action, row.subjectType, row.subjectId ?? ''].join('|'), row);
    }
  }

  /**
   * A household's entries, newest first, leaving out `exceptAccountId`'s own when given (for its
   * owner's log; the caller checks who asks).
   */
  householdPage(
    householdId: string,
    limit: number,
    after: AuditPosition | null,
    exceptAccountId: string | null = null,
  ): Promise<AuditEventEntity[]> {
    return this.events.page(householdId, limit, after, exceptAccountId);
  }

  householdCount(householdId: string, exceptAccountId: string | null = null): Promise<number> {
    return this.events.count(householdId, exceptAccountId);
  }

  private async flush(reads: Map<string, NewAuditEvent>): Promise<void> {
    const rows = [...reads.values()];
    reads.clear();
    try {
      await this.events.insert(rows);
    } catch (error) {
      logger.error({ detail: (error as Error).message, entries: rows.length }, 'audit: reads not recorded');
      throw error;
    }
  }

  private row(entry: AuditEntry): NewAuditEvent {
    return {
      accountId: entry.accountId,
      householdId: entry.householdId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      requestId: currentRequestId() ?? null,
      platform: currentPlatform() ?? null,
    };
  }
}
