import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
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
import { InvitesModule } from '../invites/index.js';

/** Sign-in, sessions, and the global AuthGuard that every other feature's resolvers stand behind. */
@Module({
  imports: [InvitesModule],
  providers: [
    IdentityRepository,
    SessionRepository,
    TokenService,
    SessionService,
    IdentityService,
    WechatClient,
    AlipayClient,
    SmsClient,
    { provide: APP_GUARD, useClass: AuthGuard },
    SignInResolver,
    AccountResolver,
  ],
})
export class IdentityModule {}
