import type { Platform } from '../graphql/generated/graphql';
import { PlatformError } from './platform-error';

/**
 * The platform's sign-in credential (P1). Taro builds `login.weapp.ts`, `login.alipay.ts` or
 * `login.h5.ts` in place of this file; this neutral one is what TypeScript checks against and what
 * any other Taro platform gets: no sign-in.
 *
 * Every variant exports the same three names:
 * - `LOGIN_PLATFORM`: the identity this build signs in with (`H5` = phone number and SMS code);
 * - `SILENT_LOGIN`: whether the app may sign in on start without asking the user;
 * - `getLoginCode()`: a one-time code the BFF exchanges with the platform (`login(platform, code)`).
 */

export const LOGIN_PLATFORM: Platform | null = null;

export const SILENT_LOGIN: boolean = false;

export function getLoginCode(): Promise<string> {
  return Promise.reject(new PlatformError('当前平台暂不支持登录'));
}
