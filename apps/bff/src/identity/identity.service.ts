import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAINLAND_MOBILE, maskIdentifier, maskPhone } from '@family/domain';
import { CLOCK, type Clock } from '../common/clock.js';
import { FIELD_CIPHER, type FieldCipher } from '../common/crypto/field-cipher.js';
import { RATE_LIMITER, type RateLimiter } from '../common/rate-limit/rate-limiter.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Transactional } from '../database/database.js';
import {
  AuthenticationError,
  IdentityLinkedElsewhereError,
  InvalidPhoneError,
  InvalidPrivacyVersionError,
  PhoneRequiredError,
  type Platform,
  PlatformAlreadyLinkedError,
  TooManyRequestsError,
} from './identity.errors.js';
import type { AccountEntity } from './entities/account.entity.js';
import type { PlatformIdentityEntity } from './entities/platform-identity.entity.js';
import { IdentityRepository, type NewIdentity } from './identity.repository.js';
import { AlipayClient } from './platforms/alipay.client.js';
import { SmsClient } from './platforms/sms.client.js';
import { WechatClient } from './platforms/wechat.client.js';
import { type IssuedSession, SessionService } from './session.service.js';

export interface SignInInput {
  readonly platform: Platform;
  /** WeChat js_code, Alipay auth code, or the SMS code for H5. */
  readonly code: string;
  /** H5 only: the phone number the SMS code was sent to. */
  readonly phone?: string | null;
}

export interface AccountView {
  readonly account: AccountEntity;
  readonly identities: readonly PlatformIdentityEntity[];
}

export interface PhoneCodeSent {
  readonly maskedPhone: string;
  readonly expiresInSeconds: number;
  readonly retryAfterSeconds: number;
}

const PHONE_CODE_TTL_MS = 5 * 60_000;
const PHONE_CODE_INTERVAL_MS = 60_000;
const PHONE_CODES_PER_IP_PER_HOUR = 10;
/** Tries at one code, the right one included; after them the code is locked, right or wrong. */
export const PHONE_CODE_MAX_ATTEMPTS = 5;
/** Codes texted to one number per day: with the attempts above, at most 50 guesses a day. */
const PHONE_CODES_PER_PHONE_PER_DAY = 10;

/** Thrown inside a transaction to roll it back when a concurrent sign-in created the identity first. */
class IdentityTakenConcurrently extends Error {}

@Injectable()
export class IdentityService {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly sessions: SessionService,
    private readonly wechat: WechatClient,
    private readonly alipay: AlipayClient,
    private readonly sms: SmsClient,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs in with a platform credential; the first sign-in of an identity creates its account. */
  async signIn(input: SignInInput, clientIp: string): Promise<IssuedSession & { newAccount: boolean }> {
    await this.limit(`login:ip:${clientIp}`, this.config.auth.loginLimitPerIp, 60_000);
    const identity = await this.verify(input);
    await this.limit(
      `login:identity:${identity.platform}:${identity.subject}`,
      this.config.auth.loginLimitPerIdentity,
      60_000,
    );
    const { accountId, created } = await this.accountFor(identity);
    return { ...(await this.sessions.start(accountId, identity.platform)), newAccount: created };
  }

  /** Adds another platform's identity to the signed-in account (P1: one account across platforms). */
  async link(accountId: string, input: SignInInput, clientIp: string): Promise<AccountView> {
    await this.limit(`login:ip:${clientIp}`, this.config.auth.loginLimitPerIp, 60_000);
    const identity = await this.verify(input);
    const existing = await this.identities.findIdentity(identity.platform, identity.subject);
    if (existing) {
      if (existing.accountId !== accountId) throw new IdentityLinkedElsewhereError(identity.platform);
      return this.view(accountId);
    }
    const current = await this.identities.identitiesOf(accountId);
    if (current.some((row) => row.platform === identity.platform))
      throw new PlatformAlreadyLinkedError(identity.platform);
    const added = await this.identities.addIdentity(accountId, identity);
    if (!added) throw new IdentityLinkedElsewhereError(identity.platform);
    return this.view(accountId);
  }

  async view(accountId: string): Promise<AccountView> {
    const account = await this.identities.findAccount(accountId);
    // A token outlived its account (deleted): the same answer as any invalid session.
    if (!account) throw new AuthenticationError('SESSION_REVOKED');
    return { account, identities: await this.identities.identitiesOf(accountId) };
  }

  async agreePrivacyPolicy(accountId: string, version: string): Promise<AccountView> {
    if (version !== this.config.privacyPolicyVersion)
      throw new InvalidPrivacyVersionError(this.config.privacyPolicyVersion);
    await this.identities.recordPrivacyConsent(accountId, version, new Date(this.clock.now()));
    return this.view(accountId);
  }

