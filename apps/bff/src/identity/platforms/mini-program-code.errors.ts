import { AppError } from '../../common/app-error.js';
import type { Platform } from '../../common/auth/session-claims.js';

/** Why a mini-program code could not be made; in `extensions.details.reason`. */
export type MiniProgramCodeFailure = 'UNAVAILABLE' | 'PAGE_NOT_PUBLISHED' | 'INVALID_SCENE' | 'QUOTA_EXCEEDED';

/** A mini-program code (小程序码) could not be made; `platform` and `reason` say which and why. */
export abstract class MiniProgramCodeError extends AppError {
  abstract readonly platform: Platform;
  abstract readonly reason: MiniProgramCodeFailure;
}

/** The platform could not be reached, timed out, or refused the app (credentials, signature, outage). */
export class MiniProgramCodeUnavailableError extends MiniProgramCodeError {
  readonly reason = 'UNAVAILABLE' as const;

  constructor(readonly platform: Platform) {
    super('UPSTREAM_UNAVAILABLE', '小程序码暂时无法生成，请稍后再试', undefined, { platform, reason: 'UNAVAILABLE' });
  }
}

/** WeChat 41030 / Alipay INVALID_URL_PARAM: the page is not in the published version of the mini-program. */
export class MiniProgramPageNotPublishedError extends MiniProgramCodeError {
  readonly reason = 'PAGE_NOT_PUBLISHED' as const;

  constructor(
    readonly platform: Platform,
    readonly page: string,
  ) {
    super('UPSTREAM_UNAVAILABLE', '分享页面尚未发布，暂时无法生成小程序码', undefined, {
      platform,
      reason: 'PAGE_NOT_PUBLISHED',
      page,
    });
  }
}

/** WeChat 40169, or refused before calling out: the scene is empty, longer than 32 or has other characters. */
export class InvalidSceneError extends MiniProgramCodeError {
  readonly reason = 'INVALID_SCENE' as const;

  constructor(readonly platform: Platform) {
    super('BAD_USER_INPUT', '邀请码格式不正确', 'scene', { platform, reason: 'INVALID_SCENE' });
  }
}

/** WeChat 45009 / Alipay isv.app-call-limited: the app's daily quota of codes is spent. */
export class MiniProgramCodeQuotaError extends MiniProgramCodeError {
  readonly reason = 'QUOTA_EXCEEDED' as const;

  constructor(
    readonly platform: Platform,
    retryAfterMs: number,
  ) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super('TOO_MANY_REQUESTS', '今日小程序码生成次数已达上限，请明天再试', undefined, {
      platform,
      reason: 'QUOTA_EXCEEDED',
      retryAfterSeconds,
    });
  }
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Time until the platforms' daily quotas reset: the next midnight, China time. */
export function msUntilChinaMidnight(now: number): number {
  return DAY_MS - ((now + CHINA_OFFSET_MS) % DAY_MS);
}
