import Taro from '@tarojs/taro';

/**
 * What the app keeps on the device about who is signed in: the session tokens and the local
 * privacy-consent flag. One module on every platform: Taro's synchronous storage is WeChat/Alipay
 * storage in the mini-programs and `localStorage` on H5.
 */

export const SESSION_STORAGE_KEY = 'family:session';
export const PRIVACY_CONSENT_STORAGE_KEY = 'family:privacy-consent';

/** Key-value storage; Taro's by default, a map in tests. Values are JSON strings. */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export const taroStorage: KeyValueStorage = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key) as unknown;
    } catch {
      return undefined;
    }
  },
  set: (key, value) => {
    try {
      Taro.setStorageSync(key, value);
    } catch (error) {
      // Storage full or unavailable (private mode): the app still works, only without memory.
      console.warn('storage: could not save', key, error);
    }
  },
  remove: (key) => {
    try {
      Taro.removeStorageSync(key);
    } catch (error) {
      console.warn('storage: could not remove', key, error);
    }
  },
};

function readJson(storage: KeyValueStorage, key: string): Record<string, unknown> | null {
  let raw = storage.get(key);
  if (typeof raw === 'string') {
    if (raw === '') return null;
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
}

// ---------------------------------------------------------------------------------------------
// Session tokens

/** The tokens of a signed-in session, as `login` / `refreshSession` return them. */
export interface SessionTokens {
  accessToken: string;
  /** ISO 8601 */
  accessTokenExpiresAt: string;
  /** Single use: each refresh returns a new one. */
  refreshToken: string;
  /** ISO 8601 */
  refreshTokenExpiresAt: string;
}

/** Where the GraphQL client finds and keeps the session. */
export interface SessionStore {
  load(): SessionTokens | null;
  save(tokens: SessionTokens): void;
  clear(): void;
}

export interface ObservableSessionStore extends SessionStore {
  /** Called after every save and clear; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A stored value as session tokens, or null when anything is missing. */
export function parseSessionTokens(value: Record<string, unknown> | null): SessionTokens | null {
  if (!value) return null;
  const { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt } = value;
  if (
    typeof accessToken !== 'string' ||
    accessToken === '' ||
    typeof refreshToken !== 'string' ||
    refreshToken === '' ||
    typeof accessTokenExpiresAt !== 'string' ||
    typeof refreshTokenExpiresAt !== 'string'
  ) {
    return null;
  }
  return { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt };
}

/**
 * Whether the session can still be used: its refresh token has not expired (an expired access
 * token is renewed by the client on the first request that needs it).
 */
export function isSessionUsable(tokens: SessionTokens | null, now: number = Date.now()): tokens is SessionTokens {
  if (!tokens) return false;
  const expiresAt = Date.parse(tokens.refreshTokenExpiresAt);
  return Number.isFinite(expiresAt) && expiresAt > now;
}

export function createSessionStore(storage: KeyValueStorage = taroStorage): ObservableSessionStore {
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  return {
    load: () => parseSessionTokens(readJson(storage, SESSION_STORAGE_KEY)),
    save(tokens) {
      const { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt } = tokens;
      storage.set(
        SESSION_STORAGE_KEY,
        JSON.stringify({ accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt }),
      );
      notify();
    },
    clear() {
      storage.remove(SESSION_STORAGE_KEY);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's session, in Taro storage. */
export const sessionStore = createSessionStore();

// ---------------------------------------------------------------------------------------------
// Privacy consent, as agreed on this device (asked before any privacy-related API or input)

export interface LocalPrivacyConsent {
  version: string;
  /** ISO 8601 */
  agreedAt: string;
}

export function loadPrivacyConsent(storage: KeyValueStorage = taroStorage): LocalPrivacyConsent | null {
  const value = readJson(storage, PRIVACY_CONSENT_STORAGE_KEY);
  if (!value || typeof value.version !== 'string' || value.version === '' || typeof value.agreedAt !== 'string') {
    return null;
  }
  return { version: value.version, agreedAt: value.agreedAt };
}

export function savePrivacyConsent(
  version: string,
  storage: KeyValueStorage = taroStorage,
  now: Date = new Date(),
): LocalPrivacyConsent {
  const consent = { version, agreedAt: now.toISOString() };
  storage.set(PRIVACY_CONSENT_STORAGE_KEY, JSON.stringify(consent));
  return consent;
}

// ---------------------------------------------------------------------------------------------
// First touch of an invite (share-to-friend attribution): the code of the first active invite
// landing opened on this device, and when. The rules (7 days, first wins) are in
// src/session/invite-touch.ts.

export const INVITE_TOUCH_STORAGE_KEY = 'family:invite-touch';

export interface InviteTouch {
  code: string;
  /** When the landing was opened, ms since the epoch. */
  at: number;
}

export function loadInviteTouch(storage: KeyValueStorage = taroStorage): InviteTouch | null {
  const value = readJson(storage, INVITE_TOUCH_STORAGE_KEY);
  if (!value || typeof value.code !== 'string' || value.code === '') return null;
  if (typeof value.at !== 'number' || !Number.isFinite(value.at)) return null;
  return { code: value.code, at: value.at };
}

export function saveInviteTouch(touch: InviteTouch, storage: KeyValueStorage = taroStorage): void {
  storage.set(INVITE_TOUCH_STORAGE_KEY, JSON.stringify({ code: touch.code, at: touch.at }));
}
