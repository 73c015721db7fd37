import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { inviteCodeFrom } from './platform/invite';
import { sessionService } from './session/session';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Mini-programs sign in silently on start (not in WeChat's single-page mode, not on H5). It never
  // blocks: the catalogue is public and the 我的 page follows the session as it changes. Launched
  // on an invite's landing, the sign-in carries its code (attribution of a new account).
  useLaunch((options) => {
    const query = (options as { query?: Record<string, string | undefined> } | undefined)?.query ?? {};
    void sessionService.signInSilently(inviteCodeFrom(query));
  });
  // `children` is the current page.
  return children;
}

export default App;
