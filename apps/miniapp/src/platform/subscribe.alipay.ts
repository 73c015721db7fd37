import { describePlatformFailure, PlatformError } from './platform-error';
import { type SubscribeOutcome, alipayOutcome, templatesForOneDialog } from './subscribe-result';

/**
 * Alipay one-time subscription messages: `my.requestSubscribeMessage({ entityIds })`, up to 3
 * templates a call, from a tap only (what the neutral `subscribe.ts` says). Alipay asks no privacy
 * authorisation of its own for it.
 * https://opendocs.alipay.com/mini/api/requestSubscribeMessage
 */

export type { SubscribeOutcome } from './subscribe-result';

/** The part of Alipay's global `my` used here. */
interface AlipaySubscribeApi {
  requestSubscribeMessage?: (options: {
    entityIds: string[];
    success?: (result: Record<string, unknown>) => void;
    fail?: (error: { error?: number; errorMessage?: string }) => void;
  }) => void;
}

declare const my: AlipaySubscribeApi;

export const SUBSCRIPTION_MESSAGES: boolean = true;

export const TEMPLATES_PER_DIALOG: number = 3;

/** Opens Alipay's dialog now (call it straight from the tap) and resolves with what was accepted. */
export function requestSubscriptions(templateIds: readonly string[]): Promise<SubscribeOutcome> {
  const asked = templatesForOneDialog(templateIds, TEMPLATES_PER_DIALOG);
  if (asked.length === 0) return Promise.resolve({ accepted: [], declined: [] });
  return new Promise<SubscribeOutcome>((resolve, reject) => {
    if (typeof my === 'undefined' || typeof my.requestSubscribeMessage !== 'function') {
      reject(new PlatformError('当前支付宝版本不支持订阅消息，请升级后重试'));
      return;
    }
    my.requestSubscribeMessage({
      entityIds: asked,
      success: (result) => resolve(alipayOutcome(asked, result)),
      fail: (error) => reject(new PlatformError('暂时无法开启提醒，请稍后重试', describePlatformFailure(error))),
    });
  });
}
