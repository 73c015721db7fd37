import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { Database } from '../database/database.js';
import { AuditEventEntity } from './entities/audit-event.entity.js';

export type NewAuditEvent = Omit<AuditEventEntity, 'id' | 'at'>;

/** Where a page of a household's log starts: after this entry (newest first). */
export interface AuditPosition {
  readonly at: Date;
  readonly id: string;
}

/** The audit trail's table. */
@Injectable()
export class AuditRepository {
  constructor(private readonly database: Database) {}

  private get events() {
    return this.database.repository(AuditEventEntity);
  }

  /** All of them in one multi-row INSERT (in the caller's transaction, when there is one). */
  async insert(events: readonly NewAuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.events
      .createQueryBuilder()
      .insert()
      .values([...events])
      .updateEntity(false)
      .execute();
  }

  /**
   * A household's entries, newest first, `limit` of them after `after` (uses audit_event_household_idx);
   * without those of `exceptAccountId` when given (the owner reading what others did).
   */
  page(
    householdId: string,
    limit: number,
    after: AuditPosition | null,
    exceptAccountId: string | null = null,
  ): Promise<AuditEventEntity[]> {
    const query = this.events
      .createQueryBuilder('event')
      .where('event.household_id = :householdId', { householdId })
      .orderBy('event.at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .limit(limit);
    if (after) query.andWhere('(event.at, event.id) < (:at, :id)', { at: after.at, id: after.id });
    if (exceptAccountId) query.andWhere('event.account_id <> :exceptAccountId', { exceptAccountId });
    return query.getMany();
  }

  count(householdId: string, exceptAccountId: string | null = null): Promise<number> {
    return this.events.countBy(exceptAccountId ? { householdId, accountId: Not(exceptAccountId) } : { householdId });
  }

  /**
   * Deletes up to `batch` entries made before `cutoff` (uses audit_event_at_idx); answers how many.
   * Raw SQL because a DELETE … LIMIT needs the ids chosen in a subquery, which the builder does not
   * write. Short statements keep locks and the write-ahead log small on a large table.
   */
  async purgeBatch(cutoff: Date, batch: number): Promise<number> {
    const rows = (await this.database.manager.query(
      `DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE at < $1 ORDER BY at LIMIT $2) RETURNING id`,
      [cutoff, batch],
    )) as unknown;
    // TypeORM answers a DELETE … RETURNING with [rows, count] on PostgreSQL.
    return Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : (rows as unknown[]).length;
  }
}
