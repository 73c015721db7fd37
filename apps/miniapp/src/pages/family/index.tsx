import { FamilyScreen } from '../../features/family';

/** Tab 我家 (main package, like every tab page): the family feature's screen. */
export default function Family() {
  return <FamilyScreen />;
}
