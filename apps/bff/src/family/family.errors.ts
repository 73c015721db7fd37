import { AppError, InputProblemsError } from '../common/app-error.js';
import type { MemberConflict } from './family-member.repository.js';

export class HouseholdNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', '未找到这个家庭');
  }
}

export class HouseholdPersonNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', '这个人不在这个家庭中');
  }
}

export class FamilyMemberNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', '未找到这位家庭成员，可能已被移除');
  }
}

const CONFLICT_PROBLEMS: Readonly<Record<MemberConflict, { field: string; message: string }>> = {
  SELF_EXISTS: { field: 'input.relationship', message: '家庭中已有“本人”，每个家庭只能有一位本人' },
  ID_NUMBER_EXISTS: { field: 'input.idNumber', message: '家庭中已有证件号码相同的成员' },
};

/** A write the table refused: a second 本人, or the same ID number twice. */
export class FamilyMemberConflictError extends InputProblemsError {
  constructor(conflict: MemberConflict) {
    super([{ code: conflict, ...CONFLICT_PROBLEMS[conflict] }]);
  }
}

export class RevealLimitError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(
      'TOO_MANY_REQUESTS',
      `查看完整证件号码过于频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
      undefined,
      {
        retryAfterSeconds,
      },
    );
  }
}

export class PolicyNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', '未找到这份保单，可能已被删除');
  }
}

/** A member still insured by policies: removing them would orphan the policies. */
export class MemberHasPoliciesError extends AppError {
  constructor(count: number) {
    super('CONFLICT', `这位成员是 ${count} 份保单（含已终止的）的被保人，请先删除这些保单`, undefined, {
      policyCount: count,
    });
  }
}
