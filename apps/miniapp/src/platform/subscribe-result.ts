/**
 * Reading the platforms' subscription dialogs (pure, shared by every `subscribe.*` variant and
 * tested without a platform).
 */

/** What the person answered in one dialog: the template ids to send to `recordReminderConsent`. */
export interface SubscribeOutcome {
  readonly accepted: readonly string[];
  /** Asked but not accepted (refused, banned, filtered, or the dialog was closed). */
  readonly declined: readonly string[];
}

/**
 * The templates one dialog asks for: at most `limit`, each once, in the order given (the most
 * useful first). A dialog must open straight from the tap, so there is no second call for the rest.
 */
export function templatesForOneDialog(templateIds: readonly string[], limit: number): string[] {
  return [...new Set(templateIds)].slice(0, Math.max(0, limit));
}

/**
 * WeChat: `wx.requestSubscribeMessage` succeeds with `{ errMsg, [tmplId]: 'accept' | 'reject' | 'ban'
 * | 'filter' }`; only 'accept' grants a message.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export function wechatOutcome(asked: readonly string[], result: Record<string, unknown>): SubscribeOutcome {
  const accepted = asked.filter((id) => result[id] === 'accept');
  return { accepted, declined: asked.filter((id) => !accepted.includes(id)) };
}

/**
 * Alipay: `my.requestSubscribeMessage` succeeds with `{ behavior: 'subscribe' | 'cancel', keep,
 * refuse, result: { subscribeEntityIds, unsubscribeEntityIds, … } }`, and newer clients also put
 * `[entityId]: 'accept' | 'reject'` on the result like WeChat. Either says which were accepted; a
 * cancelled dialog accepts nothing.
 * https://opendocs.alipay.com/mini/api/requestSubscribeMessage
 */
export function alipayOutcome(asked: readonly string[], result: Record<string, unknown>): SubscribeOutcome {
  const inner =
    typeof result.result === 'object' && result.result !== null ? (result.result as Record<string, unknown>) : {};
  const listed = Array.isArray(inner.subscribeEntityIds) ? (inner.subscribeEntityIds as unknown[]) : null;
  const accepted =
    result.behavior === 'cancel' ? [] : asked.filter((id) => (listed ? listed.includes(id) : result[id] === 'accept'));
  return { accepted, declined: asked.filter((id) => !accepted.includes(id)) };
}
