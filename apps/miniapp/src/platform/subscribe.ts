import type { SubscribeOutcome } from './subscribe-result';

/**
 * One-time subscription messages (reminders, F5). Taro builds `subscribe.weapp.ts` or
 * `subscribe.alipay.ts` in place of this file; this one is H5 (and what TypeScript checks against):
 * a browser has no subscription messages, so reminders come by SMS to the account's bound phone.
 *
 * Every variant exports the same names:
 * - `SUBSCRIPTION_MESSAGES`: whether the platform has them (false on H5);
 * - `TEMPLATES_PER_DIALOG`: how many templates one dialog may ask for (WeChat 5, Alipay 3, H5 0);
 * - `requestSubscriptions(templateIds)`: opens the platform's dialog for at most that many
 *   templates and resolves with what the person accepted. It must be called synchronously from a
 *   tap handler (the platforms refuse the dialog otherwise), so the page fetches the templates
 *   (`reminderTemplates`) before the tap, and awaits nothing before calling it.
 */

export type { SubscribeOutcome } from './subscribe-result';

export const SUBSCRIPTION_MESSAGES: boolean = false;

export const TEMPLATES_PER_DIALOG: number = 0;

/** Nothing to ask on H5. */
export function requestSubscriptions(_templateIds: readonly string[]): Promise<SubscribeOutcome> {
  return Promise.resolve({ accepted: [], declined: [] });
}