  /**
   * Sends an H5 sign-in code by SMS. The answer is the same whether or not the number has an account,
   * so it tells nobody who our users are.
   */
  async requestPhoneCode(phone: string, clientIp: string): Promise<PhoneCodeSent> {
    if (!MAINLAND_MOBILE.test(phone)) throw new InvalidPhoneError();
    const phoneHash = this.cipher.blindIndex(phone);
    await this.limit(`phone-code:phone:${phoneHash}`, 1, PHONE_CODE_INTERVAL_MS);
    await this.limit(`phone-code:phone-day:${phoneHash}`, PHONE_CODES_PER_PHONE_PER_DAY, 86_400_000);
    await this.limit(`phone-code:ip:${clientIp}`, PHONE_CODES_PER_IP_PER_HOUR, 3_600_000);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.storePhoneCode(phoneHash, this.cipher.blindIndex(`${phoneHash}:${code}`));
    await this.sms.send(phone, `【家保】您的登录验证码为 ${code}，5 分钟内有效。请勿告诉他人。`);
    return {
      maskedPhone: maskPhone(phone),
      expiresInSeconds: PHONE_CODE_TTL_MS / 1000,
      retryAfterSeconds: PHONE_CODE_INTERVAL_MS / 1000,
    };
  }

  @Transactional()
  private async storePhoneCode(phoneHash: string, codeHash: string): Promise<void> {
    const now = this.clock.now();
    await this.identities.replacePhoneCode(phoneHash, codeHash, new Date(now + PHONE_CODE_TTL_MS), new Date(now));
  }

  private async verify(input: SignInInput): Promise<NewIdentity> {
    switch (input.platform) {
      case 'WECHAT': {
        const session = await this.wechat.exchangeCode(input.code);
        return {
          platform: 'WECHAT',
          subject: session.openid,
          unionId: session.unionid,
          subjectEncrypted: null,
          subjectMasked: maskIdentifier(session.openid),
        };
      }
      case 'ALIPAY': {
        const { userId } = await this.alipay.exchangeCode(input.code);
        return {
          platform: 'ALIPAY',
          subject: userId,
          unionId: null,
          subjectEncrypted: null,
          subjectMasked: maskIdentifier(userId),
        };
      }
      case 'H5': {
        if (!input.phone) throw new PhoneRequiredError();
        if (!MAINLAND_MOBILE.test(input.phone)) throw new InvalidPhoneError();
        const phoneHash = this.cipher.blindIndex(input.phone);
        await this.checkPhoneCode(phoneHash, input.code);
        return {
          platform: 'H5',
          subject: phoneHash,
          unionId: null,
          subjectEncrypted: this.cipher.encrypt(input.phone),
          subjectMasked: maskPhone(input.phone),
        };
      }
    }
  }

  /**
   * Every try counts against the phone's current code before it is compared, in one statement, so
   * guesses sent at once cannot outrun the count; after PHONE_CODE_MAX_ATTEMPTS tries the code is
   * locked and even the right code is refused.
   */
  private async checkPhoneCode(phoneHash: string, code: string): Promise<void> {
    const row = await this.identities.latestPhoneCode(phoneHash);
    if (!row) throw new AuthenticationError('LOGIN_CODE_INVALID');
    const now = new Date(this.clock.now());
    const attempt = await this.identities.countPhoneCodeAttempt(row.id, PHONE_CODE_MAX_ATTEMPTS, now);
    if (attempt === null) throw new AuthenticationError('LOGIN_CODE_INVALID');
    if (row.codeHash !== this.cipher.blindIndex(`${phoneHash}:${code}`))
      throw new AuthenticationError('LOGIN_CODE_INVALID');
    if (!(await this.identities.consumePhoneCode(row.id, now))) throw new AuthenticationError('LOGIN_CODE_INVALID');
  }

  /** The identity's account, and whether this sign-in created it. */
  private async accountFor(identity: NewIdentity): Promise<{ accountId: string; created: boolean }> {
    const existing = await this.identities.findIdentity(identity.platform, identity.subject);
    if (existing) return { accountId: existing.accountId, created: false };
    // Another mini-program of ours already knows this WeChat user (same unionid): same person, same account.
    const sibling = identity.unionId ? await this.identities.findByUnionId(identity.unionId) : null;
    try {
      return {
        accountId: await this.createIdentity(identity, sibling?.accountId ?? null),
        created: sibling === null,
      };
    } catch (error) {
      if (!(error instanceof IdentityTakenConcurrently)) throw error;
      const winner = await this.identities.findIdentity(identity.platform, identity.subject);
      if (!winner) throw error;
      return { accountId: winner.accountId, created: false };
    }
  }

  /** The account (new unless given) and its first identity land together or not at all. */
  @Transactional()
  private async createIdentity(identity: NewIdentity, accountId: string | null): Promise<string> {
    const owner = accountId ?? (await this.identities.createAccount()).id;
    if (!(await this.identities.addIdentity(owner, identity))) throw new IdentityTakenConcurrently();
    return owner;
  }

  private async limit(key: string, limit: number, windowMs: number): Promise<void> {
    const decision = await this.rateLimiter.hit(key, limit, windowMs);
    if (!decision.allowed) throw new TooManyRequestsError(decision.retryAfterMs);
  }
}
