import { AppError, InvalidInputError } from '../common/app-error.js';
import type { Platform } from '../common/auth/session-claims.js';

export { AuthenticationError, type AuthFailureReason } from '../common/auth/authentication.error.js';
export type { Platform };

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = { WECHAT: '微信', ALIPAY: '支付宝', H5: '手机号' };

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
