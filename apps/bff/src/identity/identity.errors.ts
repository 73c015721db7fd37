import { AppError, InvalidInputError } from '../common/app-error.js';

export type Platform = 'WECHAT' | 'ALIPAY' | 'H5';

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = { WECHAT: '微信', ALIPAY: '支付宝', H5: '手机号' };

/**
 * Why a sign-in failed, in `extensions.reason`. Messages never say whether an account exists.
 * TOKEN_EXPIRED tells the client to refresh once and retry.
 */
export type AuthFailureReason =
  | 'AUTH_REQUIRED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'SESSION_REVOKED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'LOGIN_CODE_INVALID'
  | 'RISKY_USER';

const AUTH_MESSAGES: Readonly<Record<AuthFailureReason, string>> = {
  AUTH_REQUIRED: '请先登录',
  TOKEN_INVALID: '登录状态无效，请重新登录',
  TOKEN_EXPIRED: '登录已过期',
  SESSION_REVOKED: '登录已失效，请重新登录',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新登录',
  REFRESH_TOKEN_REUSED: '检测到登录凭证被重复使用，已退出所有相关登录，请重新登录',
  LOGIN_CODE_INVALID: '登录凭证无效或已过期，请重试',
  RISKY_USER: '当前账号存在安全风险，暂时无法登录',
};

export class AuthenticationError extends AppError {
  constructor(readonly reason: AuthFailureReason) {
    super('UNAUTHENTICATED', AUTH_MESSAGES[reason], undefined, { reason });
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super('TOO_MANY_REQUESTS', `操作过于频繁，请 ${seconds} 秒后再试`, undefined, { retryAfterSeconds: seconds });
  }
}

/** The platform refused or failed for reasons that are not the user's (configuration, outage). */
export class PlatformUnavailableError extends AppError {
  constructor(platform: Platform) {
    super('UPSTREAM_UNAVAILABLE', `${PLATFORM_LABELS[platform]}登录暂时不可用，请稍后再试`, undefined, { platform });
  }
}

export class IdentityLinkedElsewhereError extends AppError {
  constructor(platform: Platform) {
    super('CONFLICT', `该${PLATFORM_LABELS[platform]}账号已绑定其他账户，无法重复绑定`, undefined, { platform });
  }
}

export class PlatformAlreadyLinkedError extends AppError {
  constructor(platform: Platform) {
    super('CONFLICT', `当前账户已绑定${PLATFORM_LABELS[platform]}账号，请先解绑`, undefined, { platform });
  }
}

export class InvalidPhoneError extends InvalidInputError {
  constructor() {
    super('phone', '请输入正确的 11 位手机号');
  }
}

export class PhoneRequiredError extends InvalidInputError {
  constructor() {
    super('input.phone', '手机号登录需要填写手机号');
  }
}

export class InvalidPrivacyVersionError extends InvalidInputError {
  constructor(current: string) {
    super('version', `隐私政策已更新（当前版本 ${current}），请阅读后重新同意`);
  }
}
