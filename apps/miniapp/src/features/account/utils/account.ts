import type { Platform } from '../../../graphql/generated/graphql';

/** How the 我的 page names and shows account facts. */

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  WECHAT: '微信',
  ALIPAY: '支付宝',
  H5: '手机号',
};

/** Order of the linked platforms on the page. */
export const PLATFORM_ORDER: readonly Platform[] = ['WECHAT', 'ALIPAY', 'H5'];

/** The first characters of an account id, enough to tell accounts apart on the phone with support. */
export function shortAccountId(id: string, length = 8): string {
  const compact = id.replace(/-/g, '');
  return compact.length > length ? `${compact.slice(0, length)}…` : compact;
}
