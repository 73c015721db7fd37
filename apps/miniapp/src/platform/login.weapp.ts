import Taro from '@tarojs/taro';
import type { Platform } from '../graphql/generated/graphql';
import { describePlatformFailure, PlatformError } from './platform-error';

/**
 * WeChat: `wx.login()` gives a `js_code` that the BFF exchanges by `jscode2session` for the openid
 * (and unionid). It needs no user action and shows nothing, so the app signs in silently on start.
 */

export const LOGIN_PLATFORM: Platform | null = 'WECHAT';

export const SILENT_LOGIN: boolean = true;

export async function getLoginCode(): Promise<string> {
  let code: string | undefined;
  try {
    ({ code } = await Taro.login());
  } catch (error) {
    throw new PlatformError('微信登录失败，请稍后重试', `wx.login: ${describePlatformFailure(error)}`);
  }
  if (!code) throw new PlatformError('微信登录失败，请稍后重试', 'wx.login: no code');
  return code;
}
