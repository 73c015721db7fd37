import type { Relationship } from '@family/domain';

/**
 * Paths of the family feature's pages; they must match app.config.ts. The family screen is the tab
 * page `pages/family/index` (main package); the others form this feature's subpackage, whose root is
 * `features/family/pages`.
 */

export const FAMILY_PAGE = '/pages/family/index';
export const MEMBER_PAGE = '/features/family/pages/member/index';
export const MEMBER_EDIT_PAGE = '/features/family/pages/member-edit/index';
export const POLICY_PAGE = '/features/family/pages/policy/index';
export const POLICY_EDIT_PAGE = '/features/family/pages/policy-edit/index';
export const OVERVIEW_PAGE = '/features/family/pages/overview/index';
export const GAPS_PAGE = '/features/family/pages/gaps/index';
export const ACCESS_LOG_PAGE = '/features/family/pages/access-log/index';

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

/** A policy's page. */
export function policyPageUrl(policyId: string): string {
  return `${POLICY_PAGE}?id=${encodeURIComponent(policyId)}`;
}

/** The form adding a policy to a household, optionally for a member chosen already. */
export function addPolicyUrl(householdId: string, insuredMemberId: string | null = null): string {
  const insured = insuredMemberId ? `&insuredMemberId=${encodeURIComponent(insuredMemberId)}` : '';
  return `${POLICY_EDIT_PAGE}?householdId=${encodeURIComponent(householdId)}${insured}`;
}

/** The form editing a policy. */
export function editPolicyUrl(policyId: string): string {
  return `${POLICY_EDIT_PAGE}?id=${encodeURIComponent(policyId)}`;
}

/** A household's overview (家庭保障总览). */
export function overviewUrl(householdId: string): string {
  return `${OVERVIEW_PAGE}?householdId=${encodeURIComponent(householdId)}`;
}

/** A household's coverage gaps (保障缺口). */
export function gapsUrl(householdId: string): string {
  return `${GAPS_PAGE}?householdId=${encodeURIComponent(householdId)}`;
}

/** A household's access log (谁看过我家), for its owner. */
export function accessLogUrl(householdId: string): string {
  return `${ACCESS_LOG_PAGE}?householdId=${encodeURIComponent(householdId)}`;
}
