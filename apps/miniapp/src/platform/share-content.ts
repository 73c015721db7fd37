/**
 * What a page shares, and the objects each platform's share callbacks must return. Pure: the
 * platform files (`share.ts`, `share.weapp.ts`, `share.alipay.ts`) pick the builder of their
 * platform, and the tests check every builder on any machine.
 */

/** A page's share: a product card, a family invite, a policy summary. */
export interface ShareContent {
  /** Card title (WeChat shows about two lines of it). */
  title: string;
  /** The shared page with its query, from the root: `invitePath(code)` for an invite. */
  path: string;
  /** WeChat card image (5:4; a local, package or network PNG/JPG); the page's screenshot when absent. */
  imageUrl?: string;
  /** Alipay card description. */
  desc?: string;
  /** The invite's H5 link (the BFF's `url`): what H5 copies. Built from `path` when absent. */
  url?: string;
  /**
   * WeChat Moments (朋友圈), default true. Moments always opens the page it was shared from (not
   * `path`), with the query of `path`; so that page must read the code itself (`inviteCodeFrom`).
   */
  timeline?: boolean;
  /** WeChat Moments image (1:1); the mini-program's logo when absent. */
  timelineImageUrl?: string;
}

/** Input of `shareMessage`. */
export interface ShareMessageInput {
  title: string;
  path: string;
  imageUrl?: string;
  desc?: string;
}

/** What WeChat's `onShareAppMessage` (`useShareAppMessage`) returns. */
export interface WechatShareMessage {
  title: string;
  path: string;
  imageUrl?: string;
}

/** What Alipay's `onShareAppMessage` returns. */
export interface AlipayShareMessage {
  title: string;
  desc?: string;
  path: string;
}

/** Input of `shareTimeline`, and what WeChat's `onShareTimeline` (`useShareTimeline`) returns. */
export interface TimelineShare {
  title: string;
  /** `code=…`, without `?`: Moments opens the current page with it. */
  query: string;
  imageUrl?: string;
}

/** A share path always starts at the root (WeChat requires the leading `/`). */
export function rootedPath(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

/** The query of a path, without `?` (`/pages/invite/index?code=abc` → `code=abc`). */
export function queryOfPath(path: string): string {
  const index = path.indexOf('?');
  return index < 0 ? '' : path.slice(index + 1);
}

export function wechatShareMessage({ title, path, imageUrl }: ShareMessageInput): WechatShareMessage {
  return imageUrl ? { title, path: rootedPath(path), imageUrl } : { title, path: rootedPath(path) };
}

export function alipayShareMessage({ title, path, desc }: ShareMessageInput): AlipayShareMessage {
  return desc ? { title, desc, path: rootedPath(path) } : { title, path: rootedPath(path) };
}

export function timelineShare({ title, query, imageUrl }: TimelineShare): TimelineShare {
  const bare = query.startsWith('?') ? query.slice(1) : query;
  return imageUrl ? { title, query: bare, imageUrl } : { title, query: bare };
}

/** The Moments share of a page's content. */
export function timelineOf(content: ShareContent): TimelineShare {
  return timelineShare({ title: content.title, query: queryOfPath(content.path), imageUrl: content.timelineImageUrl });
}

/**
 * The H5 link of a share: the BFF's `url`, else this site's page for `path` (hash routing, as
 * config/index.ts sets it: `https://host/#/pages/invite/index?code=…`).
 */
export function h5ShareLink(
  content: Pick<ShareContent, 'path' | 'url'>,
  location: { origin: string; pathname: string },
): string {
  if (content.url) return content.url;
  return `${location.origin}${location.pathname}#${rootedPath(content.path)}`;
}
