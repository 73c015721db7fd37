import type { SaveToAlbumOptions, SaveToAlbumResult } from './album';
import { describePlatformFailure, PlatformError } from './platform-error';

/**
 * Alipay: `my.saveImageToPhotosAlbum({ filePath })` saves a local file (the canvas' temp file);
 * older clients only have `my.saveImage({ url })`. Alipay asks the user for the album itself; a
 * refusal is remembered by the phone's system settings for Alipay, which the mini-program cannot
 * open, so the message says where to go. No separate privacy authorisation is needed here.
 * Error codes (Alipay docs): 2 bad arguments, 11 / 15 / 2001 album permission refused, 16 storage
 * full, 17 other failures while saving.
 * https://opendocs.alipay.com/mini/api/media/image/my.saveimagetophotosalbum
 */

export type { SaveToAlbumOptions, SaveToAlbumResult } from './album';

/** The part of Alipay's global `my` used here. */
interface AlipayAlbumApi {
  saveImageToPhotosAlbum?: (options: {
    filePath: string;
    success?: () => void;
    fail?: (error: { error?: number; errorMessage?: string }) => void;
  }) => void;
  saveImage?: (options: {
    url: string;
    showActionSheet?: boolean;
    success?: () => void;
    fail?: (error: { error?: number; errorMessage?: string }) => void;
  }) => void;
}

declare const my: AlipayAlbumApi;

export const CAN_SAVE_TO_ALBUM: boolean = true;

/** The user's message for a failed save on Alipay. */
export function albumFailureMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as Record<string, unknown>).error : undefined;
  const text = describePlatformFailure(error);
  if (code === 11 || code === 15 || code === 2001 || /权限|授权|auth|permission/i.test(text)) {
    return '未获得相册权限，请在手机“设置”中允许支付宝访问相册后重试';
  }
  if (code === 16) return '手机存储空间不足，海报未保存';
  if (/取消|cancel/i.test(text)) return '已取消保存';
  return '保存失败，请稍后重试';
}

export function saveToAlbum(filePath: string, _options: SaveToAlbumOptions = {}): Promise<SaveToAlbumResult> {
  return new Promise<SaveToAlbumResult>((resolve, reject) => {
    const fail = (error: unknown): void =>
      reject(new PlatformError(albumFailureMessage(error), `my save image: ${describePlatformFailure(error)}`));
    try {
      if (typeof my.saveImageToPhotosAlbum === 'function') {
        my.saveImageToPhotosAlbum({ filePath, success: () => resolve('saved'), fail });
      } else if (typeof my.saveImage === 'function') {
        my.saveImage({ url: filePath, showActionSheet: false, success: () => resolve('saved'), fail });
      } else {
        reject(new PlatformError('当前支付宝版本不支持保存图片，请升级后重试', 'no my.saveImageToPhotosAlbum'));
      }
    } catch (error) {
      fail(error);
    }
  });
}
