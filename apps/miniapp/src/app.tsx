import type { PropsWithChildren } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // `children` is the current page; app-wide providers (e.g. a future session) wrap it here.
  return children;
}

export default App;
