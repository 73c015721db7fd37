import { groupIdNumber, initialRevealState, revealReducer, REVEAL_SECONDS, secondsUntilHidden } from '../reveal';

describe('revealing an ID number', () => {
  const now = 1_000_000;

  it('shows the number for 30 seconds once the BFF answers', () => {
    const requested = revealReducer(initialRevealState, { type: 'request' });
    expect(requested).toEqual({ status: 'revealing' });
    const shown = revealReducer(requested, { type: 'revealed', idNumber: '110101199003071234', now });
    expect(shown).toEqual({ status: 'shown', idNumber: '110101199003071234', hidesAt: now + 30_000 });
    expect(REVEAL_SECONDS).toBe(30);
    expect(secondsUntilHidden(shown, now)).toBe(30);
    expect(secondsUntilHidden(shown, now + 29_001)).toBe(1);
    expect(secondsUntilHidden(shown, now + 30_000)).toBe(0);
    expect(revealReducer(shown, { type: 'hide' })).toEqual(initialRevealState);
  });

  it('keeps the error when the BFF refuses, and clears it on the next try', () => {
    const failed = revealReducer(revealReducer(initialRevealState, { type: 'request' }), {
      type: 'failed',
      message: '查看完整证件号码过于频繁，请 60 分钟后再试',
    });
    expect(failed).toEqual({ status: 'hidden', error: '查看完整证件号码过于频繁，请 60 分钟后再试' });
    expect(secondsUntilHidden(failed, now)).toBe(0);
    expect(revealReducer(failed, { type: 'request' })).toEqual({ status: 'revealing' });
  });

  it('ignores answers nobody is waiting for', () => {
    // Hidden (e.g. the page was left) before the answer came: it is not shown.
    expect(revealReducer(initialRevealState, { type: 'revealed', idNumber: 'x', now })).toEqual(initialRevealState);
    expect(revealReducer(initialRevealState, { type: 'failed', message: 'x' })).toEqual(initialRevealState);
    const shown = revealReducer({ status: 'revealing' }, { type: 'revealed', idNumber: 'x', now });
    expect(revealReducer(shown, { type: 'request' })).toBe(shown);
  });

  it('groups a resident ID number into its parts', () => {
    expect(groupIdNumber('110101199003071234', 'RESIDENT_ID')).toBe('110101 19900307 1234');
    expect(groupIdNumber('E12345678', 'PASSPORT')).toBe('E12345678');
    expect(groupIdNumber('12345', 'RESIDENT_ID')).toBe('12345');
  });
});
