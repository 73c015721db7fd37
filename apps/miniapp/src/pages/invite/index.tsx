import { InviteLandingScreen } from '../../features/invites';

/**
 * The landing of every shared invite (`?code=`), in the main package (decision 009): the first page
 * a friend opens, often from WeChat Moments' single-page mode. Renders the invites feature's screen.
 */
export default function Invite() {
  return <InviteLandingScreen />;
}
