import { INVITE_PAGE, invitePath } from '../../platform/invite';

/**
 * Paths of the invites feature's pages; they must match app.config.ts. The landing
 * (`pages/invite/index`) is in the main package (decision 009: it is the first page a friend
 * opens); the sharer's pages form this feature's subpackage, whose root is `features/invites/pages`.
 */

export const LANDING_PAGE = INVITE_PAGE;
export const SHARE_PAGE = '/features/invites/pages/share/index';
export const MY_INVITES_PAGE = '/features/invites/pages/invites/index';

/** Tab pages this feature leads to (app.config.ts): 保险超市, 我家. */
export const HOME_TAB_PAGE = '/pages/index/index';
export const FAMILY_TAB_PAGE = '/pages/family/index';

export { invitePath };

/** What a new invite shares: a product card, a family invite, a policy summary. */
export type ShareTarget =
  | { kind: 'PRODUCT'; productId: string }
  | { kind: 'FAMILY_JOIN'; householdId: string }
  | { kind: 'POLICY_SUMMARY'; policyId: string };

/** What the share page was opened for: a new invite, an existing one (我的邀请), or a landing (Moments). */
export type ShareRequest = ShareTarget | { kind: 'EXISTING'; inviteId: string } | { kind: 'LANDING'; code: string };

/** The share page making a new invite. */
export function shareInviteUrl(target: ShareTarget): string {
  switch (target.kind) {
    case 'PRODUCT':
      return `${SHARE_PAGE}?kind=PRODUCT&productId=${encodeURIComponent(target.productId)}`;
    case 'FAMILY_JOIN':
      return `${SHARE_PAGE}?kind=FAMILY_JOIN&householdId=${encodeURIComponent(target.householdId)}`;
    case 'POLICY_SUMMARY':
      return `${SHARE_PAGE}?kind=POLICY_SUMMARY&policyId=${encodeURIComponent(target.policyId)}`;
  }
}

/** The share page of an existing invite (再次分享 from 我的邀请). */
export function reshareInviteUrl(inviteId: string): string {
  return `${SHARE_PAGE}?inviteId=${encodeURIComponent(inviteId)}`;
}

/**
 * The share page's request from its (decoded) parameters, or null when they make no sense. A code
 * (`?code=`) means the page was opened from WeChat Moments, which opens the page a product card was
 * shared from with the card's query: it shows the landing.
 */
export function shareRequestOf(params: Record<string, string>, code: string | null): ShareRequest | null {
  if (params.inviteId) return { kind: 'EXISTING', inviteId: params.inviteId };
  if (params.kind === 'PRODUCT' && params.productId) return { kind: 'PRODUCT', productId: params.productId };
  if (params.kind === 'FAMILY_JOIN' && params.householdId)
    return { kind: 'FAMILY_JOIN', householdId: params.householdId };
  if (params.kind === 'POLICY_SUMMARY' && params.policyId) return { kind: 'POLICY_SUMMARY', policyId: params.policyId };
  if (code) return { kind: 'LANDING', code };
  return null;
}
