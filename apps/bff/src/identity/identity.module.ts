import { Global, Module } from '@nestjs/common';
import { AuthGuard } from './auth.guard.js';
import { IdentityRepository } from './identity.repository.js';
import { AccountResolver, SignInResolver } from './identity.resolver.js';
import { IdentityService } from './identity.service.js';
import { AlipayClient } from './platforms/alipay.client.js';
import { SmsClient } from './platforms/sms.client.js';
import { WechatClient } from './platforms/wechat.client.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

/** Global so every feature can put AuthGuard on its resolvers. */
@Global()
@Module({
  providers: [
    IdentityRepository,
    SessionRepository,
    TokenService,
    SessionService,
    IdentityService,
    WechatClient,
    AlipayClient,
    SmsClient,
    AuthGuard,
    SignInResolver,
    AccountResolver,
  ],
  exports: [AuthGuard, SessionService],
})
export class IdentityModule {}
