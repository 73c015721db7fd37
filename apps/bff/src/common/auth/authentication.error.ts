import { AppError } from '../app-error.js';

/**
 * Why a request is not signed in, in `extensions.reason`. Messages never say whether an account
 * exists. TOKEN_EXPIRED tells the client to refresh once and retry.
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
