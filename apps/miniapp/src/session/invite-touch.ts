import { ATTRIBUTION_WINDOW_MS } from '@family/domain';
import {
  loadInviteTouch,
  saveInviteTouch,
  taroStorage,
  type InviteTouch,
  type KeyValueStorage,
} from '../platform/storage';

/**
 * First-touch attribution of share-to-friend on this device (docs/sharing.md): the first active
 * invite landing opened is remembered with its time; another landing within 7 days does not take
 * it over. Sign-in sends the remembered code (`login(…, inviteCode)`), and a quote made while
 * signed in with a remembered touch is reported (`recordInviteQuote`). The BFF keeps its own
 * first touch per account; this one covers what happens before an account exists.
 */

/** Whether a remembered touch still counts at `now` (younger than 7 days). */
export function isTouchFresh(touch: InviteTouch | null, now: number): touch is InviteTouch {
  if (!touch) return false;
  const age = now - touch.at;
  // A touch from the future (the clock was changed) is treated as fresh from now on.
  return age < ATTRIBUTION_WINDOW_MS;
}

/**
 * The touch to keep after a landing of `code` opened at `now`: the remembered one while it is
 * fresh (first touch wins, even for another code), else a new one.
 */
export function nextTouch(current: InviteTouch | null, code: string, now: number): InviteTouch {
  return isTouchFresh(current, now) ? current : { code, at: now };
}

/** The code sign-in should carry: the remembered touch's while it is fresh. */
export function attributedCode(current: InviteTouch | null, now: number): string | null {
  return isTouchFresh(current, now) ? current.code : null;
}

export interface InviteTouchStore {
  /** A landing of an active invite opened: remember it unless a fresh touch is remembered. */
  remember(code: string): void;
  /** The remembered code while it counts, else null. */
  code(): string | null;
}

export function createInviteTouchStore(
  storage: KeyValueStorage = taroStorage,
  clock: () => number = Date.now,
): InviteTouchStore {
  return {
    remember(code) {
      const current = loadInviteTouch(storage);
      const next = nextTouch(current, code, clock());
      if (next !== current) saveInviteTouch(next, storage);
    },
    code: () => attributedCode(loadInviteTouch(storage), clock()),
  };
}

/** The app's first touch, in Taro storage. */
export const inviteTouch: InviteTouchStore = createInviteTouchStore();
