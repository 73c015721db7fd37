/**
 * Showing an ID number in full (owner only): asked for explicitly, recorded by the BFF, then shown
 * for `REVEAL_SECONDS` and hidden again. Times are epoch milliseconds passed in, so the rules are
 * tested without a clock.
 */

export const REVEAL_SECONDS = 30;

export type RevealState =
  | { status: 'hidden'; error: string | null }
  | { status: 'revealing' }
  | { status: 'shown'; idNumber: string; hidesAt: number };

export type RevealAction =
  | { type: 'request' }
  | { type: 'revealed'; idNumber: string; now: number }
  | { type: 'failed'; message: string }
  | { type: 'hide' };

export const initialRevealState: RevealState = { status: 'hidden', error: null };

export function revealReducer(state: RevealState, action: RevealAction): RevealState {
  switch (action.type) {
    case 'request':
      return state.status === 'hidden' ? { status: 'revealing' } : state;
    case 'revealed':
      return state.status === 'revealing'
        ? { status: 'shown', idNumber: action.idNumber, hidesAt: action.now + REVEAL_SECONDS * 1000 }
        : state;
    case 'failed':
      return state.status === 'revealing' ? { status: 'hidden', error: action.message } : state;
    case 'hide':
      return initialRevealState;
  }
}

/** Whole seconds until the number hides again (0 once it should be hidden). */
export function secondsUntilHidden(state: RevealState, now: number): number {
  if (state.status !== 'shown') return 0;
  return Math.max(0, Math.ceil((state.hidesAt - now) / 1000));
}

/**
 * A resident ID number in its three parts (region, birth date, sequence and check character), easier
 * to read out and copy by hand: 110101199003071234 → 110101 19900307 1234. Other numbers as they are.
 */
export function groupIdNumber(idNumber: string, idType: string): string {
  return idType === 'RESIDENT_ID' && idNumber.length === 18
    ? `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14)}`
    : idNumber;
}
