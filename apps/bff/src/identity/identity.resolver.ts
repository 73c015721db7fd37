import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Public } from '../common/auth/public-operations.js';
import { ClientIp, CurrentSession } from '../common/auth/request-auth.js';
import { mapAccount, mapSession } from './identity.mapper.js';
import { IdentityService } from './identity.service.js';
import {
  AccountModel,
  AuthSessionModel,
  PhoneCodeRequestModel,
  PlatformEnum,
  PrivacyPolicyModel,
} from './models/account.model.js';
import type { Platform } from './identity.errors.js';
import { SessionService } from './session.service.js';
import { InviteService } from '../invites/index.js';
import type { SessionClaims } from '../common/auth/session-claims.js';

/** Signing in: public, rate-limited. */
@Resolver()
@Public()
export class SignInResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
    private readonly invites: InviteService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => PhoneCodeRequestModel, { description: 'Texts an H5 sign-in code' })
  requestPhoneCode(@Args('phone') phone: string, @ClientIp() ip: string): Promise<PhoneCodeRequestModel> {
    return this.identity.requestPhoneCode(phone, ip);
  }

  @Mutation(() => AuthSessionModel, { description: 'Exchanges a platform credential for a session' })
  async login(
    @Args('platform', { type: () => PlatformEnum }) platform: Platform,
    @Args('code', { description: 'WeChat wx.login code, Alipay my.getAuthCode code, or the SMS code (H5)' })
    code: string,
    @Args('phone', { type: () => String, nullable: true, description: 'H5 only' }) phone: string | null,
    @ClientIp() ip: string,
    @Args('inviteCode', {
      type: () => String,
      nullable: true,
      description: 'The invite the person arrived through, if any (attribution; an unknown code is ignored)',
    })
    inviteCode: string | null,
  ): Promise<AuthSessionModel> {
    const session = await this.identity.signIn({ platform, code, phone }, ip);
    if (inviteCode) await this.invites.recordSignIn(session.accountId, inviteCode, session.newAccount);
    return mapSession(
      session,
      mapAccount(await this.identity.view(session.accountId), this.config.privacyPolicyVersion),
    );
  }

  @Mutation(() => AuthSessionModel, { description: 'Rotates the refresh token; a reused one revokes the session' })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthSessionModel> {
    const session = await this.sessions.refresh(refreshToken);
    return mapSession(
      session,
      mapAccount(await this.identity.view(session.accountId), this.config.privacyPolicyVersion),
    );
  }

  @Query(() => PrivacyPolicyModel, { description: 'The privacy policy version to agree to' })
  privacyPolicy(): PrivacyPolicyModel {
    return { version: this.config.privacyPolicyVersion };
  }
}

/** The signed-in account (every field needs a session, like everything not public). */
@Resolver(() => AccountModel)
export class AccountResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => AccountModel)
  async me(@CurrentSession() session: SessionClaims): Promise<AccountModel> {
    return mapAccount(await this.identity.view(session.accountId), this.config.privacyPolicyVersion);
  }

  @Mutation(() => AccountModel, { description: 'Adds another platform identity to this account' })
  async linkPlatform(
    @CurrentSession() session: SessionClaims,
    @Args('platform', { type: () => PlatformEnum }) platform: Platform,
    @Args('code') code: string,
    @Args('phone', { type: () => String, nullable: true }) phone: string | null,
    @ClientIp() ip: string,
  ): Promise<AccountModel> {
    return mapAccount(
      await this.identity.link(session.accountId, { platform, code, phone }, ip),
      this.config.privacyPolicyVersion,
    );
  }

  @Mutation(() => AccountModel)
  async agreePrivacyPolicy(
    @CurrentSession() session: SessionClaims,
    @Args('version') version: string,
  ): Promise<AccountModel> {
    return mapAccount(
      await this.identity.agreePrivacyPolicy(session.accountId, version),
      this.config.privacyPolicyVersion,
    );
  }

  @Mutation(() => Boolean, { description: 'Ends this session (its tokens stop working at once)' })
  async logout(@CurrentSession() session: SessionClaims): Promise<boolean> {
    await this.sessions.end(session.sessionId);
    return true;
  }
}
