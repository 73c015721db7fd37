import Taro from '@tarojs/taro';
import { describePlatformFailure } from './platform-error';
import {
  h5ShareLink,
  timelineShare,
  wechatShareMessage,
  type ShareContent,
  type ShareMessageInput,
  type TimelineShare,
  type WechatShareMessage,
} from './share-content';

/**
 * Sharing (share-to-friend: product cards, family invites, policy summaries). Taro builds
 * `share.weapp.ts` or `share.alipay.ts` in place of this file; this one is H5 (and what TypeScript
 * checks against): there is no share sheet, so sharing copies the invite's link.
 *
 * Every variant exports the same names:
 * - `shareMessage(input)`: what the page's `useShareAppMessage` callback returns on this platform;
 * - `shareTimeline(input)`: what WeChat's `useShareTimeline` callback returns;
 * - `useSharing(content | null)`: registers both callbacks (and shows WeChat's share menu); null
 *   while the content is loading (the menu stays hidden);
 * - `SHARE_BUTTON_OPEN_TYPE`: `'share'` on WeChat, where the page renders
 *   `<Button openType="share">` (WeChat lets no API open the share sheet); undefined elsewhere, where
 *   the button calls `openSharePanel(content)`;
 * - `SHARE_BUTTON_LABEL`: the Chinese label of that button;
 * - `openSharePanel(content)`: Alipay `my.showSharePanel()`; H5 copies the link; WeChat nothing;
 * - `invitePath`, `inviteQuery`, `inviteCodeFrom` (from `./invite`): every shared path carries the
 *   invite's code.
 *
 * What a page must do to be shareable:
 * 1. In its `index.config.ts`: `enableShareAppMessage: true` (WeChat and Alipay) and, to offer
 *    WeChat Moments (朋友圈), `enableShareTimeline: true` as well. Taro wires a page's
 *    `onShareAppMessage` / `onShareTimeline` only when the page config says so (taro-loader sets
 *    `component.enableShare…`, `createPageConfig` registers the handlers only then); the hooks alone
 *    do nothing, and a page without `onShareAppMessage` has no 转发 in its menu. Taro strips the two
 *    keys from the generated page JSON. Moments needs both handlers.
 * 2. Call `useSharing(content)` once in the page (or a component rendered by it), with
 *    `path: invitePath(code)` and, for H5, `url` from the BFF.
 * 3. Render a share button: `SHARE_BUTTON_OPEN_TYPE ? <Button openType={SHARE_BUTTON_OPEN_TYPE}>`
 *    : `<Button onClick={() => void openSharePanel(content)}>`, labelled `SHARE_BUTTON_LABEL`.
 * 4. Moments opens the page it was shared from, in single-page mode (scene 1154, no login:
 *    `isSinglePageMode()`), with the query of `path`: a page offering Moments must read the code
 *    itself (`inviteCodeFrom(useRouter().params)`), or pass `timeline: false`.
 */

export type { ShareContent, ShareMessageInput, TimelineShare } from './share-content';
export { INVITE_PAGE, inviteCodeFrom, invitePath, inviteQuery, isInviteCode } from './invite';

/** H5 has no share sheet: the page's button copies the link. */
export const SHARE_BUTTON_OPEN_TYPE: 'share' | undefined = undefined;

export const SHARE_BUTTON_LABEL = '复制分享链接';

/** H5 has no share callbacks; the WeChat shape, unused. */
export function shareMessage(input: ShareMessageInput): WechatShareMessage {
  return wechatShareMessage(input);
}

export function shareTimeline(input: TimelineShare): TimelineShare {
  return timelineShare(input);
}

/** Nothing to register on H5. */
export function useSharing(_content: ShareContent | null): void {
  // No share menu in a browser.
}

async function writeClipboard(text: string): Promise<void> {
  // The asynchronous Clipboard API tells when copying failed (insecure page, permission); Taro's
  // H5 `setClipboardData` uses `document.execCommand('copy')` and reports success either way.
  if (typeof navigator !== 'undefined' && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Fall back to Taro's.
    }
  }
  await Taro.setClipboardData({ data: text });
}

/**
 * H5: copies the invite's link and says so (`链接已复制`); when the clipboard cannot be written,
 * shows the link so the user can copy it by hand. Resolves once the user has been told.
 */
export async function openSharePanel(content: ShareContent | null): Promise<void> {
  if (!content) return;
  const location = typeof window !== 'undefined' ? window.location : { origin: '', pathname: '/' };
  const link = h5ShareLink(content, location);
  try {
    await writeClipboard(link);
    await Taro.showToast({ title: '链接已复制', icon: 'none' });
  } catch (error) {
    console.warn('share: could not copy the link', describePlatformFailure(error));
    await Taro.showModal({
      title: '请复制链接分享',
      content: link,
      showCancel: false,
      confirmText: '知道了',
    }).catch(() => undefined);
  }
}
