import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { sessionService } from './session/session';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Mini-programs sign in silently on start (not in WeChat's single-page mode, not on H5). It never
  // blocks: the catalogue is public and the 我的 page follows the session as it changes.
  useLaunch(() => {
    void sessionService.signInSilently();
  });
  // `children` is the current page.
  return children;
}

export default App;
