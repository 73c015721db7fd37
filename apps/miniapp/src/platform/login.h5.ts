import type { Platform } from '../graphql/generated/graphql';
import { PlatformError } from './platform-error';

/**
 * H5: there is no platform credential. The user signs in with a phone number and an SMS code
 * (`requestPhoneCode`, then `login(H5, code, phone)`), never silently.
 */

export const LOGIN_PLATFORM: Platform | null = 'H5';

export const SILENT_LOGIN: boolean = false;

export function getLoginCode(): Promise<string> {
  return Promise.reject(new PlatformError('请使用手机号和验证码登录'));
}
