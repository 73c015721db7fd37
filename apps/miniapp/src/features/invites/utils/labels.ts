import type {
  HouseholdRole,
  InviteConversion,
  InviteFunnelStage,
  InviteKind,
  InviteStatus,
} from '../../../graphql/generated/graphql';

/** Words for invites, their states and roles (every state is a word, never a colour alone). */

export const KIND_LABELS: Readonly<Record<InviteKind, string>> = {
  PRODUCT: '产品推荐',
  FAMILY_JOIN: '家庭邀请',
  POLICY_SUMMARY: '保单摘要',
};

export const STATUS_LABELS: Readonly<Record<InviteStatus, string>> = {
  ACTIVE: '有效',
  EXPIRED: '已过期',
  REVOKED: '已撤销',
  USED: '已使用',
};

/** The roles a family invite may offer. */
export type OfferedRole = Extract<HouseholdRole, 'MEMBER' | 'VIEWER'>;

export const OFFERED_ROLES: readonly OfferedRole[] = ['MEMBER', 'VIEWER'];

export const OFFERED_ROLE_LABELS: Readonly<Record<OfferedRole, string>> = {
  MEMBER: '成员',
  VIEWER: '查看者',
};

export const OFFERED_ROLE_EXPLANATIONS: Readonly<Record<OfferedRole, string>> = {
  MEMBER: '可添加和编辑自己添加的内容',
  VIEWER: '只能查看，个人信息打码',
};

/** The label and explanation of the role a family invite offers (`成员：可添加和编辑…`). */
export function offeredRoleText(role: HouseholdRole | null | undefined): string {
  const offered: OfferedRole = role === 'VIEWER' ? 'VIEWER' : 'MEMBER';
  return `${OFFERED_ROLE_LABELS[offered]}：${OFFERED_ROLE_EXPLANATIONS[offered]}`;
}

/** How far a friend went; a conversion says whether they joined or got a quote. */
export function stageLabel(stage: InviteFunnelStage, conversion: InviteConversion | null | undefined): string {
  switch (stage) {
    case 'OPENED':
      return '已查看';
    case 'SIGNED_UP':
      return '已注册';
    case 'CONVERTED':
      return conversion === 'QUOTED' ? '已测算' : conversion === 'JOINED' ? '已加入' : '已加入/测算';
    case 'BOUGHT':
      return '已投保';
  }
}

/** `邀请` for a family invite, `分享` for a product card or policy summary. */
function noun(kind: InviteKind): string {
  return kind === 'FAMILY_JOIN' ? '邀请' : '分享';
}

/**
 * What a landing says about an invite that can no longer be used, naming its masked sharer:
 * `邀请已过期，请联系 王* 重新邀请`.
 */
export function inactiveMessage(kind: InviteKind, status: Exclude<InviteStatus, 'ACTIVE'>, sharerName: string): string {
  const what = noun(kind);
  switch (status) {
    case 'EXPIRED':
      return `${what}已过期，请联系 ${sharerName} 重新${what}`;
    case 'REVOKED':
      return `${what}已被 ${sharerName} 撤销，如有需要请联系 ${sharerName} 重新${what}`;
    case 'USED':
      return `${what}已被使用（每个家庭邀请只能使用一次），请联系 ${sharerName} 重新${what}`;
  }
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long an invite lasts, for its sharer: `72 小时内有效，仅可使用一次`, `7 天内有效`,
 * `撤销前长期有效`; the state's word once it is not active.
 */
export function validityText(
  invite: { kind: InviteKind; status: InviteStatus; expiresAt?: string | null },
  now: number,
): string {
  if (invite.status !== 'ACTIVE') return STATUS_LABELS[invite.status];
  const once = invite.kind === 'FAMILY_JOIN' ? '，仅可使用一次' : '';
  if (!invite.expiresAt) return `撤销前长期有效${once}`;
  const left = Date.parse(invite.expiresAt) - now;
  if (!Number.isFinite(left) || left <= 0) return STATUS_LABELS.EXPIRED;
  const hours = Math.ceil(left / HOUR_MS);
  if (hours <= 72) return `${hours} 小时内有效${once}`;
  return `${Math.ceil(left / (24 * HOUR_MS))} 天内有效${once}`;
}
