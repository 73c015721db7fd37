/**
 * Masks personal data for display to anyone but its owner (and in the owner's own lists, where the
 * full value is not needed). Pure string rules, the same in the BFF and the mini-program.
 */

/** Mainland mobile numbers: 13812345678 → 138****5678. Anything else is masked as an identifier. */
export function maskPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : maskIdentifier(phone);
}

/** Opaque ids (openid, Alipay user id, policy numbers): the first 4 and last 4 characters, or fewer. */
export function maskIdentifier(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  const keep = value.length >= 12 ? 4 : Math.floor(value.length / 4);
  return `${value.slice(0, keep)}****${keep > 0 ? value.slice(-keep) : ''}`;
}

/** Chinese names: 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Resident ID numbers (18 characters): 110101199003071234 → 1101**********1234. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length === 18
    ? `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(14)}`
    : maskIdentifier(idNumber);
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

const PLATFORM_USER_LABELS: Readonly<Record<string, string>> = {
  WECHAT: '微信用户',
  ALIPAY: '支付宝用户',
  H5: '手机用户',
};

/**
 * How a person appears to others (a sharer on a landing, a friend on a dashboard, a member of a
 * family): their masked name when they keep a 本人 record, else their masked platform identity.
 */
export function personLabel(parts: {
  readonly nameMasked: string | null;
  readonly identityMasked: string | null;
  readonly platform: string | null;
}): string {
  if (parts.nameMasked) return parts.nameMasked;
  const platform = (parts.platform && PLATFORM_USER_LABELS[parts.platform]) || '用户';
  if (!parts.identityMasked) return platform;
  return parts.platform === 'H5' ? parts.identityMasked : `${platform} ${parts.identityMasked}`;
}
