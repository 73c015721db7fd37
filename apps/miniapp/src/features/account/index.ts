/**
 * The account feature (我的, P1): what the rest of the app may use. Other features import only this
 * file, never the feature's folders. Signing in and out is the shared session service (src/session).
 */
export { default as MineScreen } from './screens/mine';
/**
 * The way to sign in on this platform (phone form on H5, 一键登录 on a mini-program, nothing in
 * WeChat's Moments single-page mode), for pages that ask a signed-out person to sign in. The page
 * mounts `usePrivacyConsent()` and its `PrivacySheet`, and passes `ensureConsent`.
 */
export { default as SignIn, type SignInProps } from './components/sign-in';
