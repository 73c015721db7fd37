import { reshareInviteUrl, shareInviteUrl, shareRequestOf } from '../routes';

describe('invites page URLs', () => {
  it('opens the share page for each kind and for an existing invite', () => {
    expect(shareInviteUrl({ kind: 'PRODUCT', productId: 'kangning:KN 1' })).toBe(
      '/features/invites/pages/share/index?kind=PRODUCT&productId=kangning%3AKN%201',
    );
    expect(shareInviteUrl({ kind: 'FAMILY_JOIN', householdId: 'h1' })).toBe(
      '/features/invites/pages/share/index?kind=FAMILY_JOIN&householdId=h1',
    );
    expect(shareInviteUrl({ kind: 'POLICY_SUMMARY', policyId: 'p1' })).toBe(
      '/features/invites/pages/share/index?kind=POLICY_SUMMARY&policyId=p1',
    );
    expect(reshareInviteUrl('i 1')).toBe('/features/invites/pages/share/index?inviteId=i%201');
  });

  it('reads the share page parameters back', () => {
    expect(shareRequestOf({ kind: 'FAMILY_JOIN', householdId: 'h1' }, null)).toEqual({
      kind: 'FAMILY_JOIN',
      householdId: 'h1',
    });
    expect(shareRequestOf({ inviteId: 'i1' }, null)).toEqual({ kind: 'EXISTING', inviteId: 'i1' });
    expect(shareRequestOf({ code: 'x' }, 'AbCdEfGhIjKlMnOpQrStUv')).toEqual({
      kind: 'LANDING',
      code: 'AbCdEfGhIjKlMnOpQrStUv',
    });
    expect(shareRequestOf({ kind: 'PRODUCT' }, null)).toBeNull();
  });
});
