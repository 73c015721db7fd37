/**
 * Who may do what to a household and what it holds (F6): the rules, in one place. The BFF's
 * AccessPolicy applies them and answers FORBIDDEN; the client uses them to hide what a role cannot do.
 *
 * - OWNER: everything in the household, including revealing an ID number in full and managing who
 *   belongs; an owner does not leave their own household.
 * - MEMBER: reads everything; adds members and policies; edits and removes what they added, and edits
 *   their own member record; shares the policies they added; may leave.
 * - VIEWER: reads, with personal data masked; may leave.
 * Anyone outside the household may do nothing to it.
 */

export const HOUSEHOLD_ROLES = ['OWNER', 'MEMBER', 'VIEWER'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export const HOUSEHOLD_ACTIONS = [
  'household.view',
  'household.rename',
  'household.viewAccessLog',
  'member.add',
  'member.edit',
  'member.remove',
  'member.revealIdNumber',
  'policy.add',
  'policy.edit',
  'policy.remove',
  'policy.share',
  'invite.create',
  'invite.revoke',
  'membership.changeRole',
  'membership.remove',
  'membership.leave',
] as const;
export type HouseholdAction = (typeof HOUSEHOLD_ACTIONS)[number];

/** The caller and their role in the household concerned (null: not in it). */
export interface HouseholdActor {
  readonly accountId: string;
  readonly role: HouseholdRole | null;
}

/** What the rules need to know about the thing acted on, when it is more than the household. */
export interface AccessTarget {
  /** The account that added the member record, policy or invite. */
  readonly createdBy?: string | null;
  /** For a member record: the account that record is, when the person has one. */
  readonly memberAccountId?: string | null;
  /** For membership actions: the account whose membership changes. */
  readonly targetAccountId?: string | null;
}

export type AccessDenial = 'NOT_IN_HOUSEHOLD' | 'ROLE_NOT_ALLOWED' | 'NOT_YOURS' | 'OWNER_STAYS';

export type AccessDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: AccessDenial };

const ALLOWED: AccessDecision = { allowed: true };
const deny = (reason: AccessDenial): AccessDecision => ({ allowed: false, reason });

/** What each role may do; `own` means only to what the actor added (or, for member.edit, is). */
const RULES: Readonly<Record<HouseholdRole, Readonly<Partial<Record<HouseholdAction, 'any' | 'own'>>>>> = {
  OWNER: {
    'household.view': 'any',
    'household.rename': 'any',
    'household.viewAccessLog': 'any',
    'member.add': 'any',
    'member.edit': 'any',
    'member.remove': 'any',
    'member.revealIdNumber': 'any',
    'policy.add': 'any',
    'policy.edit': 'any',
    'policy.remove': 'any',
    'policy.share': 'any',
    'invite.create': 'any',
    'invite.revoke': 'any',
    'membership.changeRole': 'any',
    'membership.remove': 'any',
  },
  MEMBER: {
    'household.view': 'any',
    'member.add': 'any',
    'member.edit': 'own',
    'member.remove': 'own',
    'policy.add': 'any',
    'policy.edit': 'own',
    'policy.remove': 'own',
    'policy.share': 'own',
    'membership.leave': 'any',
  },
  VIEWER: {
    'household.view': 'any',
    'membership.leave': 'any',
  },
};

export function decideAccess(
  actor: HouseholdActor,
  action: HouseholdAction,
  target: AccessTarget = {},
): AccessDecision {
  if (actor.role === null) return deny('NOT_IN_HOUSEHOLD');
  const scope = RULES[actor.role][action];
  if (action === 'membership.leave' && actor.role === 'OWNER') return deny('OWNER_STAYS');
  if (!scope) return deny('ROLE_NOT_ALLOWED');
  // Nobody changes their own role or removes themself this way (leaving is its own action).
  if (
    (action === 'membership.changeRole' || action === 'membership.remove') &&
    target.targetAccountId === actor.accountId
  )
    return deny('OWNER_STAYS');
  if (scope === 'own') {
    const added = target.createdBy === actor.accountId;
    const isThemself = action === 'member.edit' && target.memberAccountId === actor.accountId;
    if (!added && !isThemself) return deny('NOT_YOURS');
  }
  return ALLOWED;
}

/** Whether a role sees members' personal data (names, birth dates) unmasked; ID numbers are always masked. */
export function seesPersonalData(role: HouseholdRole): boolean {
  return role !== 'VIEWER';
}
