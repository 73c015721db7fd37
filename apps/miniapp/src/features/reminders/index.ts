/**
 * The reminders feature (F5, the client side): what the rest of the app may use. Other features
 * import only this file. No pages of its own: its parts sit in 我的 (the switch and the templates),
 * after adding a policy and in the family overview (the “开启提醒” prompt), and on a policy's page
 * (that policy's switch). Subscribing goes through `platform/subscribe` from a tap.
 */
export { default as RemindersSection } from './components/reminders-section';
export { default as ReminderPrompt, type ReminderPromptProps } from './components/reminder-prompt';
export { default as PolicyReminderSwitch } from './components/policy-reminder-switch';
export { daysUntilText, upcomingStatus } from './utils/reminders';
