import { PlatformError } from './platform-error';

/**
 * Saving an image (a poster) to the phone's album. Taro builds `album.weapp.ts` or
 * `album.alipay.ts` in place of this file; this one is H5 (and what TypeScript checks against): a
 * browser has no album, so the poster is shown as an `<img>` the user long-presses to save.
 *
 * Every variant exports:
 * - `CAN_SAVE_TO_ALBUM`: whether `saveToAlbum` can work here (else show the long-press hint);
 * - `saveToAlbum(filePath, options?)`: resolves `'saved'`, or `'cancelled'` when the user declined
 *   to open the settings; rejects with a `PlatformError` whose message is for the user.
 */

export type SaveToAlbumResult = 'saved' | 'cancelled';

export interface SaveToAlbumOptions {
  /**
   * Settles the app's privacy consent before the album is touched (WeChat): the page's
   * `usePrivacyConsent().ensureConsent`, with its `<PrivacySheet>` rendered. Resolves false when
   * the user declined.
   */
  ensureConsent?: () => Promise<boolean>;
}

export const CAN_SAVE_TO_ALBUM: boolean = false;

export function saveToAlbum(_filePath: string, _options: SaveToAlbumOptions = {}): Promise<SaveToAlbumResult> {
  return Promise.reject(new PlatformError('当前环境不能保存到相册，请长按图片保存'));
}
