/**
 * What other features may use of identity (a lint rule keeps them to this file): the platforms'
 * server API clients with their module, and the errors of mini-program codes.
 */
export { PlatformClientsModule } from './platforms/platform-clients.module.js';
export { AlipayClient, type AlipayQrCodeRequest } from './platforms/alipay.client.js';
export { WechatClient, type UnlimitedCodeRequest } from './platforms/wechat.client.js';
export {
  InvalidSceneError,
  MiniProgramCodeError,
  MiniProgramCodeQuotaError,
  MiniProgramCodeUnavailableError,
  MiniProgramPageNotPublishedError,
  type MiniProgramCodeFailure,
} from './platforms/mini-program-code.errors.js';
