/**
 * The account feature (我的, P1): what the rest of the app may use. Other features import only this
 * file, never the feature's folders. Signing in and out is the shared session service (src/session).
 */
export { default as MineScreen } from './screens/mine';
