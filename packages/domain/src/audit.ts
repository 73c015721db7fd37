import { addDays } from './policy.js';
import { chinaToday } from './age.js';

/**
 * The personal-data audit trail: what was done to a household's personal data, by whom and when.
 * A row holds ids and these words only, never the data itself (no names, ID or phone numbers).
 */
export const AUDIT_ACTIONS = [
  'HOUSEHOLD_READ',
  'MEMBER_READ',
  'MEMBER_CREATE',
  'MEMBER_UPDATE',
  'MEMBER_DELETE',
  'ID_NUMBER_REVEAL',
  'POLICY_READ',
  'POLICY_CREATE',
  'POLICY_UPDATE',
  'POLICY_DELETE',
  'INVITE_CREATE',
  'INVITE_OPEN',
  'INVITE_ACCEPT',
  'INVITE_REVOKE',
  'MEMBERSHIP_ROLE_CHANGE',
  'MEMBERSHIP_REMOVE',
  'MEMBERSHIP_LEAVE',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about: the household itself, a member record, a policy, an invite, or an account that joined. */
export const AUDIT_SUBJECT_TYPES = ['HOUSEHOLD', 'MEMBER', 'POLICY', 'INVITE', 'ACCOUNT'] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** How the owner's access log words each action (谁看过我家). */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  HOUSEHOLD_READ: '查看了家庭',
  MEMBER_READ: '查看了家庭成员',
  MEMBER_CREATE: '添加了家庭成员',
  MEMBER_UPDATE: '修改了家庭成员',
  MEMBER_DELETE: '删除了家庭成员',
  ID_NUMBER_REVEAL: '查看了完整证件号',
  POLICY_READ: '查看了保单',
  POLICY_CREATE: '添加了保单',
  POLICY_UPDATE: '修改了保单',
  POLICY_DELETE: '删除了保单',
  INVITE_CREATE: '发出了邀请',
  INVITE_OPEN: '打开了邀请',
  INVITE_ACCEPT: '接受邀请加入了家庭',
  INVITE_REVOKE: '撤销了邀请',
  MEMBERSHIP_ROLE_CHANGE: '调整了家人的角色',
  MEMBERSHIP_REMOVE: '移出了家人',
  MEMBERSHIP_LEAVE: '退出了家庭',
};

/** Whether the action only read (the others changed something). */
export function isAuditRead(action: AuditAction): boolean {
  return action.endsWith('_READ') || action === 'ID_NUMBER_REVEAL' || action === 'INVITE_OPEN';
}

/** The shortest retention the trail may be configured with, in days. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

/**
 * The instant before which audit rows may be purged: the start (China time) of the day
 * `retentionDays` days before today. Every row is kept for `retentionDays` whole days on China's
 * calendar — a row made 180 days ago, at any hour of that day, stays with a retention of 180 — and
 * goes at the latest a day later.
 */
export function auditPurgeCutoff(nowMs: number, retentionDays: number): Date {
  const day = addDays(chinaToday(nowMs), -retentionDays);
  return new Date(`${day}T00:00:00+08:00`);
}
