import { AppError } from '../common/app-error.js';

/**
 * Why an invite cannot be used, each its own `extensions.reason` (the code a client branches on):
 * INVITE_NOT_FOUND, INVITE_EXPIRED, INVITE_REVOKED, INVITE_USED, INVITE_OWN, INVITE_NOT_JOINABLE.
 */
export type InviteRefusal =
  'INVITE_NOT_FOUND' | 'INVITE_EXPIRED' | 'INVITE_REVOKED' | 'INVITE_USED' | 'INVITE_OWN' | 'INVITE_NOT_JOINABLE';

/** Unknown and malformed codes answer alike: nothing tells a guesser how close they came. */
export class InviteNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', '邀请不存在或链接有误，请向分享人确认', undefined, { reason: 'INVITE_NOT_FOUND' });
  }
}

export class InviteExpiredError extends AppError {
  constructor() {
    super('CONFLICT', '邀请已过期，请让分享人重新邀请', undefined, { reason: 'INVITE_EXPIRED' });
  }
}

export class InviteRevokedError extends AppError {
  constructor() {
    super('CONFLICT', '邀请已被分享人撤销', undefined, { reason: 'INVITE_REVOKED' });
  }
}

export class InviteUsedError extends AppError {
  constructor() {
    super('CONFLICT', '邀请已被使用，每个家庭邀请只能使用一次', undefined, { reason: 'INVITE_USED' });
  }
}

export class OwnInviteError extends AppError {
  constructor() {
    super('FORBIDDEN', '这是你自己发出的邀请，请分享给家人', undefined, { reason: 'INVITE_OWN' });
  }
}

export class InviteNotJoinableError extends AppError {
  constructor() {
    super('BAD_USER_INPUT', '这个分享只能查看，不能加入', 'code', { reason: 'INVITE_NOT_JOINABLE' });
  }
}

export class InviteLimitError extends AppError {
  constructor(retryAfterMs: number) {
    super('TOO_MANY_REQUESTS', '操作过于频繁，请稍后再试', undefined, {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }
}
