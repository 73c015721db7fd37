import Taro from '@tarojs/taro';
import type { SaveToAlbumOptions, SaveToAlbumResult } from './album';
import { describePlatformFailure, PlatformError } from './platform-error';
import { platformNeedsPrivacyAuthorization } from './privacy';

/**
 * WeChat: `wx.saveImageToPhotosAlbum` needs the `scope.writePhotosAlbum` authorisation (asked by
 * the first call) and, with `__usePrivacyCheck__` (app.config.ts), the user's privacy authorisation
 * (privacy.weapp.ts). Once the user has refused the scope, WeChat never asks again: only the
 * settings page (`wx.openSetting`, from a tap) can turn it back on. So:
 * 1. settle the privacy consent first (`options.ensureConsent`, the page's consent sheet); without
 *    it, the call below makes WeChat ask through `onNeedPrivacyAuthorization`, which the page's
 *    `usePrivacyConsent` answers with the same sheet;
 * 2. `wx.getSetting`: refused before → explain in a modal, then `wx.openSetting`;
 * 3. `wx.saveImageToPhotosAlbum`, which asks for the scope the first time.
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html
 */

export type { SaveToAlbumOptions, SaveToAlbumResult } from './album';

export const CAN_SAVE_TO_ALBUM: boolean = true;

const SCOPE = 'scope.writePhotosAlbum';

export const ALBUM_DENIED_MESSAGE = '未获得相册权限，海报未保存';
export const ALBUM_PRIVACY_MESSAGE = '需要同意隐私保护指引后才能保存图片';

/** The user's message for a failed `wx.saveImageToPhotosAlbum`. */
export function albumFailureMessage(error: unknown): string {
  const text = describePlatformFailure(error).toLowerCase();
  const errno = typeof error === 'object' && error !== null ? (error as Record<string, unknown>).errno : undefined;
  // errno 104 / 112: privacy authorisation refused, or the API is not declared in the guideline.
  if (errno === 104 || errno === 112 || text.includes('privacy')) return ALBUM_PRIVACY_MESSAGE;
  if (text.includes('auth deny') || text.includes('auth denied') || text.includes('authorize no response')) {
    return ALBUM_DENIED_MESSAGE;
  }
  if (text.includes('cancel')) return '已取消保存';
  if (text.includes('permission')) return '请在手机设置中允许微信访问相册后重试';
  return '保存失败，请稍后重试';
}

/** Whether a failure is the user refusing the album scope (WeChat will not ask again). */
export function isScopeDenied(error: unknown): boolean {
  return albumFailureMessage(error) === ALBUM_DENIED_MESSAGE;
}

async function scopeRefused(): Promise<boolean> {
  try {
    const { authSetting } = await Taro.getSetting();
    return authSetting[SCOPE] === false;
  } catch {
    return false;
  }
}

/** Explains, then opens the settings page; true when the user turned the scope on there. */
async function reopenScope(): Promise<boolean | 'cancelled'> {
  const { confirm } = await Taro.showModal({
    title: '需要相册权限',
    content: '保存海报需要使用你的相册。请在设置中打开“保存到相册”，再保存一次。',
    confirmText: '去设置',
    cancelText: '暂不',
  });
  if (!confirm) return 'cancelled';
  try {
    const { authSetting } = await Taro.openSetting();
    return authSetting[SCOPE] === true;
  } catch {
    return false;
  }
}

export async function saveToAlbum(filePath: string, options: SaveToAlbumOptions = {}): Promise<SaveToAlbumResult> {
  if (options.ensureConsent && (await platformNeedsPrivacyAuthorization())) {
    if (!(await options.ensureConsent())) throw new PlatformError(ALBUM_PRIVACY_MESSAGE, 'privacy declined');
  }
  if (await scopeRefused()) {
    const reopened = await reopenScope();
    if (reopened === 'cancelled') return 'cancelled';
    if (!reopened) throw new PlatformError(ALBUM_DENIED_MESSAGE, `${SCOPE} still off`);
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    return 'saved';
  } catch (error) {
    throw new PlatformError(albumFailureMessage(error), `wx.saveImageToPhotosAlbum: ${describePlatformFailure(error)}`);
  }
}
