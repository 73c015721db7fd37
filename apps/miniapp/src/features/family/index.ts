/**
 * The family feature (我家, F1): what the rest of the app may use. Other features import only this
 * file, never the feature's folders. Its pages (`pages/`: member, member-edit) are the subpackage
 * `features/family/pages` declared in app.config.ts and are reached by URL.
 */
export { default as FamilyScreen } from './screens/family';
