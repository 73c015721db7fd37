import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect } from 'react';
import {
  timelineOf,
  timelineShare,
  wechatShareMessage,
  type ShareContent,
  type ShareMessageInput,
  type TimelineShare,
  type WechatShareMessage,
} from './share-content';

/**
 * WeChat sharing: `onShareAppMessage` for a friend or group (转发), `onShareTimeline` for Moments
 * (朋友圈, needs both). What a page must do (page config `enableShareAppMessage` and
 * `enableShareTimeline`, `useSharing`, the share button): see `share.ts`.
 * https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share-timeline.html
 */

export type { ShareContent, ShareMessageInput, TimelineShare } from './share-content';
export { INVITE_PAGE, inviteCodeFrom, invitePath, inviteQuery, isInviteCode } from './invite';

/** WeChat opens the share sheet only from a `<Button openType="share">`. */
export const SHARE_BUTTON_OPEN_TYPE: 'share' | undefined = 'share';

export const SHARE_BUTTON_LABEL = '分享给好友';

/** `{ title, path, imageUrl }` for `useShareAppMessage`. */
export function shareMessage(input: ShareMessageInput): WechatShareMessage {
  return wechatShareMessage(input);
}

/** `{ title, query }` for `useShareTimeline`. */
export function shareTimeline(input: TimelineShare): TimelineShare {
  return timelineShare(input);
}

type ShareMenu = 'shareAppMessage' | 'shareTimeline';

/** `wx.showShareMenu` takes `menus` (base library 2.11.3); Taro's type lacks it but passes it on. */
type ShowShareMenuOption = Taro.showShareMenu.Option & { menus: ShareMenu[] };

/**
 * Registers the page's share callbacks and shows the share menu (转发, and 朋友圈 unless
 * `timeline: false`) once the content is known; hides it while `content` is null.
 */
export function useSharing(content: ShareContent | null): void {
  // The callbacks read the newest content (Taro's hooks keep the latest function). Returning an
  // empty object shares the current page with the defaults, but the menu is hidden then.
  useShareAppMessage(() => (content ? shareMessage(content) : {}));
  useShareTimeline(() => (content && content.timeline !== false ? timelineOf(content) : {}));

  const ready = content !== null;
  const timeline = ready && content.timeline !== false;
  useEffect(() => {
    if (!ready) {
      Taro.hideShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] }).catch(() => undefined);
      return;
    }
    const menus: ShareMenu[] = timeline ? ['shareAppMessage', 'shareTimeline'] : ['shareAppMessage'];
    const option: ShowShareMenuOption = { withShareTicket: false, menus };
    Taro.showShareMenu(option).catch((error: unknown) => console.warn('share: showShareMenu failed', error));
    if (!timeline) Taro.hideShareMenu({ menus: ['shareTimeline'] }).catch(() => undefined);
  }, [ready, timeline]);
}

/** Nothing: on WeChat the page's `<Button openType="share">` opens the share sheet. */
export function openSharePanel(_content: ShareContent | null): Promise<void> {
  return Promise.resolve();
}
