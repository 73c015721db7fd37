import {
  createSessionStore,
  isSessionUsable,
  loadPrivacyConsent,
  PRIVACY_CONSENT_STORAGE_KEY,
  savePrivacyConsent,
  SESSION_STORAGE_KEY,
  type SessionTokens,
} from '../storage';
import { memoryStorage } from './memory-storage';

const session: SessionTokens = {
  accessToken: 'a',
  accessTokenExpiresAt: '2025-01-01T00:15:00.000Z',
  refreshToken: 'r',
  refreshTokenExpiresAt: '2025-01-31T00:00:00.000Z',
};

describe('session store', () => {
  it('saves, loads and clears the tokens as JSON, telling subscribers', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    const changes = jest.fn();
    const unsubscribe = store.subscribe(changes);
    expect(store.load()).toBeNull();

    store.save({ ...session, account: { id: 'x' } } as SessionTokens);
    expect(JSON.parse(String(storage.data[SESSION_STORAGE_KEY]))).toEqual(session);
    expect(store.load()).toEqual(session);
    // A second store over the same storage (the page after a reload) sees it too.
    expect(createSessionStore(storage).load()).toEqual(session);

    store.clear();
    expect(store.load()).toBeNull();
    expect(storage.data).toEqual({});
    expect(changes).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.save(session);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('ignores broken or incomplete stored values', () => {
    for (const value of ['', 'not json', '[]', JSON.stringify({ ...session, refreshToken: '' }), 42, null]) {
      expect(createSessionStore(memoryStorage({ [SESSION_STORAGE_KEY]: value })).load()).toBeNull();
    }
    // Alipay storage may hand back the object itself.
    expect(createSessionStore(memoryStorage({ [SESSION_STORAGE_KEY]: session })).load()).toEqual(session);
  });

  it('calls a session usable until its refresh token expires', () => {
    const expiry = Date.parse(session.refreshTokenExpiresAt);
    expect(isSessionUsable(session, expiry - 1)).toBe(true);
    expect(isSessionUsable(session, expiry)).toBe(false);
    expect(isSessionUsable({ ...session, refreshTokenExpiresAt: 'soon' }, 0)).toBe(false);
    expect(isSessionUsable(null)).toBe(false);
  });
});

describe('privacy consent flag', () => {
  it('remembers the version agreed and when', () => {
    const storage = memoryStorage();
    expect(loadPrivacyConsent(storage)).toBeNull();
    const saved = savePrivacyConsent('2025-01', storage, new Date('2025-03-01T08:00:00.000Z'));
    expect(saved).toEqual({ version: '2025-01', agreedAt: '2025-03-01T08:00:00.000Z' });
    expect(loadPrivacyConsent(storage)).toEqual(saved);
    expect(loadPrivacyConsent(memoryStorage({ [PRIVACY_CONSENT_STORAGE_KEY]: '{"version":""}' }))).toBeNull();
  });
});
