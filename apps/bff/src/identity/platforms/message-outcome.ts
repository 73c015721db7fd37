/**
 * What a platform answered to one subscription message: sent; refused because the person has no
 * subscription left for the template (WeChat 43101, Alipay USER_NOT_SUBSCRIBED); or refused for good
 * (a bad openid, template id or data: retrying cannot help). A failure that may pass (a system error,
 * no answer) throws MessageUnavailableError instead.
 */
export type MessageOutcome =
  | { readonly kind: 'SENT' }
  | { readonly kind: 'NO_SUBSCRIPTION' }
  | { readonly kind: 'REJECTED'; readonly code: string };

/** The platform could not take the message now (system error, timeout, 5xx): try again later. */
export class MessageUnavailableError extends Error {
  constructor(readonly platform: 'WECHAT' | 'ALIPAY' | 'H5') {
    super(`${platform} could not take the message now`);
    this.name = 'MessageUnavailableError';
  }
}
