import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { IdentityRepository } from './identity.repository.js';
import { AccountResolver, SignInResolver } from './identity.resolver.js';
import { IdentityService } from './identity.service.js';
import { PlatformClientsModule } from './platforms/platform-clients.module.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';
import { InvitesModule } from '../invites/index.js';

/** Sign-in, sessions, and the global AuthGuard that every other feature's resolvers stand behind. */
@Module({
  imports: [PlatformClientsModule, InvitesModule],
  providers: [
    IdentityRepository,
    SessionRepository,
    TokenService,
    SessionService,
    IdentityService,
    { provide: APP_GUARD, useClass: AuthGuard },
    SignInResolver,
    AccountResolver,
  ],
})
export class IdentityModule {}
