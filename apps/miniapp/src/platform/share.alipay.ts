import { useShareAppMessage } from '@tarojs/taro';
import { describePlatformFailure } from './platform-error';
import {
  alipayShareMessage,
  timelineShare,
  type AlipayShareMessage,
  type ShareContent,
  type ShareMessageInput,
  type TimelineShare,
} from './share-content';

/**
 * Alipay sharing: the page's `onShareAppMessage` returns `{ title, desc, path }`; the share panel
 * opens from the page menu or from `my.showSharePanel()`, which a button calls. There is no
 * Moments. What a page must do (page config `enableShareAppMessage: true`, `useSharing`, the share
 * button): see `share.ts`.
 * https://opendocs.alipay.com/mini/framework/page-detail#onShareAppMessage
 */

export type { ShareContent, ShareMessageInput, TimelineShare } from './share-content';
export { INVITE_PAGE, inviteCodeFrom, invitePath, inviteQuery, isInviteCode } from './invite';

/** The part of Alipay's global `my` used here. */
interface AlipayShareApi {
  showSharePanel?: () => void;
}

declare const my: AlipayShareApi;

/** The button calls `openSharePanel`. */
export const SHARE_BUTTON_OPEN_TYPE: 'share' | undefined = undefined;

export const SHARE_BUTTON_LABEL = '分享给好友';

/** `{ title, desc, path }` for `useShareAppMessage` (Alipay's `onShareAppMessage`). */
export function shareMessage(input: ShareMessageInput): AlipayShareMessage {
  return alipayShareMessage(input);
}

/** No Moments on Alipay; the WeChat shape, unused. */
export function shareTimeline(input: TimelineShare): TimelineShare {
  return timelineShare(input);
}

/** Registers the page's `onShareAppMessage`. */
export function useSharing(content: ShareContent | null): void {
  useShareAppMessage(() => (content ? shareMessage(content) : {}));
}

/** Opens Alipay's share panel, which shares what the page's `onShareAppMessage` returns. */
export function openSharePanel(content: ShareContent | null): Promise<void> {
  if (!content) return Promise.resolve();
  try {
    if (typeof my.showSharePanel === 'function') my.showSharePanel();
    else console.warn('share: my.showSharePanel is not available');
  } catch (error) {
    console.warn('share: my.showSharePanel failed', describePlatformFailure(error));
  }
  return Promise.resolve();
}
