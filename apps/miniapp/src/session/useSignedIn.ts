import { useEffect, useState } from 'react';
import { isSessionUsable, sessionStore, type ObservableSessionStore } from '../platform/storage';

/** Whether a usable session is stored; follows sign-in, refresh and sign-out as they happen. */
export function useSignedIn(store: ObservableSessionStore = sessionStore): boolean {
  const [signedIn, setSignedIn] = useState(() => isSessionUsable(store.load()));
  useEffect(() => {
    const update = (): void => setSignedIn(isSessionUsable(store.load()));
    update();
    return store.subscribe(update);
  }, [store]);
  return signedIn;
}
