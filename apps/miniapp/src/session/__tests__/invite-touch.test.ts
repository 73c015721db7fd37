import { memoryStorage } from '../../platform/__tests__/memory-storage';
import { INVITE_TOUCH_STORAGE_KEY, loadInviteTouch } from '../../platform/storage';
import { attributedCode, createInviteTouchStore, isTouchFresh, nextTouch } from '../invite-touch';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2025-03-01T08:00:00Z');

describe('first-touch rules', () => {
  it('keeps a touch for just under 7 days', () => {
    const touch = { code: 'AAAAAAAAAAAAAAAAAAAAAA', at: T0 };
    expect(isTouchFresh(touch, T0)).toBe(true);
    expect(isTouchFresh(touch, T0 + 7 * DAY - 1)).toBe(true);
    expect(isTouchFresh(touch, T0 + 7 * DAY)).toBe(false);
    expect(isTouchFresh(null, T0)).toBe(false);
  });

  it('lets the first touch win within the window, and a new one after it', () => {
    const first = { code: 'first0', at: T0 };
    expect(nextTouch(null, 'first0', T0)).toEqual(first);
    expect(nextTouch(first, 'second', T0 + 6 * DAY)).toBe(first);
    expect(nextTouch(first, 'second', T0 + 7 * DAY)).toEqual({ code: 'second', at: T0 + 7 * DAY });
  });

  it('gives sign-in the code only while it is fresh', () => {
    const touch = { code: 'first0', at: T0 };
    expect(attributedCode(touch, T0 + DAY)).toBe('first0');
    expect(attributedCode(touch, T0 + 8 * DAY)).toBeNull();
    expect(attributedCode(null, T0)).toBeNull();
  });
});

describe('the stored first touch', () => {
  it('remembers the first landing, ignores later ones for 7 days, then takes a new one', () => {
    const storage = memoryStorage();
    let now = T0;
    const store = createInviteTouchStore(storage, () => now);
    expect(store.code()).toBeNull();

    store.remember('first0');
    expect(loadInviteTouch(storage)).toEqual({ code: 'first0', at: T0 });

    now = T0 + 3 * DAY;
    store.remember('second');
    expect(store.code()).toBe('first0');
    expect(loadInviteTouch(storage)).toEqual({ code: 'first0', at: T0 });

    now = T0 + 7 * DAY;
    expect(store.code()).toBeNull();
    store.remember('second');
    expect(store.code()).toBe('second');
    expect(loadInviteTouch(storage)).toEqual({ code: 'second', at: T0 + 7 * DAY });
  });

  it('ignores what it cannot read', () => {
    const now = T0;
    for (const stored of ['not json', JSON.stringify({ code: '', at: T0 }), JSON.stringify({ code: 'abc' }), 42]) {
      const storage = memoryStorage({ [INVITE_TOUCH_STORAGE_KEY]: stored });
      const store = createInviteTouchStore(storage, () => now);
      expect(store.code()).toBeNull();
      store.remember('fresh1');
      expect(store.code()).toBe('fresh1');
    }
  });
});
