/**
 * The invites feature (share-to-friend, R1–R6): what the rest of the app may use. Other features
 * import only this file. The landing screen is the body of the main-package page
 * `pages/invite/index` (decision 009); the share page and 我的邀请 are the subpackage
 * `features/invites/pages`, reached by URL.
 */
export { default as InviteLandingScreen } from './screens/landing';
export { MY_INVITES_PAGE, reshareInviteUrl, shareInviteUrl, type ShareTarget } from './routes';
