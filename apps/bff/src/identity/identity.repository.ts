import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Platform } from './identity.errors.js';

export interface AccountRow {
  readonly id: string;
  readonly privacyPolicyVersion: string | null;
  readonly privacyConsentedAt: Date | null;
  readonly createdAt: Date;
}

export interface IdentityRow {
  readonly id: string;
  readonly accountId: string;
  readonly platform: Platform;
  readonly subject: string;
  readonly unionId: string | null;
  readonly subjectMasked: string;
  readonly createdAt: Date;
}

export interface NewIdentity {
  readonly platform: Platform;
  /** openid, Alipay user id, or the blind index of a phone number. */
  readonly subject: string;
  readonly unionId: string | null;
  /** The phone number, encrypted; null for platform ids. */
  readonly subjectEncrypted: string | null;
  readonly subjectMasked: string;
}

export interface PhoneCodeRow {
  readonly id: string;
  readonly codeHash: string;
  readonly expiresAt: Date;
  readonly attempts: number;
  readonly consumedAt: Date | null;
}

type Queryable = Pick<EntityManager, 'query'>;

const ACCOUNT_COLUMNS = `id, privacy_policy_version AS "privacyPolicyVersion",
  privacy_consented_at AS "privacyConsentedAt", created_at AS "createdAt"`;
const IDENTITY_COLUMNS = `id, account_id AS "accountId", platform, subject, union_id AS "unionId",
  subject_masked AS "subjectMasked", created_at AS "createdAt"`;

/** Accounts, their platform identities and phone sign-in codes. Pass a transaction's manager to join it. */
@Injectable()
export class IdentityRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async findIdentity(
    platform: Platform,
    subject: string,
    db: Queryable = this.dataSource,
  ): Promise<IdentityRow | null> {
    const rows = (await db.query(
      `SELECT ${IDENTITY_COLUMNS} FROM platform_identity WHERE platform = $1 AND subject = $2`,
      [platform, subject],
    )) as IdentityRow[];
    return rows[0] ?? null;
  }

  /** A WeChat identity of another mini-program of ours with the same unionid (same person). */
  async findByUnionId(unionId: string, db: Queryable = this.dataSource): Promise<IdentityRow | null> {
    const rows = (await db.query(
      `SELECT ${IDENTITY_COLUMNS} FROM platform_identity WHERE union_id = $1 ORDER BY created_at LIMIT 1`,
      [unionId],
    )) as IdentityRow[];
    return rows[0] ?? null;
  }

  async identitiesOf(accountId: string, db: Queryable = this.dataSource): Promise<IdentityRow[]> {
    return (await db.query(
      `SELECT ${IDENTITY_COLUMNS} FROM platform_identity WHERE account_id = $1 ORDER BY created_at`,
      [accountId],
    )) as IdentityRow[];
  }

  async findAccount(accountId: string, db: Queryable = this.dataSource): Promise<AccountRow | null> {
    const rows = (await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM account WHERE id = $1`, [accountId])) as AccountRow[];
    return rows[0] ?? null;
  }

  async createAccount(db: Queryable): Promise<AccountRow> {
    const rows = (await db.query(`INSERT INTO account DEFAULT VALUES RETURNING ${ACCOUNT_COLUMNS}`)) as AccountRow[];
    return rows[0];
  }

  /** Inserts, or returns null when (platform, subject) is already taken (by a concurrent sign-in, say). */
  async addIdentity(accountId: string, identity: NewIdentity, db: Queryable): Promise<IdentityRow | null> {
    const rows = (await db.query(
      `INSERT INTO platform_identity (account_id, platform, subject, union_id, subject_encrypted, subject_masked)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT platform_identity_subject_unique DO NOTHING
       RETURNING ${IDENTITY_COLUMNS}`,
      [
        accountId,
        identity.platform,
        identity.subject,
        identity.unionId,
        identity.subjectEncrypted,
        identity.subjectMasked,
      ],
    )) as IdentityRow[];
    return rows[0] ?? null;
  }

  async recordPrivacyConsent(accountId: string, version: string, at: Date): Promise<void> {
    await this.dataSource.query(
      'UPDATE account SET privacy_policy_version = $2, privacy_consented_at = $3 WHERE id = $1',
      [accountId, version, at],
    );
  }

  async savePhoneCode(phoneHash: string, codeHash: string, expiresAt: Date): Promise<void> {
    // A new code replaces the ones before it.
    await this.dataSource.query(
      'UPDATE phone_login_code SET consumed_at = now() WHERE phone_hash = $1 AND consumed_at IS NULL',
      [phoneHash],
    );
    await this.dataSource.query(
      'INSERT INTO phone_login_code (phone_hash, code_hash, expires_at) VALUES ($1, $2, $3)',
      [phoneHash, codeHash, expiresAt],
    );
  }

  async latestPhoneCode(phoneHash: string): Promise<PhoneCodeRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT id, code_hash AS "codeHash", expires_at AS "expiresAt", attempts, consumed_at AS "consumedAt"
       FROM phone_login_code WHERE phone_hash = $1 ORDER BY created_at DESC LIMIT 1`,
      [phoneHash],
    )) as PhoneCodeRow[];
    return rows[0] ?? null;
  }

  async countPhoneCodeAttempt(id: string): Promise<void> {
    await this.dataSource.query('UPDATE phone_login_code SET attempts = attempts + 1 WHERE id = $1', [id]);
  }

  /** Marks a code used; false when it was already used (two sign-ins racing with one code). */
  async consumePhoneCode(id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `WITH consumed AS (UPDATE phone_login_code SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING id)
       SELECT id FROM consumed`,
      [id],
    )) as unknown[];
    return rows.length === 1;
  }
}
