import {
  HOUSEHOLD_ACTIONS,
  type HouseholdAction,
  type HouseholdRole,
  decideAccess,
  seesPersonalData,
} from './access.js';

const me = 'acc-me';
const other = 'acc-other';
const actor = (role: HouseholdRole | null) => ({ accountId: me, role });
const allowed = (role: HouseholdRole | null, action: HouseholdAction, target = {}) =>
  decideAccess(actor(role), action, target).allowed;

describe('household access rules', () => {
  it('lets nobody outside the household do anything to it', () => {
    for (const action of HOUSEHOLD_ACTIONS) {
      expect(decideAccess(actor(null), action, { createdBy: me })).toEqual({
        allowed: false,
        reason: 'NOT_IN_HOUSEHOLD',
      });
    }
  });

  it('lets the owner do everything but leave their own household or demote themself', () => {
    const refused = HOUSEHOLD_ACTIONS.filter(
      (action) => !allowed('OWNER', action, { createdBy: other, targetAccountId: other }),
    );
    expect(refused).toEqual(['membership.leave']);
    expect(decideAccess(actor('OWNER'), 'membership.changeRole', { targetAccountId: me })).toEqual({
      allowed: false,
      reason: 'OWNER_STAYS',
    });
  });

  it('lets a member read, add, and change only what they added or who they are', () => {
    expect(allowed('MEMBER', 'household.view')).toBe(true);
    expect(allowed('MEMBER', 'member.add')).toBe(true);
    expect(allowed('MEMBER', 'policy.add')).toBe(true);
    for (const action of ['member.edit', 'member.remove', 'policy.edit', 'policy.remove', 'policy.share'] as const) {
      expect(allowed('MEMBER', action, { createdBy: me })).toBe(true);
      expect(decideAccess(actor('MEMBER'), action, { createdBy: other })).toEqual({
        allowed: false,
        reason: 'NOT_YOURS',
      });
    }
    expect(allowed('MEMBER', 'member.edit', { createdBy: other, memberAccountId: me })).toBe(true);
    expect(allowed('MEMBER', 'member.remove', { createdBy: other, memberAccountId: me })).toBe(false);
  });

  it('keeps what only owners do from members', () => {
    for (const action of [
      'member.revealIdNumber',
      'household.rename',
      'household.viewAccessLog',
      'invite.create',
      'invite.revoke',
      'membership.changeRole',
      'membership.remove',
    ] as const) {
      expect(decideAccess(actor('MEMBER'), action, { createdBy: me })).toEqual({
        allowed: false,
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
  });

  it('lets a viewer only read and leave', () => {
    const permitted = HOUSEHOLD_ACTIONS.filter((action) =>
      allowed('VIEWER', action, { createdBy: me, memberAccountId: me }),
    );
    expect(permitted).toEqual(['household.view', 'membership.leave']);
  });

  it('masks personal data for viewers only', () => {
    expect([seesPersonalData('OWNER'), seesPersonalData('MEMBER'), seesPersonalData('VIEWER')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
