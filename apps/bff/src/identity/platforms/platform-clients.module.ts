import { Module } from '@nestjs/common';
import { AlipayClient } from './alipay.client.js';
import { SmsClient } from './sms.client.js';
import { WechatClient } from './wechat.client.js';

/**
 * The platforms' server API clients, one instance each for the whole app (WechatClient holds the
 * access token): sign-in uses them, and so does anything else that calls WeChat or Alipay.
 */
@Module({
  providers: [WechatClient, AlipayClient, SmsClient],
  exports: [WechatClient, AlipayClient, SmsClient],
})
export class PlatformClientsModule {}
