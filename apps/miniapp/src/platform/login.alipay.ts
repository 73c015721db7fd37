import type { Platform } from '../graphql/generated/graphql';
import { describePlatformFailure, PlatformError } from './platform-error';

/**
 * Alipay: `my.getAuthCode({ scopes: 'auth_base' })` is silent (静默授权, no consent dialog) and gives
 * an auth code that the BFF exchanges by `alipay.system.oauth.token` for the user id.
 * Called on `my` directly rather than through Taro's `login` alias, so the scope is explicit.
 */

/** The part of Alipay's global `my` used here. */
interface AlipayAuthApi {
  getAuthCode(options: {
    scopes: 'auth_base';
    success?: (result: { authCode?: string }) => void;
    fail?: (error: { error?: number; errorMessage?: string }) => void;
  }): void;
}

declare const my: AlipayAuthApi;

export const LOGIN_PLATFORM: Platform | null = 'ALIPAY';

export const SILENT_LOGIN: boolean = true;

export function getLoginCode(): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    my.getAuthCode({
      scopes: 'auth_base',
      success: ({ authCode }) =>
        authCode
          ? resolve(authCode)
          : reject(new PlatformError('支付宝登录失败，请稍后重试', 'my.getAuthCode: no authCode')),
      fail: (error) =>
        reject(new PlatformError('支付宝登录失败，请稍后重试', `my.getAuthCode: ${describePlatformFailure(error)}`)),
    });
  });
}
