import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Database } from '../database/database.js';
import { AccountEntity } from './entities/account.entity.js';
import { PhoneLoginCodeEntity } from './entities/phone-login-code.entity.js';
import { PlatformIdentityEntity } from './entities/platform-identity.entity.js';
import type { Platform } from './identity.errors.js';

export interface NewIdentity {
  readonly platform: Platform;
  /** openid, Alipay user id, or the blind index of a phone number. */
  readonly subject: string;
  readonly unionId: string | null;
  /** The phone number, encrypted; null for platform ids. */
  readonly subjectEncrypted: string | null;
  readonly subjectMasked: string;
}

/** Accounts, their platform identities and phone sign-in codes. Calls join the caller's transaction. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly database: Database) {}

  private get accounts() {
    return this.database.repository(AccountEntity);
  }

  private get identities() {
    return this.database.repository(PlatformIdentityEntity);
  }

  private get phoneCodes() {
    return this.database.repository(PhoneLoginCodeEntity);
  }

  findIdentity(platform: Platform, subject: string): Promise<PlatformIdentityEntity | null> {
    return this.identities.findOneBy({ platform, subject });
  }

  /** A WeChat identity of another mini-program of ours with the same unionid (same person). */
  findByUnionId(unionId: string): Promise<PlatformIdentityEntity | null> {
    return this.identities.findOne({ where: { unionId }, order: { createdAt: 'ASC' } });
  }

  identitiesOf(accountId: string): Promise<PlatformIdentityEntity[]> {
    return this.identities.find({ where: { accountId }, order: { createdAt: 'ASC' } });
  }

  /** The identities of several accounts, oldest first. */
  identitiesOfAccounts(accountIds: readonly string[]): Promise<PlatformIdentityEntity[]> {
    if (accountIds.length === 0) return Promise.resolve([]);
    return this.identities.find({ where: { accountId: In([...accountIds]) }, order: { createdAt: 'ASC' } });
  }

  findAccount(accountId: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ id: accountId });
  }

  createAccount(): Promise<AccountEntity> {
    return this.accounts.save(this.accounts.create({ privacyPolicyVersion: null, privacyConsentedAt: null }));
  }

  /** Inserts, or returns null when (platform, subject) is already taken (by a concurrent sign-in, say). */
  async addIdentity(accountId: string, identity: NewIdentity): Promise<PlatformIdentityEntity | null> {
    const result = await this.identities
      .createQueryBuilder()
      .insert()
      .values({ accountId, ...identity })
      // ON CONFLICT DO NOTHING: the unique (platform, subject) decides races, not a read before the write.
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = (result.raw as { id: string }[])[0];
    return inserted ? this.identities.findOneBy({ id: inserted.id }) : null;
  }

  async recordPrivacyConsent(accountId: string, version: string, at: Date): Promise<void> {
    await this.accounts.update({ id: accountId }, { privacyPolicyVersion: version, privacyConsentedAt: at });
  }

  /** Stores a new code for a phone; codes sent before it stop working. Call inside a transaction. */
  async replacePhoneCode(phoneHash: string, codeHash: string, expiresAt: Date, now: Date): Promise<void> {
    await this.phoneCodes.update({ phoneHash, consumedAt: IsNull() }, { consumedAt: now });
    await this.phoneCodes.insert({ phoneHash, codeHash, expiresAt, attempts: 0, consumedAt: null });
  }

  latestPhoneCode(phoneHash: string): Promise<PhoneLoginCodeEntity | null> {
    return this.phoneCodes.findOne({ where: { phoneHash }, order: { createdAt: 'DESC' } });
  }

  /**
   * Counts one attempt at a code, in one statement so that guesses sent at once cannot all pass the
   * check: returns the attempts so far, or null when the code is used up, locked or expired.
   */
  async countPhoneCodeAttempt(id: string, maxAttempts: number, now: Date): Promise<number | null> {
    const result = await this.phoneCodes
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :maxAttempts AND consumed_at IS NULL AND expires_at > :now', {
        id,
        maxAttempts,
        now,
      })
      .returning(['attempts'])
      .execute();
    const row = (result.raw as { attempts: number }[])[0];
    return row ? row.attempts : null;
  }

  /** Marks a code used; false when it was already used (two sign-ins racing with one code). */
  async consumePhoneCode(id: string, now: Date): Promise<boolean> {
    const result = await this.phoneCodes.update({ id, consumedAt: IsNull() }, { consumedAt: now });
    return result.affected === 1;
  }
}
