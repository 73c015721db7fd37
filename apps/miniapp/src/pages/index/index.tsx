import { HomeScreen } from '../../features/catalogue';

/** Tab 保险超市 (main package, like every tab page): the catalogue's home screen. */
export default function Index() {
  return <HomeScreen />;
}
