import type { Relationship } from '@family/domain';

/**
 * Paths of the family feature's pages; they must match app.config.ts. The family screen is the tab
 * page `pages/family/index` (main package); the others form this feature's subpackage, whose root is
 * `features/family/pages`.
 */

export const FAMILY_PAGE = '/pages/family/index';
export const MEMBER_PAGE = '/features/family/pages/member/index';
export const MEMBER_EDIT_PAGE = '/features/family/pages/member-edit/index';

/** A member's page. */
export function memberPageUrl(memberId: string): string {
  return `${MEMBER_PAGE}?id=${encodeURIComponent(memberId)}`;
}

/** The form adding a member to a household, with a relationship chosen already (本人 in an empty household). */
export function addMemberUrl(householdId: string, relationship: Relationship | null = null): string {
  const chosen = relationship ? `&relationship=${relationship}` : '';
  return `${MEMBER_EDIT_PAGE}?householdId=${encodeURIComponent(householdId)}${chosen}`;
}

/** The form editing a member. */
export function editMemberUrl(memberId: string): string {
  return `${MEMBER_EDIT_PAGE}?id=${encodeURIComponent(memberId)}`;
}
