/**
 * Invite codes in shared paths. The BFF gives each invite (product card, family invite, policy
 * summary) a short `code`; every shared path carries it, and the landing page
 * (`/pages/invite/index`, built separately) reads it back whichever way it arrived. Pure: the same
 * on every platform.
 */

/** The landing page of every invite. */
export const INVITE_PAGE = '/pages/invite/index';

/**
 * The code alphabet: letters, digits, `-` and `_`, 6 to 32 characters. It fits the 32 visible
 * characters WeChat allows in a mini-program code's `scene`, and needs no URL encoding.
 */
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{6,32}$/;

export function isInviteCode(value: string): boolean {
  return INVITE_CODE_PATTERN.test(value);
}

/** `code=<code>`: the query of an invite (WeChat Moments' `useShareTimeline` takes only a query). */
export function inviteQuery(code: string): string {
  return `code=${encodeURIComponent(code)}`;
}

/** `/pages/invite/index?code=<code>`: the path of a shared card. */
export function invitePath(code: string): string {
  return `${INVITE_PAGE}?${inviteQuery(code)}`;
}

function decoded(value: string | undefined): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape (`%E4%B8`): not one of our codes.
    return null;
  }
}

/** A WeChat `scene`: the code itself, or (tolerated) a query string such as `code=<code>`. */
function codeInScene(scene: string): string {
  if (!scene.includes('=')) return scene;
  for (const pair of scene.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key === 'code') return value;
  }
  return '';
}

/**
 * The invite code of a landing page's parameters, or null when there is none or it is not one of
 * ours. Give it the page's query, merged with the launch options' query where the platform puts it
 * there:
 * - WeChat shared card (`onShareAppMessage` path) and Moments (`onShareTimeline` query): `code`;
 * - WeChat mini-program code (小程序码, `getwxacodeunlimit`): `scene`, URL-encoded (the code itself);
 * - Alipay QR code: `code`, in the page query or in `query` of the launch options
 *   (`Taro.getLaunchOptionsSync().query`);
 * - H5: `?code=` of the link.
 * Values are URL-decoded (once; our codes need no encoding, so decoding never harms one), then
 * checked against the code alphabet. `code` wins over `scene` when both hold a valid code.
 */
export function inviteCodeFrom(params: Record<string, string | undefined>): string | null {
  const fromCode = decoded(params.code);
  if (fromCode !== null && isInviteCode(fromCode)) return fromCode;
  const scene = decoded(params.scene);
  if (scene !== null) {
    const fromScene = codeInScene(scene);
    if (isInviteCode(fromScene)) return fromScene;
  }
  return null;
}
