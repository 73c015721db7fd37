import { MineScreen } from '../../features/account';

/** Tab 我的 (main package, like every tab page): the account's screen. */
export default function Mine() {
  return <MineScreen />;
}
