import { Injectable } from '@nestjs/common';
import {
  type AccessDenial,
  type AccessTarget,
  type HouseholdAction,
  type HouseholdActor,
  decideAccess,
} from '@family/domain';
import { AppError } from '../app-error.js';

const ACTION_LABELS: Readonly<Record<HouseholdAction, string>> = {
  'household.view': '查看这个家庭',
  'household.rename': '修改家庭名称',
  'household.viewAccessLog': '查看家庭的访问记录',
  'member.add': '添加家庭成员',
  'member.edit': '修改这位家庭成员的信息',
  'member.remove': '移除这位家庭成员',
  'member.revealIdNumber': '查看完整证件号码',
  'policy.add': '添加保单',
  'policy.edit': '修改这份保单',
  'policy.remove': '删除这份保单',
  'policy.share': '分享这份保单',
  'invite.create': '邀请家人加入',
  'invite.revoke': '撤销邀请',
  'membership.changeRole': '修改成员角色',
  'membership.remove': '将成员移出家庭',
  'membership.leave': '退出这个家庭',
};

const DENIAL_HINTS: Readonly<Record<AccessDenial, string>> = {
  NOT_IN_HOUSEHOLD: '你不是这个家庭的成员',
  ROLE_NOT_ALLOWED: '需要家庭管理员操作',
  NOT_YOURS: '只能修改你自己添加的内容',
  OWNER_STAYS: '家庭管理员不能对自己这样操作',
};

/** A refused action: `extensions.code` FORBIDDEN, with the action and the reason for the client. */
export class ForbiddenError extends AppError {
  constructor(action: HouseholdAction, reason: AccessDenial) {
    super('FORBIDDEN', `无权${ACTION_LABELS[action]}：${DENIAL_HINTS[reason]}`, undefined, { action, reason });
  }
}

/**
 * The one place the BFF decides who may do what to a household, its members, policies and invites
 * (the rules are `decideAccess` in packages/domain). Services load the caller's role and the target's
 * facts through their repositories, then ask here before they read or write.
 */
@Injectable()
export class AccessPolicy {
  can(actor: HouseholdActor, action: HouseholdAction, target?: AccessTarget): boolean {
    return decideAccess(actor, action, target).allowed;
  }

  /** Throws ForbiddenError unless the actor may do it. */
  assert(actor: HouseholdActor, action: HouseholdAction, target?: AccessTarget): void {
    const decision = decideAccess(actor, action, target);
    if (!decision.allowed) throw new ForbiddenError(action, decision.reason);
  }
}
