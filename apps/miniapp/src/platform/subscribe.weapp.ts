import Taro from '@tarojs/taro';
import { describePlatformFailure, PlatformError } from './platform-error';
import { type SubscribeOutcome, templatesForOneDialog, wechatOutcome } from './subscribe-result';

/**
 * WeChat one-time subscription messages: `wx.requestSubscribeMessage({ tmplIds })`, up to 5
 * templates a call, from a tap only (what the neutral `subscribe.ts` says). It is not one of the
 * APIs WeChat's privacy authorisation guards (用户隐私保护指引 lists those handling personal data:
 * phone number, location, album, clipboard…), so no privacy consent is settled before it.
 * Failures: 20004 the person turned off the app's messages in its settings; 20001 / 20002 / 20005
 * template problems (configuration); 10002 / 10003 network.
 */

export type { SubscribeOutcome } from './subscribe-result';

export const SUBSCRIPTION_MESSAGES: boolean = true;

export const TEMPLATES_PER_DIALOG: number = 5;

/** WeChat's answer when the person turned the app's messages off (设置 → 通知管理). */
export const MESSAGES_TURNED_OFF_MESSAGE = '你已关闭小程序的订阅消息，请在右上角“…” → 设置 → 通知管理中打开后重试';

function failureMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as Record<string, unknown>).errCode : undefined;
  if (code === 20004) return MESSAGES_TURNED_OFF_MESSAGE;
  return '暂时无法开启提醒，请稍后重试';
}

/** Opens WeChat's dialog now (call it straight from the tap) and resolves with what was accepted. */
export function requestSubscriptions(templateIds: readonly string[]): Promise<SubscribeOutcome> {
  const asked = templatesForOneDialog(templateIds, TEMPLATES_PER_DIALOG);
  if (asked.length === 0) return Promise.resolve({ accepted: [], declined: [] });
  return new Promise<SubscribeOutcome>((resolve, reject) => {
    // Taro's type asks for Alipay's `entityIds` as well; WeChat takes `tmplIds` alone.
    const option = {
      tmplIds: asked,
      success: (result: Record<string, unknown>) => resolve(wechatOutcome(asked, result)),
      fail: (error: unknown) => reject(new PlatformError(failureMessage(error), describePlatformFailure(error))),
    } as unknown as Taro.requestSubscribeMessage.Option;
    // Taro also answers with a promise, rejected on failure: `fail` has reported it already.
    Promise.resolve(Taro.requestSubscribeMessage(option)).catch(() => undefined);
  });
}
