/**
 * What other features may use of identity (a lint rule keeps them to this file): the platforms'
 * server API clients with their module, the errors of mini-program codes, and how to reach an account.
 */
export { AccountContactsModule } from './account-contacts.module.js';
export { AccountContactsService, type AccountContacts } from './account-contacts.service.js';
export { PlatformClientsModule } from './platforms/platform-clients.module.js';
export {
  AlipayClient,
  type AlipayQrCodeRequest,
  type AlipayTemplateMessageRequest,
} from './platforms/alipay.client.js';
export {
  WechatClient,
  type UnlimitedCodeRequest,
  type SubscribeMessageRequest,
  type MessageOutcome,
} from './platforms/wechat.client.js';
export { SmsClient } from './platforms/sms.client.js';
export { MessageUnavailableError } from './platforms/message-outcome.js';
export {
  InvalidSceneError,
  MiniProgramCodeError,
  MiniProgramCodeQuotaError,
  MiniProgramCodeUnavailableError,
  MiniProgramPageNotPublishedError,
  type MiniProgramCodeFailure,
} from './platforms/mini-program-code.errors.js';
export { PlatformEnum } from './models/account.model.js';
