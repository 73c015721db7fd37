import { INVITE_PAGE, inviteCodeFrom, invitePath, inviteQuery, isInviteCode } from '../invite';

describe('invite paths', () => {
  it('puts the code in the landing page query', () => {
    expect(INVITE_PAGE).toBe('/pages/invite/index');
    expect(invitePath('Ab3_x-9Z')).toBe('/pages/invite/index?code=Ab3_x-9Z');
    expect(inviteQuery('Ab3_x-9Z')).toBe('code=Ab3_x-9Z');
  });

  it('encodes whatever it is given', () => {
    expect(inviteQuery('a b&c=d')).toBe('code=a%20b%26c%3Dd');
    expect(invitePath('邀请')).toBe('/pages/invite/index?code=%E9%82%80%E8%AF%B7');
  });

  it('round-trips through inviteCodeFrom', () => {
    const code = 'fam_2025-AbCdEf';
    const query = new URLSearchParams(invitePath(code).split('?')[1]);
    expect(inviteCodeFrom({ code: query.get('code') ?? undefined })).toBe(code);
    expect(inviteCodeFrom({ code: inviteQuery(code).slice('code='.length) })).toBe(code);
  });
});

describe('inviteCodeFrom', () => {
  it('reads a shared card, Moments, an Alipay QR code or an H5 link (`code`)', () => {
    expect(inviteCodeFrom({ code: 'abc123' })).toBe('abc123');
    expect(inviteCodeFrom({ code: 'A'.repeat(32) })).toBe('A'.repeat(32));
    // Still encoded by a platform that does not decode the query.
    expect(inviteCodeFrom({ code: 'abc%2D123' })).toBe('abc-123');
  });

  it('reads a WeChat mini-program code (`scene`, URL-encoded)', () => {
    expect(inviteCodeFrom({ scene: 'Xy_9-AbC' })).toBe('Xy_9-AbC');
    expect(inviteCodeFrom({ scene: encodeURIComponent('Xy_9-AbC') })).toBe('Xy_9-AbC');
    // A scene written as a query string.
    expect(inviteCodeFrom({ scene: encodeURIComponent('code=Xy_9-AbC') })).toBe('Xy_9-AbC');
    expect(inviteCodeFrom({ scene: 'from=poster&code=Xy_9-AbC' })).toBe('Xy_9-AbC');
    expect(inviteCodeFrom({ scene: 'from=poster' })).toBeNull();
  });

  it('prefers `code`, and falls back to `scene` when `code` is not a code', () => {
    expect(inviteCodeFrom({ code: 'fromCard', scene: 'fromScene' })).toBe('fromCard');
    expect(inviteCodeFrom({ code: 'bad!', scene: 'fromScene' })).toBe('fromScene');
  });

  it('refuses anything outside the code alphabet or length', () => {
    const refused = [
      'abc12', // 5: too short
      'A'.repeat(33), // too long
      'abc 123',
      'abc.123',
      'abc/123',
      '邀请码邀请码',
      'abc123%',
      '%E4%B8', // malformed escape
      '<script>',
      'abc123\n',
      '',
    ];
    for (const code of refused) {
      expect({ code, result: inviteCodeFrom({ code }) }).toEqual({ code, result: null });
      expect({ scene: code, result: inviteCodeFrom({ scene: code }) }).toEqual({ scene: code, result: null });
    }
    expect(inviteCodeFrom({})).toBeNull();
    expect(inviteCodeFrom({ code: undefined, scene: undefined, id: 'abcdef' })).toBeNull();
  });

  it('does not trim: spaces are not in the alphabet', () => {
    expect(inviteCodeFrom({ scene: '%20abcdef%20' })).toBeNull();
  });

  it('knows the alphabet', () => {
    expect(isInviteCode('aZ09-_')).toBe(true);
    expect(isInviteCode('aZ09-')).toBe(false);
  });
});
