import { Injectable } from '@nestjs/common';
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditSubjectType } from '@family/domain';
import { InputProblemsError } from '../common/app-error.js';
import { AccessPolicy } from '../common/authorization/access-policy.js';
import { isUuid } from '../common/ids.js';
import { type AuditPosition, AuditTrail } from '../audit/index.js';
import { HouseholdNotFoundError } from './family.errors.js';
import { FamilySharingService } from './family-sharing.service.js';
import { HouseholdRepository } from './household.repository.js';

/** Most entries one page of the log holds. */
export const MAX_ACCESS_LOG_PAGE = 50;

export interface AccessLogEntryView {
  readonly id: string;
  readonly who: string;
  readonly isYou: boolean;
  readonly action: AuditAction;
  readonly actionLabel: string;
  readonly subject: AuditSubjectType;
  readonly at: Date;
}

export interface AccessLogPage {
  readonly entries: readonly { cursor: string; entry: AccessLogEntryView }[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** 谁看过我家: the household's audit trail as its owner reads it (no one else may). */
@Injectable()
export class FamilyAccessLogService {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly sharing: FamilySharingService,
    private readonly audit: AuditTrail,
    private readonly policy: AccessPolicy,
  ) {}

  /** A page of the log; `othersOnly` leaves out what the owner did themselves. */
  async page(
    accountId: string,
    householdId: string,
    first: number,
    after: string | null,
    othersOnly = false,
  ): Promise<AccessLogPage> {
    const household = isUuid(householdId) ? await this.households.findById(householdId) : null;
    if (!household) throw new HouseholdNotFoundError();
    const role = await this.households.roleOf(householdId, accountId);
    this.policy.assert({ accountId, role }, 'household.viewAccessLog');
    if (!Number.isInteger(first) || first < 1 || first > MAX_ACCESS_LOG_PAGE)
      throw new InputProblemsError([
        { field: 'first', code: 'OUT_OF_RANGE', message: `每页 1 到 ${MAX_ACCESS_LOG_PAGE} 条` },
      ]);
    const position = after === null ? null : decodeCursor(after);
    if (after !== null && !position)
      throw new InputProblemsError([{ field: 'after', code: 'INVALID_CURSOR', message: '翻页位置无效，请从头查看' }]);
    const [rows, totalCount] = await Promise.all([
      this.audit.householdPage(householdId, first + 1, position, othersOnly ? accountId : null),
      this.audit.householdCount(householdId, othersOnly ? accountId : null),
    ]);
    const page = rows.slice(0, first);
    const labels = await this.sharing.labelsOf(page.map((row) => row.accountId).filter((id) => id !== accountId));
    return {
      entries: page.map((row) => ({
        cursor: encodeCursor({ at: row.at, id: row.id }),
        entry: {
          id: row.id,
          who: row.accountId === accountId ? '你' : (labels.get(row.accountId) ?? '用户'),
          isYou: row.accountId === accountId,
          action: row.action,
          actionLabel: AUDIT_ACTION_LABELS[row.action],
          subject: row.subjectType,
          at: row.at,
        },
      })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

function encodeCursor(position: AuditPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

function decodeCursor(cursor: string): AuditPosition | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const time = Date.parse(at ?? '');
  return Number.isNaN(time) || !id || !isUuid(id) ? null : { at: new Date(time), id };
}
